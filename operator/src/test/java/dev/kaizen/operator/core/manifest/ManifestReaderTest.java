package dev.kaizen.operator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  @Test
  void aDirectoryScanReadsJsonManifestsAndTheItemsOfAList() throws IOException {
    Files.writeString(dir.resolve("a.json"), """
        {"apiVersion": "kaizen.dev/v1alpha1", "kind": "LogPipeline",
         "metadata": {"name": "a", "namespace": "shop"}, "spec": {"logGroup": {}}}
        """);
    Files.writeString(dir.resolve("list.json"), """
        {
          "apiVersion": "v1",
          "kind": "List",
          "items": [
            {"apiVersion": "kaizen.dev/v1alpha1", "kind": "LogPipeline",
             "metadata": {"name": "b", "namespace": "shop"}},
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}},
            {"apiVersion": "kaizen.dev/v1alpha1", "kind": "LogPipeline", "metadata": {"name": "c", "namespace": "shop"}}
          ]
        }
        """);

    ManifestReader.Result read = reader.read(dir);

    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests()).extracting(Manifest::name).containsExactly("a", "b", "c");
    assertThat(read.manifests()).extracting(Manifest::location)
        .containsExactly(dir.resolve("a.json") + ":1", dir.resolve("list.json") + ":1",
            dir.resolve("list.json") + ":1");
    assertThat(read.skipped()).isEqualTo(1);
  }

  @Test
  void aYamlListIsReadItemByItem() {
    ManifestReader.Result read = reader.readString("list.yaml", """
        apiVersion: v1
        kind: List
        items:
        %s""".formatted(("- " + PIPELINE.indent(2).strip()).indent(0)));
    assertThat(read.manifests()).extracting(Manifest::resource).containsExactly("LogPipeline shop/web");
  }

  @Test
  void brokenJsonIsAProblemNamingTheFileAndLine() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), """
        {
          "apiVersion": "kaizen.dev/v1alpha1",
          "kind": "LogPipeline",
          "metadata": {"name": "web",}
        }
        """);

    ManifestReader.Result read = reader.read(dir);

    assertThat(read.manifests()).isEmpty();
    assertThat(read.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(broken.toString());
      assertThat(p.message()).startsWith("invalid JSON at line 4, column");
    });
  }

  @Test
  void aDuplicateKeyInJsonIsAProblem() {
    ManifestReader.Result read = reader.readString("dup.json",
        "{\"apiVersion\": \"kaizen.dev/v1alpha1\", \"kind\": \"LogPipeline\", \"kind\": \"LogPipeline\"}");
    assertThat(read.problems()).singleElement().extracting(Problem::message).asString()
        .startsWith("invalid JSON at line 1").contains("Duplicate field 'kind'");
  }

  @Test
  void documentsStartOnTheLinesGiven() {
    ManifestReader.Result read = reader.readString("two.yaml", "# header\n" + PIPELINE + "---\n" + PIPELINE);
    assertThat(read.manifests()).extracting(Manifest::location).containsExactly("two.yaml:2", "two.yaml:10");
  }

  @Test
  void anEmptyFileIsANoticeNotAManifest() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Path comments = Files.writeString(dir.resolve("comments.yaml"), "# nothing yet\n---\n");
    Path emptyJson = Files.writeString(dir.resolve("empty.json"), "  \n");

    ManifestReader.Result read = reader.read(empty, comments, emptyJson);

    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests()).isEmpty();
    assertThat(read.notices()).extracting(Problem::toString).containsExactly(
        empty + ": empty: no YAML document in it",
        comments + ": empty: no YAML document in it",
        emptyJson + ": empty: no JSON document in it");
  }

  @Test
  void anApiGroupOneTypoAwayFromOursIsAProblemNotSkipped() {
    for (String apiVersion : new String[] {
        "kaizen.dv/v1alpha1", "Kaizen.dev/v1alpha1", "kaizen.dev.io/v1alpha1", "kiazen.dev/v1alpha1",
        "kaizendev/v1alpha1", "kaizen.dev"}) {
      ManifestReader.Result read = reader.readString("typo.yaml",
          PIPELINE.replace("kaizen.dev/v1alpha1", apiVersion));
      assertThat(read.skipped()).as(apiVersion).isZero();
      assertThat(read.manifests()).as(apiVersion).isEmpty();
      assertThat(read.problems()).as(apiVersion).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("typo.yaml:1");
        assertThat(p.resource()).isEqualTo("LogPipeline shop/web");
        assertThat(p.path()).isEqualTo("apiVersion");
        assertThat(p.message()).contains("\"" + apiVersion + "\"", "kaizen.dev/");
      });
    }
    assertThat(reader.readString("typo.yaml", PIPELINE.replace("kaizen.dev/v1alpha1", "kaizen.dv/v1alpha1"))
        .problems()).singleElement()
        .extracting(Problem::message).asString().contains("did you mean kaizen.dev/v1alpha1?");
  }

  @Test
  void foreignGroupsStaySkipped() {
    for (String apiVersion : new String[] {"apps/v1", "v1", "argoproj.io/v1alpha1", "kustomize.config.k8s.io/v1beta1",
        "monitoring.coreos.com/v1", "keda.sh/v1alpha1"}) {
      ManifestReader.Result read = reader.readString("other.yaml", DEPLOYMENT.replace("apps/v1", apiVersion));
      assertThat(read.problems()).as(apiVersion).isEmpty();
      assertThat(read.skipped()).as(apiVersion).isEqualTo(1);
    }
  }

  @Test
  void dashReadsStandardInputAsYamlOrJson() {
    var yamlInput = new ManifestReader(ManifestReader.KAIZEN_GROUP,
        () -> new ByteArrayInputStream(PIPELINE.getBytes(StandardCharsets.UTF_8)));
    assertThat(yamlInput.read(Path.of("-")).manifests()).extracting(Manifest::location).containsExactly("<stdin>:1");

    String json = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"kaizen.dev/v1alpha1\","
        + " \"kind\": \"LogPipeline\", \"metadata\": {\"name\": \"web\"}}]}";
    var jsonInput = new ManifestReader(ManifestReader.KAIZEN_GROUP,
        () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(jsonInput.read(Path.of("-")).manifests()).extracting(Manifest::resource)
        .containsExactly("LogPipeline web");
  }
}
