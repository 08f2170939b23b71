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
}
