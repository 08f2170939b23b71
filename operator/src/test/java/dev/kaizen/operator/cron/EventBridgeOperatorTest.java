package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.cron.eventbridge.ScheduleGroupNames;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeScheduler;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.AssignPublicIp;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/**
 * The EventBridge target through the whole operator: the mock API server and the stateful {@link FakeScheduler}.
 * One group per set with the ownership tags, one schedule per job with every setting; in-place updates, pruning,
 * drift, adoption, the group quota, throttling, deletion under both policies and mode Plan.
 */
public class EventBridgeOperatorTest {
  static final String NS = "shop";
  static final String GROUP = ScheduleGroupNames.of(NS, "batch");
  /** Rechecks every 500 ms, so drift and "nothing more is written" are seen within a test. */
  static final ReconcileTimings RECHECKING = OperatorHarness.fastTimings(Duration.ofMillis(500));
  /**
   * How long a condition may take: the harness's wait, tripled, since a class's first operator start in a JVM can
   * take most of it on a loaded machine (seen: 20 s to the first reconcile while other builds ran).
   */
  static final Duration WAIT = OperatorHarness.WAIT.multipliedBy(3);

  private OperatorHarness harness;
  private FakeScheduler scheduler;

  @BeforeEach
  void start() {
    harness = new OperatorHarness();
    scheduler = harness.scheduler();
    // A busy account: many groups and schedules of others, so listings are several pages.
    scheduler.seedForeignGroups("team-", 120, 0);
    scheduler.seedForeignGroups("other-", 3, 150);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  Resource<CronJobSet> resource(String name) {
    return harness.client().resources(CronJobSet.class).inNamespace(NS).withName(name);
  }

  void create(CronJobSet set) {
    harness.client().resources(CronJobSet.class).inNamespace(NS).resource(set).create();
  }

  void edit(String name, UnaryOperator<CronJobSet> change) {
    OperatorHarness.edit(resource(name), change);
  }

  CronJobSet awaitCondition(String name, String type, String status, String reason, long generation) {
    CronJobSet[] seen = new CronJobSet[1];
    await().atMost(WAIT).until(() -> {
      CronJobSet set = resource(name).get();
      seen[0] = set;
      return set != null && set.getStatus() != null && set.getStatus().getObservedGeneration() != null
          && set.getStatus().getObservedGeneration() >= generation
          && Conditions.find(set.getStatus().getConditions(), type)
              .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
              .isPresent();
    });
    return seen[0];
  }

  CronJobSet awaitReady(String name, long generation) {
    return awaitCondition(name, Conditions.READY, "True", Reasons.IN_SYNC, generation);
  }

  public static CronJobSet nightly() {
    CronJobEntry cleanup = job("cleanup", "@hourly", "/app/cleanup", "--older-than", "7d");
    cleanup.setRetries(2);
    CronJobEntry archive = job("archive", "0 1 1 * *", "/app/archive");
    archive.setSuspend(true);
    return EventBridgeSets.ecs(NS, "batch", job("report", "30 4 * * MON-FRI", "/app/report"), cleanup, archive);
  }

  GetScheduleResponse schedule(String name) {
    return scheduler.getSchedule(r -> r.groupName(GROUP).name(name));
  }

  @Test
  void createsOneTaggedGroupAndOneSchedulePerJobWithExactlyThoseWritesAndNoneOnRechecksOrARestart() {
    harness.start(RECHECKING);
    create(nightly());

    CronJobSet ready = awaitReady("batch", 1);

    assertThat(scheduler.succeededMutations()).containsExactly("CreateScheduleGroup", "CreateSchedule",
        "CreateSchedule", "CreateSchedule");
    assertThat(scheduler.groupTags(GROUP)).containsEntry("kaizen.dev/owner", "shop/CronJobSet/batch")
        .containsEntry("kaizen.dev/cluster", OperatorHarness.CLUSTER.id())
        .containsEntry("kaizen.dev/uid", ready.getMetadata().getUid());
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("archive", "cleanup", "report");

    GetScheduleResponse report = schedule("report");
    assertThat(report.scheduleExpression()).isEqualTo("cron(30 4 ? * 2-6 *)");
    assertThat(report.scheduleExpressionTimezone()).isEqualTo("Europe/Berlin");
    assertThat(report.state()).isEqualTo(ScheduleState.ENABLED);
    assertThat(report.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.FLEXIBLE);
    assertThat(report.flexibleTimeWindow().maximumWindowInMinutes()).isEqualTo(15);
    assertThat(report.target().arn()).isEqualTo(EventBridgeSets.CLUSTER);
    assertThat(report.target().roleArn()).isEqualTo(EventBridgeSets.ROLE);
    assertThat(report.target().deadLetterConfig().arn()).isEqualTo(EventBridgeSets.DLQ);
    assertThat(report.target().retryPolicy().maximumRetryAttempts()).as("a crontab line runs once").isZero();
    assertThat(report.target().ecsParameters().taskDefinitionArn()).isEqualTo(EventBridgeSets.TASK);
    assertThat(report.target().ecsParameters().launchTypeAsString()).isEqualTo("FARGATE");
    assertThat(report.target().ecsParameters().networkConfiguration().awsvpcConfiguration().subnets())
        .containsExactly("subnet-0a1b2c3d4e5f6a7b8", "subnet-0b1c2d3e4f5a6b7c8");
    assertThat(report.target().ecsParameters().networkConfiguration().awsvpcConfiguration().assignPublicIp())
        .isEqualTo(AssignPublicIp.DISABLED);
    assertThat(report.target().input()).isEqualTo("{\"containerOverrides\":[{\"command\":[\"/app/report\"],"
        + "\"environment\":[{\"name\":\"DATABASE_HOST\",\"value\":\"db.shop.internal\"}],\"name\":\"app\"}]}");
    assertThat(schedule("cleanup").scheduleExpression()).isEqualTo("cron(0 * * * ? *)");
    assertThat(schedule("cleanup").target().retryPolicy().maximumRetryAttempts()).isEqualTo(2);
    assertThat(schedule("archive").state()).isEqualTo(ScheduleState.DISABLED);

    assertThat(ready.getStatus().getScheduleGroup().getArn())
        .isEqualTo("arn:aws:scheduler:eu-west-1:" + OperatorHarness.ACCOUNT + ":schedule-group/" + GROUP);
    var reportStatus = ready.getStatus().getJobs().get(0);
    assertThat(reportStatus.getEventBridgeSchedule()).isEqualTo(GROUP + "/report");
    assertThat(reportStatus.getSchedule()).isEqualTo("cron(30 4 ? * 2-6 *)");
    assertThat(reportStatus.getNextRuns()).hasSize(3).allSatisfy(run -> assertThat(run).contains("T04:30:00+0"));
    assertThat(ready.getStatus().getJobs().get(2).getNextRuns()).as("suspended").isEmpty();
    // Scheduler has no run history: the per-job run fields stay empty, and the status says why.
    assertThat(reportStatus.getLastScheduleTime()).isNull();
    assertThat(reportStatus.getLastResult()).isNull();
    assertThat(ready.getStatus().getRunHistory()).startsWith("EventBridge Scheduler keeps no per-run history")
        .contains("JobsHealthy");
    assertThat(harness.hasEvent(NS, "batch", Reasons.CREATED)).isTrue();

    // A recheck of an unchanged set reads the group, its schedule list and each schedule, and writes nothing.
    scheduler.clearCalls();
    await().atMost(OperatorHarness.WAIT).until(() -> scheduler.callCount("GetScheduleGroup") >= 3);
    assertThat(scheduler.mutatingCalls()).isEmpty();
    assertThat(scheduler.calls().stream().map(FakeAwsService.Call::operation).distinct())
        .containsExactlyInAnyOrder("GetScheduleGroup", "ListSchedules", "GetSchedule");
    scheduler.clearCalls();
    harness.restart();
    await().atMost(OperatorHarness.WAIT).until(() -> scheduler.callCount("GetScheduleGroup") >= 3);
    assertThat(scheduler.mutatingCalls()).as("a restart in sync writes nothing").isEmpty();
    assertThat(harness.events(NS, "batch")).filteredOn(e -> !Reasons.CREATED.equals(e.getReason())).isEmpty();
  }

  @Test
  void changedJobsAreUpdatedInPlaceRemovedOnesDeletedAndDriftIsRepaired() {
    harness.start(RECHECKING);
    create(nightly());
    awaitReady("batch", 1);
    scheduler.clearCalls();

    edit("batch", set -> {
      set.getSpec().getJobs().get(0).setSchedule("45 5 * * MON-FRI");
      set.getSpec().getJobs().remove(2);
      return set;
    });
    awaitReady("batch", 2);
    assertThat(scheduler.succeededMutations()).containsExactly("UpdateSchedule", "DeleteSchedule");
    assertThat(schedule("report").scheduleExpression()).isEqualTo("cron(45 5 ? * 2-6 *)");
    assertThat(schedule("report").target().deadLetterConfig().arn()).as("UpdateSchedule replaces the whole schedule:"
        + " every setting is sent again").isEqualTo(EventBridgeSets.DLQ);
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("cleanup", "report");

    // Edited and deleted behind the operator's back: put back at the next recheck.
    scheduler.clearCalls();
    scheduler.editExpression(GROUP, "cleanup", "rate(5 minutes)");
    scheduler.deleteByHand(GROUP, "report");
    await().atMost(OperatorHarness.WAIT).until(() -> scheduler.scheduleNames(GROUP).contains("report")
        && schedule("cleanup").scheduleExpression().equals("cron(0 * * * ? *)"));
    assertThat(scheduler.succeededMutations()).containsExactlyInAnyOrder("UpdateSchedule", "CreateSchedule");
    await().atMost(OperatorHarness.WAIT).until(() -> harness.hasEvent(NS, "batch", Reasons.DRIFT_CORRECTED));
  }

  @Test
  void anUntaggedGroupOfOurNameIsANameConflictThroughRechecksAndARestartUntilAdopted() {
    scheduler.createGroupByHand(GROUP, Map.of());
    harness.start(RECHECKING);
    create(nightly());

    awaitCondition("batch", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 1);
    for (int restart = 0; restart < 2; restart++) {
      await().during(Duration.ofSeconds(2)).atMost(OperatorHarness.WAIT).until(() ->
          scheduler.succeededMutations().isEmpty() && scheduler.groupTags(GROUP).isEmpty());
      harness.restart();
    }
    CronJobSet stalled = awaitCondition("batch", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 1);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("schedule group " + GROUP);
    assertThat(scheduler.succeededMutations()).isEmpty();

    // Positive control: adopt tags the same group and fills it.
    edit("batch", set -> {
      set.getSpec().setAdopt(true);
      return set;
    });
    awaitReady("batch", 2);
    assertThat(scheduler.succeededMutations()).startsWith("TagResource").contains("CreateSchedule");
    assertThat(scheduler.groupTags(GROUP)).containsEntry("kaizen.dev/owner", "shop/CronJobSet/batch");
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("archive", "cleanup", "report");
  }

  @Test
  void aGroupOfAnotherOwnerIsNeverWritten() {
    scheduler.createGroupByHand(GROUP, Map.of("kaizen.dev/cluster", OperatorHarness.CLUSTER.id(),
        "kaizen.dev/owner", "other/CronJobSet/batch", "kaizen.dev/uid", "x"));
    harness.start(RECHECKING);
    CronJobSet adopting = nightly();
    adopting.getSpec().setAdopt(true);
    create(adopting);

    awaitCondition("batch", Conditions.STALLED, "True", Reasons.OWNED_BY_OTHER, 1);
    await().during(Duration.ofSeconds(2)).atMost(OperatorHarness.WAIT).until(() ->
        scheduler.succeededMutations().isEmpty());
    assertThat(scheduler.groupTags(GROUP)).containsEntry("kaizen.dev/owner", "other/CronJobSet/batch");
  }

  @Test
  void atTheAccountsGroupQuotaTheSetStallsSayingWhatToDo() {
    // The default group and the 123 seeded count too: fill the account to its 500 groups.
    scheduler.seedForeignGroups("filler-", FakeScheduler.GROUP_QUOTA - scheduler.groupCount(), 0);
    harness.start(RECHECKING);
    create(nightly());

    CronJobSet stalled = awaitCondition("batch", Conditions.STALLED, "True", "ScheduleGroupQuotaReached", 1);

    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("quota of schedule groups").contains("delete unused schedule groups");
    assertThat(scheduler.succeededMutations()).isEmpty();
    assertThat(scheduler.calls("CreateScheduleGroup")).allSatisfy(call ->
        assertThat(call.errorCode()).isEqualTo("ServiceQuotaExceededException"));

    // Positive control: once a group is freed the set goes on (its recheck comes at the resync).
    scheduler.deleteScheduleGroup(r -> r.name("filler-0000"));
    awaitReady("batch", 1);
    assertThat(scheduler.scheduleNames(GROUP)).hasSize(3);
  }

  @Test
  void throttlingIsSurvived() {
    scheduler.failNext("CreateSchedule", 3, FakeAwsService.Fault.THROTTLING);
    scheduler.failNext("GetScheduleGroup", 2, FakeAwsService.Fault.THROTTLING);
    harness.start(RECHECKING);
    create(nightly());

    awaitReady("batch", 1);

    assertThat(scheduler.calls("CreateSchedule")).filteredOn(c -> "ThrottlingException".equals(c.errorCode()))
        .hasSize(3);
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("archive", "cleanup", "report");
    assertThat(scheduler.calls("CreateScheduleGroup")).filteredOn(FakeAwsService.Call::succeeded).hasSize(1);
  }

  @Test
  void deletionRetainsTheGroupByDefaultAndDeletesItWithPolicyDelete() {
    harness.start(RECHECKING);
    create(nightly());
    CronJobSet other = nightly();
    other.getMetadata().setName("other");
    other.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    create(other);
    awaitReady("batch", 1);
    awaitReady("other", 1);
    String otherGroup = ScheduleGroupNames.of(NS, "other");
    assertThat(scheduler.scheduleNames(otherGroup)).hasSize(3);

    resource("batch").delete();
    resource("other").delete();

    await().atMost(OperatorHarness.WAIT).until(() -> resource("batch").get() == null && resource("other").get() == null);
    await().atMost(OperatorHarness.WAIT).until(() -> !scheduler.groupExists(otherGroup));
    assertThat(scheduler.scheduleNames(otherGroup)).isEmpty();
    assertThat(scheduler.groupExists(GROUP)).isTrue();
    assertThat(scheduler.scheduleNames(GROUP)).hasSize(3);
  }

  @Test
  void aRestartInTheMiddleOfCreatingTheSchedulesCreatesNoDuplicateAndFinishes() {
    // The second CreateSchedule fails for good until the restart: the group and one schedule exist, the rest not.
    scheduler.failNext("CreateSchedule", 1, FakeAwsService.Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    scheduler.failNext("CreateSchedule", Integer.MAX_VALUE, FakeAwsService.Fault.SERVICE_UNAVAILABLE);
    harness.start(RECHECKING);
    create(nightly());
    await().atMost(OperatorHarness.WAIT).until(() -> scheduler.scheduleNames(GROUP).size() == 1
        && scheduler.calls("CreateSchedule").size() >= 3);
    harness.operator().close();
    scheduler.clearFaults();
    scheduler.clearCalls();

    harness.restart();
    awaitReady("batch", 1);

    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("archive", "cleanup", "report");
    assertThat(scheduler.succeededMutations()).as("the group and the first schedule are not made again")
        .containsExactly("CreateSchedule", "CreateSchedule");
    assertThat(scheduler.calls("CreateScheduleGroup")).isEmpty();
  }

  @Test
  void modePlanWritesNothingAndListsTheChanges() {
    harness.start(RECHECKING);
    CronJobSet planned = nightly();
    planned.getSpec().setMode(Mode.Plan);
    create(planned);

    CronJobSet seen = awaitCondition("batch", Conditions.READY, "False", Reasons.PLAN_PENDING, 1);

    assertThat(seen.getStatus().getPlan()).anySatisfy(line -> assertThat(line).startsWith("CreateScheduleGroup " + GROUP))
        .anySatisfy(line -> assertThat(line).startsWith("CreateSchedule " + GROUP + "/report"));
    assertThat(scheduler.succeededMutations()).isEmpty();
    assertThat(scheduler.calls()).noneMatch(call -> call.request() instanceof CreateScheduleGroupRequest);
  }

  @Test
  void jobsHealthyComesFromTheGroupsRunCountsInOneMetricReadPerFullObserve() {
    var cloudWatch = harness.cloudWatch();
    java.time.Instant recent = java.time.Instant.now().minus(Duration.ofHours(2));
    String lostGroup = ScheduleGroupNames.of(NS, "lossy");
    cloudWatch.putDatum("AWS/Scheduler", "InvocationAttemptCount", Map.of("ScheduleGroup", lostGroup), recent, 4);
    cloudWatch.putDatum("AWS/Scheduler", "TargetErrorCount", Map.of("ScheduleGroup", lostGroup), recent, 4);
    cloudWatch.putDatum("AWS/Scheduler", "InvocationDroppedCount", Map.of("ScheduleGroup", lostGroup), recent, 1);
    // Positive control: a group whose runs all went through, and an old drop outside the 24 hours looked at.
    cloudWatch.putDatum("AWS/Scheduler", "InvocationAttemptCount", Map.of("ScheduleGroup", GROUP), recent, 3);
    cloudWatch.putDatum("AWS/Scheduler", "InvocationDroppedCount", Map.of("ScheduleGroup", GROUP),
        java.time.Instant.now().minus(Duration.ofDays(3)), 5);
    harness.start(RECHECKING);
    CronJobSet lossy = nightly();
    lossy.getMetadata().setName("lossy");
    create(lossy);
    create(nightly());

    CronJobSet lost = awaitCondition("lossy", "JobsHealthy", "False", "RunsLost", 1);
    CronJobSet fine = awaitCondition("batch", "JobsHealthy", "True", "RunsDelivered", 1);

    assertThat(Conditions.find(lost.getStatus().getConditions(), "JobsHealthy").orElseThrow().getMessage())
        .contains("gave up 1 run(s)").contains("4 target error(s), in 4 attempt(s)").contains("not per job");
    assertThat(Conditions.find(fine.getStatus().getConditions(), "JobsHealthy").orElseThrow().getMessage())
        .contains("3 attempt(s)");
    await().atMost(OperatorHarness.WAIT).until(() -> harness.hasEvent(NS, "lossy", "JobsNotSucceeding"));
    // Rechecks (every 500 ms) are light: the reading stands and CloudWatch is not asked again.
    int reads = cloudWatch.callCount("GetMetricData");
    int rechecks = scheduler.callCount("GetScheduleGroup");
    await().atMost(OperatorHarness.WAIT).until(() -> scheduler.callCount("GetScheduleGroup") >= rechecks + 6);
    assertThat(cloudWatch.callCount("GetMetricData")).isEqualTo(reads);
    assertThat(Conditions.find(resource("lossy").get().getStatus().getConditions(), "JobsHealthy").orElseThrow()
        .getReason()).isEqualTo("RunsLost");
  }

  @Test
  void aScheduleSchedulerCannotExpressStallsNamingTheJobBeforeAnyCall() {
    harness.start(RECHECKING);
    CronJobSet invalid = nightly();
    invalid.getSpec().getJobs().get(0).setSchedule("0 3 1 * MON");
    create(invalid);

    CronJobSet stalled = awaitCondition("batch", Conditions.STALLED, "True", Reasons.INVALID_SPEC, 1);

    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("spec.jobs[0] (report): schedule:").contains("split it into two jobs");
    assertThat(scheduler.calls()).isEmpty();
  }
}
