package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metric filters, alarms, the subscription and the Fluent Bit configuration of a LogPipeline, end to end. */
class LogPipelineAttachmentsTest {
  private static final String NS = "shop";
  private static final String GROUP = "/shop/web";
  private static final String ALARM = "kaizen:/shop/web:errors";
  private static final String KEY = "shop.yaml";
  private static final String LAMBDA = "arn:aws:lambda:eu-west-1:111122223333:function:ship";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatchLogs logs = harness.logs();
  private final FakeCloudWatch cloudWatch = harness.cloudWatch();

  @AfterEach
  void stop() {
    harness.close();
  }

  private Resource<LogPipeline> pipeline() {
    return harness.logPipeline(NS, "web");
  }

  private LogPipeline fullPipeline() {
    return logPipeline(NS, "web").retentionDays(30)
        .metricFilter("errors", "?ERROR ?Exception", 20.0)
        .metricFilter("timeouts", "Timeout", null)
        .subscription(LAMBDA)
        .pods("app", "web")
        .build();
  }

  private void awaitReadyAt(long generation) {
    harness.awaitReadyAt(NS, "web", generation);
  }

  private static List<String> mutations(FakeAwsService fake) {
    return fake.succeededMutations();
  }

  @Test
  void createBecomesReadyWithExactlyTheExpectedCalls() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();

    awaitReadyAt(1);

    assertThat(mutations(logs)).containsExactly("CreateLogGroup", "PutRetentionPolicy", "PutMetricFilter",
        "PutMetricFilter", "PutSubscriptionFilter");
    assertThat(mutations(cloudWatch)).containsExactly("PutMetricAlarm");
    assertThat(logs.metricFilters(GROUP)).containsOnlyKeys("kaizen/errors", "kaizen/timeouts");
    assertThat(logs.subscriptionFilters(GROUP)).containsOnlyKeys("kaizen/subscription");
    var alarm = cloudWatch.alarm(ALARM).orElseThrow();
    assertThat(alarm.threshold()).isEqualTo(20.0);
    assertThat(alarm.metricName()).isEqualTo("errors");
    assertThat(cloudWatch.tags(ALARM)).containsEntry(OwnerTags.OWNER, "shop/LogPipeline/web");
    assertThat(harness.fluentBitConfig(KEY)).get().asString().contains("/shop/web");

