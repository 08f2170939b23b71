package dev.kaizen.operator.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcileTimingsTest {

  @Test
  void throttlingIsQuietForATenthOfTheResync() {
    assertThat(ReconcileTimings.defaults().rateLimitedQuietFor()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aShortResyncStillKeepsTheRetryAfterOneThrottleQuiet() {
    // The bench at time scale 60: a 10 s resync, AWS throttling retried after 5 s (not scaled).
    ReconcileTimings scaled = ReconcileTimings.defaults().withResync(Duration.ofSeconds(10));
    assertThat(scaled.rateLimitedQuietFor()).isEqualTo(Duration.ofSeconds(10));
    assertThat(scaled.rateLimitedQuietFor()).isGreaterThan(scaled.backoffBase());
  }
}
