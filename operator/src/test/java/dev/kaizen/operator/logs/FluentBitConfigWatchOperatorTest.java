package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.testing.ApiRequests;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Fluent Bit ConfigMap is watched: an edit or removal of a namespace's key, or of the whole ConfigMap, is undone at
 * once. The resync is 10 minutes (a settled pipeline is next requeued after 5), so only the watch's event can explain
 * a repair within the test's wait.
 */
class FluentBitConfigWatchOperatorTest {
  private static final ReconcileTimings TIMINGS = OperatorHarness.fastTimings(Duration.ofMinutes(10));
  private static final String NS = "shop";
  private static final String FOREIGN_KEY = "someone-else.conf";
  private static final String FOREIGN_CONFIG = "[OUTPUT]\n    Name  stdout\n    Match someone.*\n";

  /**
   * Reconciles that did work. Those held back by the operator's own AWS rate limiter, or waiting for a listing, are
   * rescheduled every second and counted apart ({@code rate_limited}): 20 new pipelines wait on CreateLogGroup's
   * quota for several seconds, and that has nothing to do with the watch.
   */
  private static long reconciles(KaizenOperator operator) {
    return Search.in(operator.metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("kind", LogPipeline.KIND).timers().stream()
        .filter(t -> !KaizenMetrics.Outcome.RATE_LIMITED.tag().equals(t.getId().getTag("outcome")))
        .mapToLong(t -> t.count()).sum();
  }

  private static Map<String, Long> byOutcome(KaizenOperator operator) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    Search.in(operator.metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION).timers()
        .forEach(t -> counts.merge(t.getId().getTag("outcome"), t.count(), Long::sum));
    return counts;
  }

  private static void createShipping(OperatorHarness harness, String name) {
    createShipping(harness, NS, name);
  }

  private static void createShipping(OperatorHarness harness, String namespace, String name) {
    harness.client().resources(LogPipeline.class).inNamespace(namespace)
        .resource(logPipeline(namespace, name).retentionDays(30).pods("app", name).build()).create();
  }

  private static Resource<ConfigMap> configMap(OperatorHarness harness) {
    return harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
        .withName(OperatorHarness.FLUENT_BIT_CONFIGMAP);
  }

  private static void editData(OperatorHarness harness, Consumer<Map<String, String>> change) {
    OperatorHarness.edit(configMap(harness), c -> {
      Map<String, String> data = new HashMap<>(c.getData());
      change.accept(data);
      c.setData(data);
      return c;
    });
  }

  private static long readyInSync(OperatorHarness harness) {
    return harness.client().resources(LogPipeline.class).inAnyNamespace().list().getItems().stream()
        .filter(p -> p.getStatus() != null && Conditions.find(p.getStatus().getConditions(), Conditions.READY)
            .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent())
        .count();
  }

