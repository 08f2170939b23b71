package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogPipelineOperatorTest {
  private static final String NS = "shop";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatchLogs aws = harness.logs();

  @AfterEach
  void stop() {
    harness.close();
  }

  private Resource<LogPipeline> pipeline(String name) {
    return harness.logPipeline(NS, name);
  }

  private LogPipeline create(LogPipeline pipeline) {
    return harness.client().resources(LogPipeline.class).inNamespace(NS).resource(pipeline).create();
  }

  private LogPipeline awaitCondition(String name, String type, String status, String reason) {
    return harness.awaitCondition(NS, name, type, status, reason, 0);
  }

  private LogPipeline awaitReady(String name) {
    return harness.awaitReady(NS, name);
  }

  private List<String> operations() {
    return aws.succeededOperations();
  }

  private List<String> mutations() {
    return aws.succeededMutations();
  }

  @Test
  void createBecomesReadyWithExactlyTheExpectedCalls() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").retentionDays(30).tag("team", "shop").build());

    LogPipeline ready = awaitReady("web");

    // Full observe, create, then the confirming full observe of what was just changed (tags included).
    assertThat(operations()).containsExactly(
        "DescribeLogGroups", "CreateLogGroup", "PutRetentionPolicy", "DescribeLogGroups", "ListTagsForResource",
        "DescribeMetricFilters", "DescribeSubscriptionFilters");
    assertThat(harness.cloudWatch().calls()).extracting(FakeAwsService.Call::operation)
        .containsExactly("DescribeAlarms", "DescribeAlarms");
    var group = aws.group("/shop/web").orElseThrow();
    assertThat(group.retentionInDays()).isEqualTo(30);
    assertThat(group.tags()).containsEntry("team", "shop")
        .containsEntry(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id())
        .containsEntry(OwnerTags.OWNER, "shop/LogPipeline/web")
        .containsEntry(OwnerTags.UID, ready.getMetadata().getUid());
    var status = ready.getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(status.getLogGroup().getArn()).isEqualTo(aws.logGroupArn("/shop/web"));
    assertThat(status.getLogGroup().getRetentionDays()).isEqualTo(30);
    assertThat(status.getPlan()).isEmpty();
    assertThat(Conditions.find(status.getConditions(), Conditions.STALLED).orElseThrow().getStatus())
        .isEqualTo("False");
    assertThat(Conditions.find(status.getConditions(), Conditions.RECONCILING).orElseThrow().getStatus())
        .isEqualTo("False");
    assertThat(harness.hasEvent(NS, "web", "Created")).isTrue();
  }

  @Test
  void retentionChangeIsExactlyOnePutRetentionPolicy() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").retentionDays(30).build());
    awaitReady("web");
    aws.clearCalls();

    OperatorHarness.edit(pipeline("web"), p -> {
      p.getSpec().getLogGroup().setRetentionDays(90);
      return p;
    });

    await().atMost(WAIT).until(() -> {
      LogPipeline p = pipeline("web").get();
      return p.getStatus().getLogGroup().getRetentionDays() == 90
          && Conditions.isTrue(p.getStatus().getConditions(), Conditions.READY);
    });
    assertThat(mutations()).containsExactly("PutRetentionPolicy");
    assertThat(aws.group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(90);
  }

  @Test
  void retentionChangedBehindOurBackIsCorrectedOnResyncWithAnEvent() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(logPipeline(NS, "web").retentionDays(30).build());
    awaitReady("web");

    aws.backdoorSetRetention("/shop/web", 7);

    await().atMost(WAIT).until(() -> aws.group("/shop/web").orElseThrow().retentionInDays() == 30);
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "web", "DriftCorrected"));
    assertThat(harness.events(NS, "web")).filteredOn(e -> "DriftCorrected".equals(e.getReason()))
        .first().satisfies(e -> assertThat(e.getMessage()).contains("PutRetentionPolicy /shop/web: 7 days -> 30 days"));
    awaitReady("web");
  }

  @Test
  void planModeChangesNothingAndReportsThePlan() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").retentionDays(30).mode(Mode.Plan).build());

    LogPipeline planned = awaitCondition("web", Conditions.READY, "False", "PlanPending");

    assertThat(planned.getStatus().getPlan()).containsExactly(
        "CreateLogGroup /shop/web: absent", "PutRetentionPolicy /shop/web: never expire -> 30 days");
    assertThat(mutations()).isEmpty();
    assertThat(aws.groupNames()).isEmpty();
  }

  @Test
  void deleteWithRetainKeepsTheGroupAndRemovesTheFinalizer() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").retentionDays(30).build());
    awaitReady("web");
    assertThat(pipeline("web").get().getMetadata().getFinalizers()).isNotEmpty();

    pipeline("web").delete();

    await().atMost(WAIT).until(() -> pipeline("web").get() == null);
    assertThat(aws.group("/shop/web")).isPresent();
    assertThat(mutations()).doesNotContain("DeleteLogGroup");
  }

  @Test
  void deleteWithDeleteRemovesTheGroup() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").deletionPolicy(DeletionPolicy.Delete).build());
    awaitReady("web");

    pipeline("web").delete();

    await().atMost(WAIT).until(() -> pipeline("web").get() == null);
    assertThat(aws.group("/shop/web")).isEmpty();
    assertThat(harness.hasEvent(NS, "web", "Deleted")).isTrue();
  }

  @Test
  void deleteWithDeleteOfAGroupAlreadyGoneIsNotAnError() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").deletionPolicy(DeletionPolicy.Delete).build());
    awaitReady("web");
    aws.backdoorDelete("/shop/web");

    pipeline("web").delete();

    await().atMost(WAIT).until(() -> pipeline("web").get() == null);
    assertThat(aws.groupNames()).isEmpty();
  }

  @Test
  void recreatedAfterRetainReattachesToItsGroup() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    String firstUid = create(logPipeline(NS, "web").retentionDays(30).build()).getMetadata().getUid();
    awaitReady("web");
    pipeline("web").delete();
    await().atMost(WAIT).until(() -> pipeline("web").get() == null);
    aws.clearCalls();

    String secondUid = create(logPipeline(NS, "web").retentionDays(30).build()).getMetadata().getUid();
    awaitReady("web");

    assertThat(secondUid).isNotEqualTo(firstUid);
    assertThat(aws.group("/shop/web").orElseThrow().tags()).containsEntry(OwnerTags.UID, secondUid);
    assertThat(mutations()).containsExactly("TagResource");
    assertThat(harness.hasEvent(NS, "web", "Reattached")).isTrue();
  }

  @Test
  void untaggedGroupOfTheSameNameIsANameConflictUntilAdopted() {
    aws.backdoorCreate("/shop/web", Map.of("team", "legacy"));
    aws.backdoorSetRetention("/shop/web", 3653);
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(logPipeline(NS, "web").retentionDays(30).build());

    LogPipeline stalled = awaitCondition("web", Conditions.STALLED, "True", "NameConflict");

    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.READY).orElseThrow().getMessage())
        .contains("log group /shop/web already exists", "adopt");
    assertThat(mutations()).isEmpty();
    assertThat(aws.group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(3653);

    OperatorHarness.edit(pipeline("web"), p -> {
      p.getSpec().setAdopt(true);
      return p;
    });

    awaitReady("web");
    assertThat(aws.group("/shop/web").orElseThrow().tags())
        .containsEntry("team", "legacy").containsEntry(OwnerTags.OWNER, "shop/LogPipeline/web");
    assertThat(aws.group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(30);
    assertThat(harness.hasEvent(NS, "web", "Adopted")).isTrue();
  }

  @Test
  void groupOwnedByAnotherResourceOrClusterIsNeverAdopted() {
    aws.backdoorCreate("/shop/web", Map.of(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id(),
        OwnerTags.OWNER, "shop/LogPipeline/other", OwnerTags.UID, "x"));
    aws.backdoorCreate("/shop/api", Map.of(OwnerTags.CLUSTER, "another-cluster",
        OwnerTags.OWNER, "shop/LogPipeline/api", OwnerTags.UID, "y"));
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));

    create(logPipeline(NS, "web").retentionDays(30).adopt(true).build());
    create(logPipeline(NS, "api").retentionDays(30).adopt(true).build());

    awaitCondition("web", Conditions.STALLED, "True", "OwnedByAnother");
    LogPipeline api = awaitCondition("api", Conditions.STALLED, "True", "OwnedByAnother");
    assertThat(Conditions.find(api.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("another-cluster");
    assertThat(mutations()).isEmpty();
  }

  @Test
  void throttlingAndServerErrorsStillConvergeWithoutDuplicates() {
    aws.failNext("CreateLogGroup", 2, Fault.THROTTLING);
    aws.failNext("PutRetentionPolicy", 1, Fault.SERVICE_UNAVAILABLE);
    aws.failNext("DescribeLogGroups", 1, Fault.INTERNAL_FAILURE);
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));

    create(logPipeline(NS, "web").retentionDays(30).build());

    awaitReady("web");
    assertThat(mutations()).containsExactly("CreateLogGroup", "PutRetentionPolicy");
    assertThat(aws.calls("CreateLogGroup")).hasSize(3);
    assertThat(aws.group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(30);
  }

  @Test
  void aMomentOfAwsThrottlingIsRetriedWithoutEverReachingTheStatus() {
    aws.failNext("CreateLogGroup", 2, Fault.THROTTLING);
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10))); // quiet for a tenth of it: a minute
    java.util.Set<String> reasonsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    var watch = harness.client().resources(LogPipeline.class).inNamespace(NS).watch(
        new io.fabric8.kubernetes.client.Watcher<LogPipeline>() {
          @Override
          public void eventReceived(Action action, LogPipeline seen) {
            if (seen.getStatus() != null) {
              seen.getStatus().getConditions().forEach(c -> reasonsSeen.add(c.getReason()));
            }
          }

          @Override
          public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
        });
    try {
      create(logPipeline(NS, "web").retentionDays(30).build());

      awaitReady("web");
      // Both throttles were met and backed off from (the metric says so), none of it in any status written.
      assertThat(aws.calls("CreateLogGroup")).hasSize(3);
      assertThat(io.micrometer.core.instrument.search.Search.in(harness.operator().metrics().registry())
          .name(dev.kaizen.operator.core.metrics.KaizenMetrics.RECONCILE_DURATION).tag("outcome", "throttled")
          .timers().stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum()).isEqualTo(2);
      assertThat(reasonsSeen).isNotEmpty().doesNotContain(dev.kaizen.operator.core.Reasons.THROTTLED);
      assertThat(mutations()).containsExactly("CreateLogGroup", "PutRetentionPolicy");
    } finally {
      watch.close();
    }
  }

  @Test
  void aCreateWhoseAnswerWasLostIsNotRepeated() {
    aws.failNext("CreateLogGroup", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));

    create(logPipeline(NS, "web").retentionDays(30).build());

    awaitReady("web");
    assertThat(aws.calls("CreateLogGroup")).hasSize(1);
    assertThat(aws.group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(30);
    // The retry found the group already made (by us) and only set its retention: still a creation to a person.
    assertThat(harness.events(NS, "web")).extracting(e -> e.getReason()).contains("Created").doesNotContain("Updated");
  }
}
