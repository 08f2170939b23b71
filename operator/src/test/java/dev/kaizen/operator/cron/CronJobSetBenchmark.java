package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;

/**
 * Prints how long N CronJobSets of five jobs each, in one namespace, take to be Ready on the mock API server (each
 * observe lists the namespace's CronJobs, so this grows with N squared). A program, not a test: {@code ./mvnw -q -pl operator test-compile exec:java
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
