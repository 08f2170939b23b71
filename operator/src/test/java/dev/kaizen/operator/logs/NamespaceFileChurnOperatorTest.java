package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many shipping pipelines in ONE namespace share its Fluent Bit file. Counts, not time: the writes of the file and the
 * reconciles it costs to bring 20 of them up together, then nothing more through rechecks and a restart, and a hand
 * edit of one pipeline's part wakes that pipeline, not the namespace. Before, every write woke every pipeline of the
 * namespace and each one's write dropped the neighbours accepted since it looked: 20 pipelines took 42-54 writes.
 */
class NamespaceFileChurnOperatorTest {
  private static final String NS = "shop";
  private static final int PIPELINES = 20;
  private static final String KEY = FluentBitConfigRenderer.key(NS, FluentBitFormat.YAML);

  private final OperatorHarness harness = new OperatorHarness();
  /** Every version of the Fluent Bit ConfigMap written (its resourceVersions), by anyone. */
  private final Set<String> writes = ConcurrentHashMap.newKeySet();
  private Watch watch;

  @AfterEach
  void stop() {
    if (watch != null) {
      watch.close();
    }
    harness.close();
  }

  private void countWrites() {
    watch = harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
        .withName(OperatorHarness.FLUENT_BIT_CONFIGMAP).watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, ConfigMap configMap) {
            if (action == Action.ADDED || action == Action.MODIFIED) {
              writes.add(configMap.getMetadata().getResourceVersion());
            }
          }

          @Override
          public void onClose(WatcherException cause) {}
        });
  }

  /** Reconciles that did work (those held back by the operator's own rate limiter reschedule at once, apart). */
  private static long reconciles(KaizenOperator operator) {
    return Search.in(operator.metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("kind", LogPipeline.KIND).timers().stream()
        .filter(t -> !KaizenMetrics.Outcome.RATE_LIMITED.tag().equals(t.getId().getTag("outcome")))
        .mapToLong(t -> t.count()).sum();
  }

  /** Waits until the operator has made no reconcile for a second: nothing left in flight. */
  private static long settled(KaizenOperator operator) {
    long[] last = {reconciles(operator)};
    await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          long now = reconciles(operator);
          boolean quiet = now == last[0];
          last[0] = now;
          return quiet;
        });
    return last[0];
  }

  private long readyInSync() {
    return harness.client().resources(LogPipeline.class).inNamespace(NS).list().getItems().stream()
        .filter(p -> p.getStatus() != null && Conditions.find(p.getStatus().getConditions(), Conditions.READY)
            .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent())
        .count();
  }

  private boolean everyOutputIn(String file) {
    return IntStream.range(0, PIPELINES).allMatch(i -> file.contains("'" + outputOf(i) + "'"));
  }

  private static String outputOf(int i) {
    return FluentBitConfigRenderer.outputAlias(NS, "p" + i);
  }

  @Test
  void pipelinesStartingTogetherShareFewWritesAndTheFileStaysPutThroughRechecksAndARestart() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    countWrites();
    var pipelines = harness.client().resources(LogPipeline.class).inNamespace(NS);
    for (int i = 0; i < PIPELINES; i++) {
      pipelines.resource(logPipeline(NS, "p" + i).retentionDays(30).pods("app", "p" + i).build()).create();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> readyInSync() == PIPELINES
        && everyOutputIn(harness.fluentBitConfig(KEY).orElse("")));
    long reconciles = settled(harness.operator());
    String file = harness.fluentBitConfig(KEY).orElseThrow();

    // At most one write per pipeline (it adds itself once its group exists), and about two reconciles each (the
    // create, then the confirm), the rate limiter's reschedules apart. Before: 42-54 writes and ~100 reconciles.
    assertThat(writes).as("writes of the Fluent Bit ConfigMap").hasSizeLessThanOrEqualTo(PIPELINES);
    assertThat(reconciles).as("reconciles").isLessThanOrEqualTo(3L * PIPELINES);
    int writesWhenReady = writes.size();

    // A hand edit that drops one pipeline's output wakes that pipeline (and no other), which puts it back.
    long beforeEdit = reconciles;
    OperatorHarness.edit(harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
        .withName(OperatorHarness.FLUENT_BIT_CONFIGMAP), c -> {
          Map<String, String> data = new HashMap<>(c.getData());
          data.put(KEY, FluentBitConfigRenderer.parts(file).entrySet().stream()
              .filter(part -> !part.getKey().equals("p7")).map(Map.Entry::getValue)
              .reduce("", String::concat));
          c.setData(data);
          return c;
        });
    await().atMost(OperatorHarness.WAIT).until(() -> harness.fluentBitConfig(KEY).orElse("").equals(file));
    long afterEdit = settled(harness.operator());
    assertThat(afterEdit - beforeEdit).as("reconciles for one pipeline's part edited").isBetween(1L, 3L);
    assertThat(writes).as("the edit, and the one write that undid it").hasSize(writesWhenReady + 2);

    // Rechecks every second, then a restart: each pipeline looks again several times, and nothing is written.
    harness.operator().close();
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    KaizenOperator restarted = harness.operator();
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(restarted) >= 3L * PIPELINES);
    assertThat(writes).as("writes through rechecks and a restart").hasSize(writesWhenReady + 2);
    assertThat(harness.fluentBitConfig(KEY)).contains(file);
    assertThat(readyInSync()).isEqualTo(PIPELINES);
  }
}
