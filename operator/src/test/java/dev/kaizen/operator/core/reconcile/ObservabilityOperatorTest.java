package dev.kaizen.operator.core.reconcile;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Event;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On-demand resync, events only on transitions, and the metrics of a running operator. */
class ObservabilityOperatorTest {
  private static final String NS = "shop";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatchLogs aws = harness.logs();

  @AfterEach
  void stop() {
    harness.close();
  }

  private LogPipeline get(String name) {
    return harness.logPipeline(NS, name).get();
  }

  private LogPipeline awaitReady(String name) {
    return harness.awaitReady(NS, name);
  }

  private long reconciles() {
    return harness.operator().metrics().registry().find(KaizenMetrics.RECONCILE_DURATION).timers().stream()
        .mapToLong(Timer::count).sum();
  }

  @Test
  void theReconcileRequestedAtAnnotationForcesAFullObserveThatCorrectsTagDrift() {
    // Resync 10 minutes and full observe 1 hour: only the annotation can make the operator read tags now.
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS)
        .resource(logPipeline(NS, "web").retentionDays(30).tag("team", "shop").build()).create();
    String firstFullSync = awaitReady("web").getStatus().getLastFullSyncTime();

    Map<String, String> tags = new HashMap<>(aws.group("/shop/web").orElseThrow().tags());
    tags.put("team", "someone-else");
    aws.backdoorSetTags("/shop/web", tags);
    // Nothing else can make it look before the annotation: the resync is 10 minutes, the full observe an hour.
    assertThat(aws.group("/shop/web").orElseThrow().tags()).containsEntry("team", "someone-else");

    Instant requested = Instant.now();
    OperatorHarness.edit(harness.client().resources(LogPipeline.class).inNamespace(NS).withName("web"), p -> {
      p.getMetadata().getAnnotations().put(ReconcileLoop.RECONCILE_REQUESTED_AT, requested.toString());
      return p;
    });

    await().atMost(WAIT).until(() -> "shop".equals(aws.group("/shop/web").orElseThrow().tags().get("team")));
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "web", "DriftCorrected"));
    LogPipeline after = awaitReady("web");
    assertThat(Instant.parse(after.getStatus().getLastFullSyncTime()))
        .isAfter(Instant.parse(firstFullSync)).isAfterOrEqualTo(requested);
  }

  @Test
  void routineResyncsRecordNoEventsAndWriteNoStatus() {
    // Resync and full observe every second: many routine reconciles, each reading everything.
    harness.start(new ReconcileTimings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    harness.client().resources(LogPipeline.class).inNamespace(NS)
        .resource(logPipeline(NS, "web").retentionDays(30).build()).create();
    awaitReady("web");
    List<Event> before = harness.events(NS, "web");
    long reconcilesBefore = reconciles();

    await().atMost(WAIT).until(() -> reconciles() - reconcilesBefore >= 4);

    assertThat(harness.events(NS, "web")).hasSameSizeAs(before);
    assertThat(before).extracting(Event::getReason).containsExactly("Created");
  }

  @Test
  void aRunningOperatorExportsReconcileAwsAndResourceMetrics() {
    aws.failNext("CreateLogGroup", 1, Fault.THROTTLING);
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    harness.client().resources(LogPipeline.class).inNamespace(NS)
        .resource(logPipeline(NS, "web").retentionDays(30).build()).create();
    awaitReady("web");
    aws.backdoorSetRetention("/shop/web", 7);
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "web", "DriftCorrected"));
    awaitReady("web");

    String scrape = ((PrometheusMeterRegistry) harness.operator().metrics().registry()).scrape();
    assertThat(scrape)
        .containsPattern("kaizen_reconcile_duration_seconds_count\\{kind=\"LogPipeline\",outcome=\"in_sync\"} [1-9]")
        .containsPattern("kaizen_reconcile_duration_seconds_count\\{kind=\"LogPipeline\",outcome=\"applied\"} [1-9]")
        .containsPattern("kaizen_reconcile_duration_seconds_count\\{kind=\"LogPipeline\",outcome=\"throttled\"} 1")
        .containsPattern("kaizen_aws_calls_total\\{operation=\"CreateLogGroup\",outcome=\"throttled\",service=\"[A-Za-z]+\"} 1")
        .containsPattern("kaizen_aws_calls_total\\{operation=\"CreateLogGroup\",outcome=\"success\",service=\"[A-Za-z]+\"} 1")
        .containsPattern("kaizen_drift_corrections_total\\{kind=\"LogPipeline\"} 1")
        .contains("kaizen_resources{condition=\"Ready\",kind=\"LogPipeline\",status=\"True\"} 1")
        .contains("kaizen_resources{condition=\"Stalled\",kind=\"LogPipeline\",status=\"False\"} 1")
        .contains("kaizen_events_total{kind=\"LogPipeline\",reason=\"DriftCorrected\",type=\"Normal\"} 1")
        .contains("kaizen_leader 1");
  }
}
