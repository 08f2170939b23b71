package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.reconcile.DetailCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogsFlowingTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final String CM = "logging/kaizen-fluent-bit-2";

  private static DetailCondition read(Optional<StreamActivity> latest) {
    return LogsFlowing.condition(true, Optional.of(latest), Optional.empty(), NOW, CM, "/shop/web");
  }

  @Test
  void eventsWithinTheHourAreFlowing() {
    DetailCondition c = read(Optional.of(new StreamActivity("web-1.main", Optional.of(NOW.minus(Duration.ofMinutes(59))))));
    assertThat(c.status()).isEqualTo("True");
    assertThat(c.reason()).isEqualTo("EventsArriving");
    assertThat(c.message()).isEqualTo("The group /shop/web received events at 2026-11-30T11:01:00Z (stream"
        + " web-1.main).");
  }

  @Test
  void olderEventsOrNoneSayWhatToCheck() {
    DetailCondition old = read(Optional.of(new StreamActivity("web-1.main",
        Optional.of(NOW.minus(Duration.ofMinutes(61))))));
    assertThat(old.status()).isEqualTo("False");
    assertThat(old.reason()).isEqualTo("NoRecentEvents");
    assertThat(old.message()).contains("its last events arrived at 2026-11-30T10:59:00Z (stream web-1.main)",
        "DaemonSet was restarted", CM, "logs:PutLogEvents on /shop/web");
    assertThat(read(Optional.empty()).message()).contains("it has no events at all");
    assertThat(read(Optional.of(new StreamActivity("empty", Optional.empty()))).status()).isEqualTo("False");
  }

  @Test
  void withoutAReadingThePreviousOneStandsAndANonShippingPipelineSaysSo() {
    DetailCondition before = DetailCondition.of(LogsFlowing.TYPE, true, "EventsArriving", "earlier");
    assertThat(LogsFlowing.condition(true, Optional.empty(), Optional.of(before), NOW, CM, "/g")).isEqualTo(before);
    assertThat(LogsFlowing.condition(true, Optional.empty(), Optional.empty(), NOW, CM, "/g").reason())
        .isEqualTo("NotReadYet");
    DetailCondition notShipping = LogsFlowing.condition(false, Optional.empty(), Optional.of(before), NOW, CM, "/g");
    assertThat(notShipping.status()).isEqualTo("Unknown");
    assertThat(notShipping.reason()).isEqualTo("NotShipping");
    // Shipping again: the old NotShipping is not kept as a reading.
    assertThat(LogsFlowing.condition(true, Optional.empty(), Optional.of(notShipping), NOW, CM, "/g").reason())
        .isEqualTo("NotReadYet");
  }
}
