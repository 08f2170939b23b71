package dev.kaizen.operator.resilience;

import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeScheduler;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault soak's finding, alone and without a restart: 15 Scheduler sets, a few of whose creates fail (5xx,
 * timeouts, answers lost).
 * Every set must become Ready, far below the operator's share of any Scheduler quota (a 10 s resync).
 */
class SchedulerHeldBackTest {
  private static final int SETS = 15;

  @Test
  void everySetBecomesReadyWhenSomeOfTheirCreatesFail() {
    try (OperatorHarness harness = new OperatorHarness()) {
      FakeScheduler scheduler = harness.scheduler();
      scheduler.failNext("CreateScheduleGroup", 2, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
      scheduler.failNext("CreateSchedule", 3, Fault.SERVICE_UNAVAILABLE);
      scheduler.failNext("CreateSchedule", 2, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
      harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(10)));
      List<CronJobSet> sets = new ArrayList<>();
      for (int i = 0; i < SETS; i++) {
        sets.add(harness.client().resource(Manifests.lambdaSet("shop", "eb" + i, "report", "cleanup")).create());
      }
      try {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> notReady(harness,
            sets).isEmpty());
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("not Ready after 120 s: " + notReady(harness, sets) + "; Scheduler calls in all: "
            + scheduler.calls().size(), e);
      }
    }
  }

  /** The sets not Ready, each with its Reconciling message. */
  private static List<String> notReady(OperatorHarness harness, List<CronJobSet> sets) {
    List<String> notReady = new ArrayList<>();
    for (CronJobSet set : sets) {
      CronJobSet now = harness.client().resource(set).get();
      if (!ResourceConditions.isReady(now)) {
        notReady.add(set.getMetadata().getName() + ": " + (now.getStatus() == null ? "no status"
            : Conditions.find(now.getStatus().getConditions(), Conditions.RECONCILING).map(c -> c.getReason() + " "
                + c.getMessage()).orElse("no Reconciling condition")));
      }
    }
    return notReady;
  }
}
