package dev.kaizen.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchKindsTest {
  @Test
  void aMixSplitsTheResourcesByWeightAndTheCountsAddUp() {
    Map<BenchKind, Integer> counts = BenchKinds.split("logpipeline=7,cronjobset=3", 101);

    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(101);
    assertThat(counts).hasSize(2);
    assertThat(counts.entrySet()).anySatisfy(e -> {
      assertThat(e.getKey().kind()).isEqualTo("LogPipeline");
      assertThat(e.getValue()).isBetween(70, 71);
    });
  }

  @Test
  void anUnknownKindIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> BenchKinds.split("logpipeline=1,gadget=1", 10))
        .hasMessageContaining("no kind gadget").hasMessageContaining("logpipeline");
  }

  @Test
  void everyKindWritesAManifestOfItsOwnKind() {
    for (BenchKind kind : BenchKinds.ALL) {
      String yaml = kind.manifest("bench", 7, BenchRun.REGION);
      assertThat(yaml).contains("kind: " + kind.kind()).contains("namespace: bench").contains("-7");
    }
  }

  @Test
  void everyKindsManifestsPassKaizenValidate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    StringBuilder all = new StringBuilder();
    for (BenchKind kind : BenchKinds.ALL) {
      for (String object : kind.clusterObjects("bench")) {
        all.append("---\n").append(object);
      }
      for (int i = 0; i < 3; i++) {
        all.append("---\n").append(kind.manifest("bench", i, BenchRun.REGION));
      }
    }
    java.nio.file.Files.writeString(dir.resolve("bench.yaml"), all);
    java.io.StringWriter problems = new java.io.StringWriter();
    picocli.CommandLine validate = new picocli.CommandLine(new dev.kaizen.operator.cli.ValidateCommand())
        .setErr(new java.io.PrintWriter(problems)).setOut(new java.io.PrintWriter(new java.io.StringWriter()));

    int exit = validate.execute(dir.toString());

    assertThat(problems.toString()).isEmpty();
    assertThat(exit).isZero();
  }

  @Test
  void theDefaultMixHasEveryKind() throws Exception {
    String defaultMix = BenchCommand.class.getDeclaredField("mix").getAnnotation(picocli.CommandLine.Option.class)
        .defaultValue();

    assertThat(BenchKinds.split(defaultMix, 100).keySet()).containsExactlyInAnyOrderElementsOf(BenchKinds.ALL);
  }
}
