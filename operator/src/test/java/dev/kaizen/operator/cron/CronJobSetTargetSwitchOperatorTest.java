package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.cron.eventbridge.ScheduleGroupNames;
import dev.kaizen.operator.fakes.FakeScheduler;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A set moved from one target to the other: under deletionPolicy Retain the old target's objects stay (they still
 * run) and the status and a Warning event say so, through rechecks and restarts; under Delete they are removed, and
 * nothing comes back.
 */
public class CronJobSetTargetSwitchOperatorTest {
  static final String NS = "shop";
  static final String GROUP = ScheduleGroupNames.of(NS, "batch");
  static final Duration WAIT = EventBridgeOperatorTest.WAIT;

  private OperatorHarness harness;
  private FakeScheduler scheduler;

  @BeforeEach
  void start() {
    harness = new OperatorHarness();
    scheduler = harness.scheduler();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  Resource<CronJobSet> resource() {
    return harness.client().resources(CronJobSet.class).inNamespace(NS).withName("batch");
  }

  void edit(UnaryOperator<CronJobSet> change) {
    OperatorHarness.edit(resource(), change);
  }

  CronJobSet awaitReady(long generation) {
    CronJobSet[] seen = new CronJobSet[1];
    await().atMost(WAIT).until(() -> {
      seen[0] = resource().get();
      return seen[0] != null && seen[0].getStatus() != null && seen[0].getStatus().getObservedGeneration() != null
          && seen[0].getStatus().getObservedGeneration() >= generation
          && Conditions.find(seen[0].getStatus().getConditions(), Conditions.READY)
              .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent();
    });
    return seen[0];
  }

  List<String> cronJobNames() {
    return harness.client().batch().v1().cronjobs().inNamespace(NS).list().getItems().stream()
        .map(c -> c.getMetadata().getName()).sorted().toList();
  }

  /** Holds through rechecks (every 500 ms) for two seconds, then again after a restart. */
  void holdsThroughRechecksAndARestart(BooleanSupplier holds) {
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(holds::getAsBoolean);
    harness.restart();
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(holds::getAsBoolean);
  }

  long reconciles() {
    return io.micrometer.core.instrument.search.Search.in(harness.operator().metrics().registry())
        .name(dev.kaizen.operator.core.metrics.KaizenMetrics.RECONCILE_DURATION).tag("kind", CronJobSet.KIND).timers()
        .stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }

  static CronJobSet onEventBridge() {
    return EventBridgeSets.ecs(NS, "batch", job("report", "30 4 * * MON-FRI", "/app/report"),
        job("cleanup", "@hourly", "/app/cleanup"));
  }

  static CronJobSet toKubernetes(CronJobSet set) {
    set.getSpec().setTarget(CronTarget.KUBERNETES);
    set.getSpec().setEventBridge(null);
    set.getSpec().setImage("registry.example.com/shop/batch:1.4.2");
    return set;
  }

  static CronJobSet toEventBridge(CronJobSet set) {
    set.getSpec().setTarget(CronTarget.EVENTBRIDGE);
    set.getSpec().setEventBridge(onEventBridge().getSpec().getEventBridge());
    set.getSpec().setImage(null);
    set.getSpec().setScripts(null);
    return set;
  }

  @Test
  void fromEventBridgeToKubernetesTheGroupIsKeptUnderRetainAndRemovedUnderDelete() {
    harness.start(EventBridgeOperatorTest.RECHECKING);
    harness.client().resources(CronJobSet.class).inNamespace(NS).resource(onEventBridge()).create();
    awaitReady(1);
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("cleanup", "report");

    edit(CronJobSetTargetSwitchOperatorTest::toKubernetes);
    CronJobSet moved = awaitReady(2);
    assertThat(cronJobNames()).containsExactly("batch-cleanup", "batch-report");

    // Retain (the default): the group and its schedules stay, named in status and in one Warning event.
    assertThat(moved.getStatus().getLeftBehind()).singleElement().asString()
        .startsWith("Schedule group " + GROUP + " (target eventbridge) and its schedules still run");
    assertThat(moved.getStatus().getScheduleGroup().getName()).isEqualTo(GROUP);
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "batch", CronJobSetKind.LEFT_BEHIND));
    scheduler.clearCalls();
    holdsThroughRechecksAndARestart(() -> scheduler.scheduleNames(GROUP).equals(List.of("cleanup", "report"))
        && scheduler.succeededMutations().isEmpty() && cronJobNames().size() == 2);
    assertThat(resource().get().getStatus().getLeftBehind()).hasSize(1);
    assertThat(harness.events(NS, "batch")).filteredOn(e -> CronJobSetKind.LEFT_BEHIND.equals(e.getReason()))
        .hasSize(1);

