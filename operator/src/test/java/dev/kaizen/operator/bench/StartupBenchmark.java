package dev.kaizen.operator.bench;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.testing.OperatorHarness;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Prints the operator's startup figures against the mock API server and the AWS fakes: time from constructing
 * the operator to the first resource Ready, to all Ready, and memory after startup. A program, not a test:
 * run it with {@code ./mvnw -q -pl operator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.kaizen.operator.bench.StartupBenchmark -Dexec.args="200 5"} (resources, minutes to wait at most,
 * and {@code quiet} to have the pipelines select no pods). By default each pipeline ships the logs of its own pods
 * ({@code app=p<i>}), so every one of them also joins the namespace's Fluent Bit file: the writes of its ConfigMap
 * are counted. With many resources the time to all Ready is bounded by the operator's share of AWS's quotas
 * (PutRetentionPolicy: 2.5 calls/s), by design.
 */
public final class StartupBenchmark {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Duration limit = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 5);
    boolean shipping = args.length < 3 || !args[2].equals("quiet");
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.logs().setQuotasEnforced(true);
      var pipelines = harness.client().resources(LogPipeline.class).inNamespace("bench");
      for (int i = 0; i < count; i++) {
        var pipeline = logPipeline("bench", "p" + i).retentionDays(30);
        pipelines.resource((shipping ? pipeline.pods("app", "p" + i) : pipeline).build()).create();
      }
      java.util.Set<String> configMapWrites = java.util.concurrent.ConcurrentHashMap.newKeySet();
      var watch = harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE).watch(
          new io.fabric8.kubernetes.client.Watcher<io.fabric8.kubernetes.api.model.ConfigMap>() {
            @Override
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.ConfigMap configMap) {
              if (action != Action.DELETED) {
                configMapWrites.add(configMap.getMetadata().getResourceVersion());
              }
            }

            @Override
            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
          });
      long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getUptime();
      long start = System.nanoTime();
      harness.start(ReconcileTimings.defaults());
      long started = System.nanoTime();
      long firstReconciled = -1;
      long firstReady = -1;
      long allReady = -1;
      while (System.nanoTime() - start < limit.toNanos()) {
        var items = pipelines.list().getItems();
        long ready = items.stream()
            .filter(p -> p.getStatus() != null && Conditions.isTrue(p.getStatus().getConditions(), Conditions.READY))
            .count();
        if (firstReconciled < 0 && items.stream().anyMatch(p -> p.getStatus() != null)) {
          firstReconciled = System.nanoTime();
        }
        if (ready > 0 && firstReady < 0) {
          firstReady = System.nanoTime();
        }
        if (ready == count) {
          allReady = System.nanoTime();
          break;
        }
        Thread.sleep(20);
      }
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long heapUsed = runtime.totalMemory() - runtime.freeMemory();
      watch.close();
      System.out.printf("resources:                      %d (%s)%n", count, shipping
          ? "each ships its pods' logs: one Fluent Bit file for the namespace" : "no pods selected");
      System.out.printf("JVM uptime before operator:     %d ms (mock server, fakes, %d resources created)%n",
          jvmStartMillis, count);
      System.out.printf("operator start() returned:      %d ms%n", millis(start, started));
      System.out.printf("first status written:           %d ms (first reconcile done)%n", millis(start, firstReconciled));
      System.out.printf("first resource Ready:           %d ms (after the confirm delay)%n", millis(start, firstReady));
      System.out.printf("all resources Ready:            %s%n", allReady < 0 ? "not within " + limit.toMinutes() + " min" : millis(start, allReady) + " ms");
      System.out.printf("Ready at the end:               %d%n", pipelines.list().getItems().stream()
          .filter(p -> p.getStatus() != null && Conditions.isTrue(p.getStatus().getConditions(), Conditions.READY))
          .count());
      System.out.printf("AWS calls made:                 %d%n", harness.logs().calls().size()
          + harness.cloudWatch().calls().size());
      java.util.stream.Stream.concat(harness.logs().calls().stream(), harness.cloudWatch().calls().stream())
          .collect(java.util.stream.Collectors.groupingBy(c -> c.operation(), java.util.TreeMap::new,
              java.util.stream.Collectors.counting()))
          .forEach((operation, n) -> System.out.printf("  %-28s %d%n", operation, n));
      System.out.printf("Fluent Bit ConfigMap writes:    %d%n", configMapWrites.size());
      System.out.printf("LogPipeline reconciles:         %d (%d held back by the operator's rate limiter)%n",
          reconciles(harness, null), reconciles(harness, "rate_limited"));
      System.out.printf("heap used after GC:             %.1f MiB%n", heapUsed / 1048576.0);
      System.out.printf("process RSS (incl. mock server): %s%n", rss());
    }
    System.exit(0);
  }

  private static long reconciles(OperatorHarness harness, String outcome) {
    var search = io.micrometer.core.instrument.search.Search.in(harness.operator().metrics().registry())
        .name(dev.kaizen.operator.core.metrics.KaizenMetrics.RECONCILE_DURATION).tag("kind", LogPipeline.KIND);
    return (outcome == null ? search : search.tag("outcome", outcome)).timers().stream()
        .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }

  private static long millis(long from, long to) {
    return to < 0 ? -1 : Duration.ofNanos(to - from).toMillis();
  }

  private static String rss() throws Exception {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "n/a";
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
        .map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
  }
}
