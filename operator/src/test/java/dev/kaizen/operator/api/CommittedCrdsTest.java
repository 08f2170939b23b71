package dev.kaizen.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CRDs under crds/ are what the build generates from the Java model. After changing the model, regenerate
 * them with {@code ./mvnw -q test -Dtest=CommittedCrdsTest -Dkaizen.updateCrds=true} and commit.
 */
class CommittedCrdsTest {
  private static final Path CRDS = Path.of("..", "crds");

  @Test
  void committedCrdsMatchTheModel() throws IOException {
    boolean update = Boolean.getBoolean("kaizen.updateCrds");
    for (var kind : Kinds.ALL) {
      Path file = CRDS.resolve(Kinds.crdName(kind) + ".yaml");
      String generated = Kinds.crdYaml(kind);
      if (update) {
        Files.createDirectories(CRDS);
        Files.writeString(file, generated);
      }
      assertThat(file).as("committed CRD for %s", kind.getSimpleName()).exists();
      assertThat(Files.readString(file))
          .as("%s differs from the Java model: run ./mvnw -q test -Dtest=CommittedCrdsTest -Dkaizen.updateCrds=true",
              file)
          .isEqualTo(generated);
    }
  }

  @Test
  void printerColumnsKeepTheDeclaredOrder() {
    var columns = Kinds.crd(dev.kaizen.operator.api.v1alpha1.logs.LogPipeline.class)
        .getSpec().getVersions().get(0).getAdditionalPrinterColumns();
    assertThat(columns).extracting(c -> c.getName())
        .containsExactly("Log Group", "Retention", "Mode", "Ready", "Reason", "Account", "Age");
  }
}