    // Delete: the group goes with its schedules; then the set makes no AWS call at all, through restarts.
    edit(set -> {
      set.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      return set;
    });
    awaitReady(3);
    await().atMost(WAIT).until(() -> !scheduler.groupExists(GROUP));
    assertThat(scheduler.scheduleNames(GROUP)).isEmpty();
    await().atMost(WAIT).until(() -> resource().get().getStatus().getScheduleGroup() == null
        && resource().get().getStatus().getLeftBehind().isEmpty());
    assertThat(scheduler.succeededMutations()).containsExactly("DeleteScheduleGroup");
    // Reconciles of one set run one at a time: two more, and none that read the old status is still under way.
    long reconciles = reconciles();
    await().atMost(WAIT).until(() -> reconciles() >= reconciles + 2);
    scheduler.clearCalls();
    holdsThroughRechecksAndARestart(() -> scheduler.calls().isEmpty() && !scheduler.groupExists(GROUP)
        && cronJobNames().equals(List.of("batch-cleanup", "batch-report")));
  }

  @Test
  void aGroupMovedAwayFromBeforeAnyObserveSawItIsStillRemoved() {
    harness.start(EventBridgeOperatorTest.RECHECKING);
    // The reconcile that creates the group fails at its last change, and from then on the group cannot be read
    // (Scheduler throttling): no reconcile sees the new group before the spec moves the set to Kubernetes.
    scheduler.failNextWith("CreateSchedule", 1, () -> {
      scheduler.failNext("GetScheduleGroup", Integer.MAX_VALUE, dev.kaizen.operator.fakes.FakeAwsService.Fault
          .THROTTLING);
      return software.amazon.awssdk.core.exception.SdkClientException.create("Unable to execute HTTP request: Read"
          + " timed out");
    });
    CronJobSet set = onEventBridge();
    set.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    harness.client().resources(CronJobSet.class).inNamespace(NS).resource(set).create();
    await().atMost(WAIT).until(() -> scheduler.groupExists(GROUP) && scheduler.callCount("CreateSchedule") >= 1);
    edit(CronJobSetTargetSwitchOperatorTest::toKubernetes);
    await().atMost(WAIT).until(() -> Long.valueOf(2).equals(resource().get().getStatus().getObservedGeneration()));
    scheduler.clearFaults();

    try {
      await().atMost(WAIT).until(() -> !scheduler.groupExists(GROUP));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the group was left behind; status: " + io.fabric8.kubernetes.client.utils
          .Serialization.asYaml(resource().get().getStatus()), e);
    }
    // Positive control: the set runs on Kubernetes, its status names no group, and nothing comes back.
    awaitReady(2);
    assertThat(cronJobNames()).containsExactly("batch-cleanup", "batch-report");
    await().atMost(WAIT).until(() -> resource().get().getStatus().getScheduleGroup() == null);
    holdsThroughRechecksAndARestart(() -> !scheduler.groupExists(GROUP) && cronJobNames().size() == 2);
    assertThat(scheduler.callCount("CreateScheduleGroup")).isEqualTo(1);
  }

  @Test
  void fromKubernetesToEventBridgeTheCronJobsAreKeptUnderRetainAndRemovedUnderDelete() {
    harness.start(EventBridgeOperatorTest.RECHECKING);
    harness.client().resources(CronJobSet.class).inNamespace(NS).resource(toKubernetes(onEventBridge())).create();
    awaitReady(1);
    assertThat(cronJobNames()).containsExactly("batch-cleanup", "batch-report");
    assertThat(scheduler.groupExists(GROUP)).isFalse();

    edit(CronJobSetTargetSwitchOperatorTest::toEventBridge);
    CronJobSet moved = awaitReady(2);
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("cleanup", "report");

    // Retain: the CronJobs stay, each named in status, one Warning event.
    assertThat(moved.getStatus().getLeftBehind()).hasSize(2).allSatisfy(line -> assertThat(line)
        .startsWith("CronJob shop/batch-").contains("still runs"));
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "batch", CronJobSetKind.LEFT_BEHIND));
    holdsThroughRechecksAndARestart(() -> cronJobNames().equals(List.of("batch-cleanup", "batch-report")));
    assertThat(harness.events(NS, "batch")).filteredOn(e -> CronJobSetKind.LEFT_BEHIND.equals(e.getReason()))
        .hasSize(1);

    // Delete: the CronJobs go and stay gone; the schedules are untouched.
    scheduler.clearCalls();
    edit(set -> {
      set.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      return set;
    });
    awaitReady(3);
    await().atMost(WAIT).until(() -> cronJobNames().isEmpty()
        && resource().get().getStatus().getLeftBehind().isEmpty());
    holdsThroughRechecksAndARestart(() -> cronJobNames().isEmpty()
        && scheduler.scheduleNames(GROUP).equals(List.of("cleanup", "report")));
    assertThat(scheduler.succeededMutations()).isEmpty();
  }
}
