package dev.kaizen.operator.core.reconcile;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.OperatorSettings.LeaderElection;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.FakeAwsClients;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several operator instances against one API server: leader election, and shards that split the work. */
class ScaleOutOperatorTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration LEASE = Duration.ofSeconds(3);

  private final OperatorHarness harness = new OperatorHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  private void create(String namespace, String name, Map<String, String> labels) {
    LogPipeline pipeline = logPipeline(namespace, name).retentionDays(30).build();
    pipeline.getMetadata().setLabels(labels);
    harness.client().resources(LogPipeline.class).inNamespace(namespace).resource(pipeline).create();
  }

  private LogPipeline get(String namespace, String name) {
    return harness.logPipeline(namespace, name).get();
  }

  private void awaitReady(String namespace, String name) {
    harness.awaitReady(namespace, name);
  }

  private static long reconciles(MeterRegistry registry) {
    return registry.find(KaizenMetrics.RECONCILE_DURATION).timers().stream().mapToLong(Timer::count).sum();
  }

  private static double leader(MeterRegistry registry) {
    return registry.get(KaizenMetrics.LEADER).gauge().value();
  }

  /** Asks for a full observe with the on-demand annotation and waits until some instance has made it. */
  private void resyncAndAwait(String namespace, String name) {
    java.time.Instant requested = java.time.Instant.now();
    OperatorHarness.edit(harness.logPipeline(namespace, name), p -> {
      p.getMetadata().getAnnotations().put(ReconcileLoop.RECONCILE_REQUESTED_AT, requested.toString());
      return p;
    });
    await().atMost(WAIT).until(() -> {
      var status = harness.logPipeline(namespace, name).get().getStatus();
      return status != null && status.getLastFullSyncTime() != null
          && !java.time.Instant.parse(status.getLastFullSyncTime()).isBefore(requested);
    });
  }

  private static OperatorSettings replica(String identity, MeterRegistry registry) {
    return OperatorHarness.settings(OperatorHarness.fastTimings(Duration.ofMinutes(10)))
        .withLeaderElection(new LeaderElection("kaizen-operator", Optional.of("default"), identity, LEASE,
            Duration.ofSeconds(2), Duration.ofMillis(250), false))
        .withMeterRegistry(registry);
  }

  @Test
  void onlyTheLeaderReconcilesAndTheOtherTakesOverWithinTheLeaseAfterItStops() {
    MeterRegistry registryA = new SimpleMeterRegistry();
    MeterRegistry registryB = new SimpleMeterRegistry();
    FakeCloudWatchLogs awsA = harness.logs();
    FakeCloudWatchLogs awsB = new FakeCloudWatchLogs(OperatorHarness.REGION, OperatorHarness.ACCOUNT);
    var cloudWatchB = new FakeCloudWatch(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
    harness.start(replica("replica-a", registryA));
    KaizenOperator a = harness.operator();
    await().atMost(WAIT).until(() -> leader(registryA) == 1.0);
    KaizenOperator b = harness.startAnother(replica("replica-b", registryB), new FakeAwsClients(r -> awsB, r -> cloudWatchB));

    create("shop", "web", Map.of());
    awaitReady("shop", "web");
    // Give the follower every chance to (wrongly) reconcile too: an event both replicas see, handled by the leader.
    resyncAndAwait("shop", "web");

    assertThat(harness.client().leases().inNamespace("default").withName("kaizen-operator").get().getSpec()
        .getHolderIdentity()).isEqualTo("replica-a");
    assertThat(reconciles(registryA)).isPositive();
    assertThat(reconciles(registryB)).isZero();
    assertThat(leader(registryB)).isZero();
    assertThat(awsB.calls()).isEmpty();
    assertThat(awsA.groupNames()).containsExactly("/shop/web");

    long stopped = System.nanoTime();
    a.close();
    await().atMost(WAIT).until(() -> leader(registryB) == 1.0);
    Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
    System.out.printf("leader election: takeover %d ms after the leader stopped (lease %d ms)%n",
        takeover.toMillis(), LEASE.toMillis());
    // The lease is not released on stop: it expires LEASE after the last renewal (at most one retry period
    // before the stop), and the follower notices at its next poll (retry period with jitter). Slack for slow CI.
    assertThat(takeover).isLessThanOrEqualTo(LEASE.plusSeconds(1));

    create("shop", "api", Map.of());
    awaitReady("shop", "api");
    assertThat(reconciles(registryB)).isPositive();
    // The new leader re-checks every resource (its own AWS fake starts empty, so it also creates /shop/web).
    assertThat(awsB.groupNames()).contains("/shop/api");
    assertThat(b.ready()).isTrue();
  }

  @Test
  void twoShardsPartitionTheResourcesByNamespaceAndLabel() {
    MeterRegistry registryA = new SimpleMeterRegistry();
    MeterRegistry registryB = new SimpleMeterRegistry();
    FakeCloudWatchLogs awsA = harness.logs();
    FakeCloudWatchLogs awsB = new FakeCloudWatchLogs(OperatorHarness.REGION, OperatorHarness.ACCOUNT);
    var cloudWatchB = new FakeCloudWatch(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
    var base = OperatorHarness.settings(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    // Shard A: namespace shop only, label shard=a. Shard B: every namespace, label shard=b.
    harness.start(base.withWatch(new WatchScope(Set.of("shop"), Optional.of("shard=a")))
        .withMeterRegistry(registryA));
    harness.startAnother(base.withWatch(new WatchScope(Set.of(), Optional.of("shard=b")))
        .withMeterRegistry(registryB), new FakeAwsClients(r -> awsB, r -> cloudWatchB));

    create("shop", "a1", Map.of("shard", "a"));
    create("shop", "a2", Map.of("shard", "a"));
    create("shop", "b1", Map.of("shard", "b"));
    create("billing", "b2", Map.of("shard", "b"));
    create("billing", "nobody", Map.of("shard", "a"));   // label of A, namespace A does not watch
    create("shop", "unlabelled", Map.of());

    awaitReady("shop", "a1");
    awaitReady("shop", "a2");
    awaitReady("shop", "b1");
    awaitReady("billing", "b2");
    // Events every instance sees, handled by the shard that owns each resource.
    for (String[] resource : new String[][] {{"shop", "a1"}, {"shop", "a2"}, {"shop", "b1"}, {"billing", "b2"}}) {
      resyncAndAwait(resource[0], resource[1]);
    }

    assertThat(awsA.groupNames()).containsExactlyInAnyOrder("/shop/a1", "/shop/a2");
    assertThat(awsB.groupNames()).containsExactlyInAnyOrder("/shop/b1", "/billing/b2");
    // No resource reconciled by both: neither shard's AWS calls name a group of the other.
    // (Group names, not bare "b1": a generated uid such as ...2fb1 in an owner tag would match that.)
    assertThat(awsA.calls()).allSatisfy(c -> assertThat(c.request().toString())
        .doesNotContain("/shop/b1", "/billing/b2"));
    assertThat(awsB.calls()).allSatisfy(c -> assertThat(c.request().toString()).doesNotContain("/shop/a1", "/shop/a2"));
    assertThat(get("billing", "nobody").getStatus()).isNull();
    assertThat(get("shop", "unlabelled").getStatus()).isNull();
    assertThat(reconciles(registryA)).isPositive();
    assertThat(reconciles(registryB)).isPositive();
  }
}
