package dev.kaizen.operator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  private static final String PIPELINE = """
      apiVersion: kaizen.dev/v1alpha1
      kind: LogPipeline
      metadata:
        name: web
        namespace: shop
      spec:
        logGroup: {}
      """;
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      """;

  @TempDir
  Path dir;

  private final ManifestReader reader = new ManifestReader();

  @Test
  void readsEveryDocumentOfOurGroupAndSkipsOthers() {
    ManifestReader.Result read = reader.readString("all.yaml", DEPLOYMENT + "---\n" + PIPELINE + "---\n");
    assertThat(read.problems()).isEmpty();
    assertThat(read.skipped()).isEqualTo(1);
    assertThat(read.manifests()).singleElement().satisfies(m -> {
      assertThat(m.file()).isEqualTo("all.yaml");
      assertThat(m.index()).isEqualTo(1);
      assertThat(m.kind()).isEqualTo("LogPipeline");
      assertThat(m.group()).isEqualTo("kaizen.dev");
      assertThat(m.version()).isEqualTo("v1alpha1");
      assertThat(m.resource()).isEqualTo("LogPipeline shop/web");
      assertThat(m.object().at("/metadata/name").asText()).isEqualTo("web");
    });
  }

  @Test
  void documentsThatAreNotKubernetesObjectsAreSkipped() {
    ManifestReader.Result read = reader.readString("values.yaml", "replicas: 3\n---\n- a\n- b\n");
    assertThat(read.manifests()).isEmpty();
    assertThat(read.problems()).isEmpty();
    assertThat(read.skipped()).isEqualTo(2);
  }

  @Test
  void walksDirectoriesForYamlFilesInOrderAndIgnoresOtherFiles() throws IOException {
    Files.createDirectories(dir.resolve("apps/shop"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("apps/shop/b.yml"), PIPELINE.replace("name: web", "name: b"));
    Files.writeString(dir.resolve("apps/a.yaml"), PIPELINE.replace("name: web", "name: a") + "---\n" + DEPLOYMENT);
    Files.writeString(dir.resolve("apps/README.md"), PIPELINE);
    Files.writeString(dir.resolve(".git/c.yaml"), PIPELINE);

    ManifestReader.Result read = reader.read(dir);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests()).extracting(Manifest::name).containsExactly("a", "b");
    assertThat(read.skipped()).isEqualTo(1);
  }

  @Test
  void aSyntaxErrorIsAProblemNamingTheFileAndLine() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), PIPELINE + "---\nkind: [LogPipeline\n");
    Path fine = Files.writeString(dir.resolve("fine.yaml"), PIPELINE);

    ManifestReader.Result read = reader.read(broken, fine);
    assertThat(read.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(broken.toString());
      assertThat(p.message()).startsWith("invalid YAML at line 10");
      assertThat(p.toString()).startsWith(broken + ": invalid YAML at line 10");
    });
    // The documents before the error, and the other files, are still read.
    assertThat(read.manifests()).extracting(Manifest::file).containsExactly(broken.toString(), fine.toString());
  }

  @Test
  void aDuplicateKeyIsAProblem() {
    ManifestReader.Result read = reader.readString("dup.yaml", PIPELINE + "spec: {}\n");
    assertThat(read.problems()).singleElement()
        .extracting(Problem::message).asString()
        .contains("Duplicate field 'spec'");
  }

  @Test
  void aMissingPathIsAProblem() {
    ManifestReader.Result read = reader.read(dir.resolve("nope.yaml"));
    assertThat(read.problems()).singleElement().extracting(Problem::message).isEqualTo("no such file or directory");
  }

  @Test
  void aDocumentOfOurGroupWithoutKindIsAProblem() {
    ManifestReader.Result read = reader.readString("x.yaml", "apiVersion: kaizen.dev/v1alpha1\nmetadata: {name: a}\n");
    assertThat(read.manifests()).isEmpty();
    assertThat(read.problems()).singleElement().hasToString("x.yaml: kind: document 0 has no kind");
  }
}
