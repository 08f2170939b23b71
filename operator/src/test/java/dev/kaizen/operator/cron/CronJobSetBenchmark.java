package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;

/**
 * Prints how long N CronJobSets of five jobs each take to be Ready on the mock API server, and again after a
 * restart with everything in sync. A program, not a test: {@code ./mvnw -q -pl operator test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.kaizen.operator.cron.CronJobSetBenchmark -Dexec.args=100}.
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
      harness.start(ReconcileTimings.defaults());
      System.out.printf("CronJobSets:                %d (%d CronJobs)%n", count, count * 5);
      System.out.printf("all Ready after start:      %d ms%n", awaitAllReady(() -> sets.list().getItems(), count, start));
      System.out.printf("CronJobs in the namespace:  %d%n",
          harness.client().batch().v1().cronjobs().inNamespace("bench").list().getItems().size());
      long restart = System.nanoTime();
      harness.restart();
      // Ready already: time until every set was reconciled again (its lastFullSyncTime moved past the restart).
      java.time.Instant restartedAt = java.time.Instant.now();
      while (sets.list().getItems().stream().anyMatch(s -> s.getStatus() == null
          || java.time.Instant.parse(s.getStatus().getLastFullSyncTime()).isBefore(restartedAt))) {
        Thread.sleep(20);
      }
      System.out.printf("all re-observed after restart: %d ms%n", Duration.ofNanos(System.nanoTime() - restart)
          .toMillis());
    }
    System.exit(0);
  }

  private static long awaitAllReady(java.util.function.Supplier<java.util.List<CronJobSet>> sets, int count,
      long start) throws InterruptedException {
    while (sets.get().stream().filter(s -> s.getStatus() != null
        && Conditions.isTrue(s.getStatus().getConditions(), Conditions.READY)).count() < count) {
      Thread.sleep(20);
    }
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