  /** Waits until the operator has made no reconcile for half a second: nothing left in flight. */
  private static long settled(KaizenOperator operator) {
    long[] last = {reconciles(operator)};
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
      long now = reconciles(operator);
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    });
    return last[0];
  }

  @Test
  void anEditedKeyIsRestoredAtOnceAndOtherKeysAreLeftAlone() {
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(TIMINGS);
      createShipping(harness, "web");
      harness.awaitReady(NS, "web");
      String key = FluentBitConfigRenderer.key(NS, FluentBitFormat.YAML);
      String shipped = harness.fluentBitConfig(key).orElseThrow();
      editData(harness, data -> data.put(FOREIGN_KEY, FOREIGN_CONFIG));
      long before = settled(harness.operator());

      editData(harness, data -> data.put(key, "# edited by hand\n"));

      await().atMost(OperatorHarness.WAIT).until(() -> harness.fluentBitConfig(key).equals(Optional.of(shipped)));
      await().atMost(OperatorHarness.WAIT).until(() -> reconciles(harness.operator()) > before);
      assertThat(harness.fluentBitConfig(FOREIGN_KEY)).contains(FOREIGN_CONFIG);
      await().atMost(OperatorHarness.WAIT).until(() -> harness.hasEvent(NS, "web", "DriftCorrected"));
    }
  }

  @Test
  void withShardsEachNamespaceLandsInItsShardAndAHandEditThereIsRestoredWithinSeconds() {
    try (OperatorHarness harness = new OperatorHarness()) {
      FluentBitShards shards = new FluentBitShards(OperatorHarness.FLUENT_BIT_NAMESPACE,
          OperatorHarness.FLUENT_BIT_CONFIGMAP, 4, FluentBitFormat.YAML);
      harness.start(OperatorHarness.settings(TIMINGS).withFluentBit(new dev.kaizen.operator.OperatorSettings
          .FluentBit(shards.namespace(), shards.baseName(), shards.count(), shards.format())));
      for (String namespace : java.util.List.of("shop", "billing", "search")) {
        createShipping(harness, namespace, "web");
      }
      for (String namespace : java.util.List.of("shop", "billing", "search")) {
        harness.awaitReady(namespace, "web");
      }
      var configMaps = harness.client().configMaps().inNamespace(shards.namespace());
      for (String namespace : java.util.List.of("shop", "billing", "search")) {
        String key = FluentBitConfigRenderer.key(namespace, FluentBitFormat.YAML);
        await().atMost(OperatorHarness.WAIT).until(() -> Optional.ofNullable(configMaps
            .withName(shards.configMapFor(namespace)).get()).map(ConfigMap::getData).map(d -> d.get(key))
            .filter(file -> file.contains("kaizen." + namespace + ".web")).isPresent());
      }
      String shard = shards.configMapFor("billing");
      String key = FluentBitConfigRenderer.key("billing", FluentBitFormat.YAML);
      String shipped = configMaps.withName(shard).get().getData().get(key);

      long editedAt = System.nanoTime();
      OperatorHarness.edit(configMaps.withName(shard), c -> {
        c.getData().put(key, "# edited by hand\n");
        return c;
      });
      await().atMost(Duration.ofSeconds(10)).until(() -> shipped.equals(configMaps.withName(shard).get().getData()
          .get(key)));
      System.out.printf("a hand edit of %s %s restored after %d ms%n", shard, key,
          (System.nanoTime() - editedAt) / 1_000_000);
    }
  }

  @Test
  void theOperatorListsAndWatchesOnlyTheOneConfigMap() {
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(TIMINGS);
      createShipping(harness, "web");
      harness.awaitReady(NS, "web");
      // Every collection request on ConfigMaps the operator ever sent in this JVM (other tests' operators included).
      var collections = ApiRequests.seen().stream()
          .filter(r -> r.method().equals("GET") && r.path().matches("/api/v1/(namespaces/[^/]+/)?configmaps(\\?.*)?"))
          .map(ApiRequests.Request::path).toList();
      assertThat(collections).anyMatch(path -> path.contains("watch=true"));
      assertThat(collections).allMatch(path -> path.startsWith("/api/v1/namespaces/logging/configmaps?")
          && path.contains("fieldSelector=metadata.name%3Dkaizen-fluent-bit"), "in logging, for kaizen-fluent-bit only");
    }
  }

  @Test
  void aRemovedKeyOrADeletedConfigMapIsPutBackWithEveryPipelineOfTheNamespace() {
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(TIMINGS);
      createShipping(harness, "web");
      createShipping(harness, "api");
      createShipping(harness, "other", "batch");
      harness.awaitReady(NS, "web");
      harness.awaitReady(NS, "api");
      harness.awaitReady("other", "batch");
      String shop = FluentBitConfigRenderer.key(NS, FluentBitFormat.YAML);
      String other = FluentBitConfigRenderer.key("other", FluentBitFormat.YAML);
      // One file per namespace, with both of shop's pipelines.
      await().atMost(OperatorHarness.WAIT).until(() -> harness.fluentBitConfig(shop)
          .filter(file -> file.contains("kaizen.shop.web") && file.contains("kaizen.shop.api")).isPresent());
      String shopConfig = harness.fluentBitConfig(shop).orElseThrow();
      String otherConfig = harness.fluentBitConfig(other).orElseThrow();
      assertThat(otherConfig).contains("kaizen.other.batch").doesNotContain("kaizen.shop");

      editData(harness, data -> data.remove(shop));
      await().atMost(OperatorHarness.WAIT).until(() -> harness.fluentBitConfig(shop).equals(Optional.of(shopConfig)));

      configMap(harness).delete();
      await().atMost(OperatorHarness.WAIT).until(() -> harness.fluentBitConfig(shop).equals(Optional.of(shopConfig))
          && harness.fluentBitConfig(other).equals(Optional.of(otherConfig)));
    }
  }

  @Test
  void oneEditedKeyWakesOnlyItsNamespaceAndStartingTwentyIsNoStorm() {
    int namespaces = 10;
    int pipelines = 2 * namespaces;
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(TIMINGS);
      for (int i = 0; i < namespaces; i++) {
        createShipping(harness, "ns" + i, "a");
        createShipping(harness, "ns" + i, "b");
      }
      // CreateLogGroup's quota (half of 5/s) paces the first reconciles: give them longer than one resource needs.
      await().atMost(Duration.ofSeconds(60)).until(() -> readyInSync(harness) == pipelines);
      long firstStart = settled(harness.operator());
      System.out.printf("reconciles to bring %d shipping pipelines in %d namespaces to Ready: %d %s%n", pipelines,
          namespaces, firstStart, byOutcome(harness.operator()));
      // Each pipeline: its first reconcile (which writes its namespace's file), the confirming one, wakes by the
      // writes of its namespace's file (its own and its neighbour's), and retries of ConfigMap update conflicts.
      assertThat(firstStart).isLessThan(pipelines * 5L);

      String key = FluentBitConfigRenderer.key("ns3", FluentBitFormat.YAML);
      String shipped = harness.fluentBitConfig(key).orElseThrow();
      assertThat(shipped).contains("kaizen.ns3.a", "kaizen.ns3.b");
      editData(harness, data -> data.put(key, "# edited by hand\n"));
      await().atMost(OperatorHarness.WAIT).until(() -> harness.fluentBitConfig(key).equals(Optional.of(shipped)));
      long woken = settled(harness.operator()) - firstStart;
      System.out.printf("reconciles after one key was edited: %d%n", woken);
      // The two pipelines of the namespace: the reconciles that restore it, the wakes of that write, the confirming
      // reconciles; none of the other 18.
      assertThat(woken).isBetween(1L, 8L);

      // The restarted operator shares the registry: count from here. Each pipeline is reconciled once at start
      // (after waiting for the first listing); nothing in the ConfigMap changes, so the watch wakes nobody.
      long beforeRestart = settled(harness.operator());
      long inSyncBefore = byOutcome(harness.operator()).get(KaizenMetrics.Outcome.IN_SYNC.tag());
      harness.restart();
      await().atMost(Duration.ofSeconds(60)).until(() -> byOutcome(harness.operator())
          .get(KaizenMetrics.Outcome.IN_SYNC.tag()) >= inSyncBefore + pipelines);
      long restart = settled(harness.operator()) - beforeRestart;
      System.out.printf("reconciles after a restart with %d pipelines in sync: %d %s%n", pipelines, restart,
          byOutcome(harness.operator()));
      assertThat(restart).isLessThanOrEqualTo(pipelines + 2L);
      assertThat(readyInSync(harness)).isEqualTo(pipelines);
    }
  }
}
