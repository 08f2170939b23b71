package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
  private final Instant t1 = Instant.parse("2026-01-01T10:05:00Z");

  @Test
  void transitionTimeMovesOnlyWhenTheValueChanges() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(conditions, Conditions.READY, true, "InSync", "ok", 1L, t0);
    Conditions.set(conditions, Conditions.READY, true, "InSync", "still ok", 2L, t1);
    assertThat(conditions).singleElement().satisfies(c -> {
      assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
      assertThat(c.getMessage()).isEqualTo("still ok");
      assertThat(c.getObservedGeneration()).isEqualTo(2L);
    });

    Conditions.set(conditions, Conditions.READY, false, "Throttled", "slow down", 2L, t1);
    assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");
    assertThat(Conditions.isTrue(conditions, Conditions.READY)).isFalse();
    assertThat(Conditions.reason(conditions, Conditions.READY)).contains("Throttled");
  }
}
