package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.testing.ApiRequests;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints what N CronJobSets of five jobs each, in one namespace, cost on the mock API server: seconds until all are
 * Ready, reconciles, and the operator's API reads of CronJobs and Jobs (lists and gets by name); then the same counts
 * over a minute of rechecks every 2 seconds. A program, not a test: {@code ./mvnw -q -pl operator test-compile
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.kaizen.operator.cron.CronJobSetBenchmark
 * -Dexec.args=100}.
 */
public final class CronJobSetBenchmark {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    try (OperatorHarness harness = new OperatorHarness()) {
      var sets = harness.client().resources(CronJobSet.class).inNamespace("bench");
      for (int i = 0; i < count; i++) {
        sets.resource(set("bench", "set" + i, "Europe/Berlin", job("export", "30 2 * * *", "/scripts/export.sh"),
            job("report", "0 6 * * MON-FRI", "/scripts/report.sh"), job("sync", "*/15 * * * *", "/scripts/sync.sh"),
            job("reindex", "15 3 * * 0", "/scripts/reindex.sh"), job("archive", "@monthly", "/scripts/archive.sh")))
            .create();
      }
      long start = System.nanoTime();
      // Rechecks every 2 s once Ready, so the cost of a recheck shows beside the cost of getting there.
      harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
      System.out.printf("CronJobSets:                %d (%d CronJobs)%n", count, count * 5);
      System.out.printf("all Ready after start:      %d ms%n", awaitAllReady(() -> sets.list().getItems(), count, start));
      Counts ready = Counts.of(harness);
      System.out.printf("to all Ready:               %s%n", ready);
      Thread.sleep(60_000);
      System.out.printf("one minute of rechecks:     %s%n", Counts.of(harness).minus(ready));
      System.out.printf("CronJobs in the namespace:  %d%n",
          harness.client().batch().v1().cronjobs().inNamespace("bench").list().getItems().size());
    }
    System.exit(0);
  }

  record Counts(long reconciles, long cronJobLists, long jobLists, long cronJobGets) {
    static Counts of(OperatorHarness harness) {
      long reconciles = Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
          .tag("kind", CronJobSet.KIND).timers().stream().mapToLong(Timer::count).sum();
      return new Counts(reconciles, ApiRequests.count(ApiRequests.lists("cronjobs")),
          ApiRequests.count(ApiRequests.lists("jobs")), ApiRequests.count(ApiRequests.gets("bench", "cronjobs")));
    }

    Counts minus(Counts earlier) {
      return new Counts(reconciles - earlier.reconciles, cronJobLists - earlier.cronJobLists,
          jobLists - earlier.jobLists, cronJobGets - earlier.cronJobGets);
    }

    @Override
    public String toString() {
      return reconciles + " reconciles, " + cronJobLists + " CronJob lists, " + jobLists + " Job lists, "
          + cronJobGets + " CronJob gets";
    }
  }

  private static long awaitAllReady(Supplier<List<CronJobSet>> sets, int count, long start)
      throws InterruptedException {
    while (sets.get().stream().filter(s -> s.getStatus() != null
        && Conditions.isTrue(s.getStatus().getConditions(), Conditions.READY)).count() < count) {
      Thread.sleep(20);
    }
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
