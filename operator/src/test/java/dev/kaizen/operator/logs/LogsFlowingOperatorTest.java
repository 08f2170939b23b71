package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LogsFlowing from the fake's stream data, read on full observes only. */
class LogsFlowingOperatorTest {
  private static final String NS = "shop";
  private static final String GROUP = "/shop/web";

  private final OperatorHarness harness = new OperatorHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  private void createShipping() {
    harness.client().resources(LogPipeline.class).inNamespace(NS)
        .resource(logPipeline(NS, "web").retentionDays(30).pods("app", "web").build()).create();
  }

  private LogPipeline awaitLogsFlowing(String status, String reason) {
    return harness.awaitCondition(NS, "web", LogsFlowing.TYPE, status, reason, 1);
  }

  private long reconciles() {
    return Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("kind", LogPipeline.KIND).timers().stream().mapToLong(t -> t.count()).sum();
  }

  @Test
  void falseWithWhatToCheckUntilEventsArriveThenTrue() {
    // Resync every second, full observe every 2 s: the streams are read again and again.
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)).withFullObserve(Duration.ofSeconds(2)));
    createShipping();
    harness.awaitReady(NS, "web");
    LogPipeline quiet = awaitLogsFlowing("False", LogsFlowing.NO_RECENT_EVENTS);
    assertThat(Conditions.find(quiet.getStatus().getConditions(), LogsFlowing.TYPE).orElseThrow().getMessage())
        .contains("received no events", "it has no events at all", "logging/kaizen-fluent-bit",
            "logs:PutLogEvents on /shop/web");

    Instant now = Instant.now();
    harness.logs().backdoorLogEvents(GROUP, "web-7d9f.main", now.minusSeconds(5), now);

    LogPipeline flowing = awaitLogsFlowing("True", LogsFlowing.EVENTS_ARRIVING);
    assertThat(Conditions.find(flowing.getStatus().getConditions(), LogsFlowing.TYPE).orElseThrow().getMessage())
        .contains("stream web-7d9f.main");
    assertThat(Conditions.find(flowing.getStatus().getConditions(), Conditions.READY).orElseThrow().getStatus())
        .isEqualTo("True");
  }

  @Test
  void lightObservesNeverReadStreams() {
    // Resync every second, full observe hourly: after the first full observes, many reconciles and no reading.
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    createShipping();
    harness.awaitReady(NS, "web");
    awaitLogsFlowing("False", LogsFlowing.NO_RECENT_EVENTS);
    int read = harness.logs().callCount("DescribeLogStreams");
    assertThat(read).as("the full observe after the create read the streams").isPositive();
    long before = reconciles();
    await().atMost(OperatorHarness.WAIT).until(() -> reconciles() >= before + 5);
    assertThat(harness.logs().callCount("DescribeLogStreams")).isEqualTo(read);
    // The reading stands between full observes.
    awaitLogsFlowing("False", LogsFlowing.NO_RECENT_EVENTS);
  }
}
