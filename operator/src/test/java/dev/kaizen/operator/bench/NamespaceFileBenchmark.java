package dev.kaizen.operator.bench;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints what it costs to bring up many shipping LogPipelines in ONE namespace, where they all share one Fluent Bit
 * file: reconciles, AWS calls, writes of the Fluent Bit ConfigMap, and seconds from the burst of creates to every
 * pipeline Ready (InSync) with its output in the file. The operator runs with its production timings and the fakes
 * enforce AWS's quotas. A program, not a test: {@code bench/namespace-file.sh [sizes...]} (default 1 20 50).
 */
public final class NamespaceFileBenchmark {
  private static final String NAMESPACE = "shop";

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {1, 20, 50}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println("pipelines  reconciles  (held_back)  aws_calls  configmap_writes  seconds_to_all_ready");
    for (int size : sizes) {
      Figures figures = run(size, Duration.ofMinutes(5));
      System.out.printf("%9d  %10d  %11d  %9d  %16d  %s%n", size, figures.reconciles(), figures.heldBack(),
          figures.awsCalls(),
          figures.configMapWrites(), figures.seconds() < 0 ? "not within 5 min" : String.format("%.1f",
              figures.seconds()));
    }
    System.exit(0);
  }

  /**
   * @param reconciles every reconcile of a LogPipeline, those held back included
   * @param heldBack reconciles that found the operator's own rate limiter without a token and rescheduled at once
   */
  record Figures(long reconciles, long heldBack, long awsCalls, int configMapWrites, double seconds) {}

  static Figures run(int size, Duration limit) throws Exception {
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.logs().setQuotasEnforced(true);
      harness.cloudWatch().setQuotasEnforced(true);
      harness.start(ReconcileTimings.defaults());
      Set<String> writes = ConcurrentHashMap.newKeySet();
      try (var watch = harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
          .watch(new Watcher<ConfigMap>() {
            @Override
            public void eventReceived(Action action, ConfigMap configMap) {
              if (action != Action.DELETED) {
                writes.add(configMap.getMetadata().getResourceVersion());
              }
            }

            @Override
            public void onClose(WatcherException cause) {}
          })) {
        var pipelines = harness.client().resources(LogPipeline.class).inNamespace(NAMESPACE);
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
          pipelines.resource(logPipeline(NAMESPACE, "p" + i).retentionDays(30).pods("app", "p" + i).build()).create();
        }
        String key = FluentBitConfigRenderer.key(NAMESPACE, dev.kaizen.operator.logs.fluentbit.FluentBitFormat.YAML);
        double seconds = -1;
        while (System.nanoTime() - start < limit.toNanos()) {
          long ready = pipelines.list().getItems().stream().filter(p -> p.getStatus() != null
              && Conditions.find(p.getStatus().getConditions(), Conditions.READY)
                  .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent())
              .count();
          String file = harness.fluentBitConfig(key).orElse("");
          long shipped = java.util.stream.IntStream.range(0, size)
              .filter(i -> file.contains(FluentBitConfigRenderer.outputAlias(NAMESPACE, "p" + i) + "'")
                  || file.contains(FluentBitConfigRenderer.outputAlias(NAMESPACE, "p" + i) + "\n"))
              .count();
          if (ready == size && shipped == size) {
            seconds = (System.nanoTime() - start) / 1e9;
            break;
          }
          Thread.sleep(50);
        }
        long reconciles = Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
            .tag("kind", LogPipeline.KIND).timers().stream().mapToLong(Timer::count).sum();
        long heldBack = Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
            .tag("kind", LogPipeline.KIND).tag("outcome", KaizenMetrics.Outcome.RATE_LIMITED.tag()).timers().stream()
            .mapToLong(Timer::count).sum();
        long awsCalls = harness.logs().calls().size() + harness.cloudWatch().calls().size();
        return new Figures(reconciles, heldBack, awsCalls, writes.size(), seconds);
      }
    }
  }
}