    var status = pipeline().get().getStatus();
    assertThat(status.getMetricFilters()).extracting(r -> r.getName()).containsExactly("kaizen/errors", "kaizen/timeouts");
    assertThat(status.getAlarms()).singleElement().satisfies(a -> {
      assertThat(a.getId()).isEqualTo(cloudWatch.alarmArn(ALARM));
      assertThat(a.getState()).isEqualTo("INSUFFICIENT_DATA");
    });
    assertThat(status.getFluentBit().getName()).isEqualTo(KEY);
    assertThat(status.getFluentBit().getId()).isEqualTo("logging/kaizen-fluent-bit");
    // Reported as soon as Ready: the confirming observe after the create reads the subscription too.
    assertThat(status.getSubscription().getName()).isEqualTo("kaizen/subscription");
    assertThat(status.getSubscription().getId()).isEqualTo(LAMBDA);
  }

  @Test
  void metricFilterDeletedByHandIsRecreatedOnResyncWithAnEvent() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);

    logs.backdoorDeleteMetricFilter(GROUP, "kaizen/errors");

    await().atMost(WAIT).until(() -> logs.metricFilters(GROUP).containsKey("kaizen/errors"));
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "web", "DriftCorrected"));
  }

  @Test
  void aSecondDriftWhileTheFirstCorrectionIsBeingConfirmedIsReportedAsDriftToo() {
    // Confirmation 4 s after a correction: the second drift is corrected while Ready is still False (Applying).
    harness.start(new dev.kaizen.operator.core.reconcile.ReconcileTimings(Duration.ofSeconds(2), Duration.ofHours(1),
        Duration.ofSeconds(4), Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);
    int corrections = logs.callCount("PutRetentionPolicy");

    logs.backdoorSetRetention(GROUP, 7);
    await().atMost(WAIT).until(() -> logs.callCount("PutRetentionPolicy") > corrections);
    logs.backdoorDeleteMetricFilter(GROUP, "kaizen/errors");

    await().atMost(WAIT).until(() -> logs.metricFilters(GROUP).containsKey("kaizen/errors"));
    awaitReadyAt(1);
    assertThat(harness.events(NS, "web")).filteredOn(e -> "DriftCorrected".equals(e.getReason()))
        .extracting(e -> e.getMessage()).anySatisfy(m -> assertThat(m).contains("PutRetentionPolicy"))
        .anySatisfy(m -> assertThat(m).contains("PutMetricFilter"));
    assertThat(harness.events(NS, "web")).extracting(e -> e.getReason()).doesNotContain("Updated");
  }

  @Test
  void filterRemovedFromTheSpecIsDeletedWithItsAlarm() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);
    logs.clearCalls();
    cloudWatch.clearCalls();

    OperatorHarness.edit(pipeline(), p -> {
      p.getSpec().getMetricFilters().removeIf(f -> f.getName().equals("errors"));
      return p;
    });
    awaitReadyAt(2);

    assertThat(mutations(cloudWatch)).containsExactly("DeleteAlarms");
    assertThat(mutations(logs)).containsExactly("DeleteMetricFilter");
    assertThat(cloudWatch.alarm(ALARM)).isEmpty();
    assertThat(logs.metricFilters(GROUP)).containsOnlyKeys("kaizen/timeouts");
  }

  @Test
  void alarmThresholdChangeIsOnePutMetricAlarm() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);
    logs.clearCalls();
    cloudWatch.clearCalls();

    OperatorHarness.edit(pipeline(), p -> {
      p.getSpec().getMetricFilters().get(0).getAlarm().setThreshold(50.0);
      return p;
    });
    awaitReadyAt(2);

    assertThat(mutations(cloudWatch)).containsExactly("PutMetricAlarm");
    assertThat(mutations(logs)).isEmpty();
    assertThat(cloudWatch.alarm(ALARM).orElseThrow().threshold()).isEqualTo(50.0);
  }

  @Test
  void deleteWithDeleteRemovesAlarmsGroupFiltersAndTheFluentBitKey() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    var spec = fullPipeline();
    spec.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(spec).create();
    awaitReadyAt(1);

    pipeline().delete();

    await().atMost(WAIT).until(() -> pipeline().get() == null);
    assertThat(logs.group(GROUP)).isEmpty();
    assertThat(logs.metricFilters(GROUP)).isEmpty();
    assertThat(cloudWatch.alarmNames()).isEmpty();
    assertThat(harness.fluentBitConfig(KEY)).isEmpty();
  }

  @Test
  void deleteWithRetainKeepsEverything() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);

    pipeline().delete();

    await().atMost(WAIT).until(() -> pipeline().get() == null);
    assertThat(logs.metricFilters(GROUP)).containsOnlyKeys("kaizen/errors", "kaizen/timeouts");
    assertThat(logs.subscriptionFilters(GROUP)).containsOnlyKeys("kaizen/subscription");
    assertThat(cloudWatch.alarmNames()).containsExactly(ALARM);
    assertThat(harness.fluentBitConfig(KEY)).isPresent();
  }

  @Test
  void removingThePodSelectorRemovesTheFluentBitKeyAndNothingElse() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);
    logs.clearCalls();
    cloudWatch.clearCalls();

    OperatorHarness.edit(pipeline(), p -> {
      p.getSpec().setPods(null);
      return p;
    });
    awaitReadyAt(2);

    assertThat(harness.fluentBitConfig(KEY)).isEmpty();
    assertThat(pipeline().get().getStatus().getFluentBit()).isNull();
    assertThat(mutations(logs)).isEmpty();
    assertThat(mutations(cloudWatch)).isEmpty();
  }

  @Test
  void filtersAndSubscriptionsOfOthersInTheGroupAreLeftAlone() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(fullPipeline()).create();
    awaitReadyAt(1);
    logs.backdoorPutMetricFilter(GROUP, "hand-made", "FATAL",
        software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation.builder()
            .metricNamespace("Ops").metricName("Fatal").metricValue("1").build());
    logs.clearCalls();

    OperatorHarness.edit(pipeline(), p -> {
      p.getSpec().getMetricFilters().clear();
      p.getSpec().setSubscription(null);
      return p;
    });
    awaitReadyAt(2);

    assertThat(logs.metricFilters(GROUP)).containsOnlyKeys("hand-made");
    assertThat(logs.subscriptionFilters(GROUP)).isEmpty();
  }
}
