package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.ApiRequests;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;

/**
 * The promise the operator must never break: an object it does not own is never changed — not at the first
 * reconcile, not at the rechecks after it (which used to observe lightly and take the object over), not after a
 * restart. Each test waits for several full re-reads of the conflicting object, and carries a positive control
 * that the same operator does change what it owns.
 */
class OwnershipConflictOperatorTest {
  private static final String NS = "shop";
  private static final Duration RESYNC = Duration.ofSeconds(1);

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatchLogs aws = harness.logs();

  @AfterEach
  void stop() {
    harness.close();
  }

  private void create(LogPipeline pipeline) {
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(pipeline).create();
  }

  /** Full observes read the group's tags: each one is a recheck that judged ownership again. */
  private long fullObservesOf(String group) {
    return aws.calls("ListTagsForResource").stream()
        .filter(call -> call.request(ListTagsForResourceRequest.class).resourceArn().endsWith(":log-group:" + group))
        .count();
  }

  private void awaitFullObserves(String group, long atLeast) {
    await().atMost(OperatorHarness.WAIT).until(() -> fullObservesOf(group) >= atLeast);
  }

  private long mutationsNaming(String group) {
    return aws.mutatingCalls().stream().map(Call::request).map(String::valueOf)
        .filter(request -> request.contains(group + ",") || request.contains(group + ")")).count();
  }

  @Test
  void untaggedAndForeignGroupsAreNeverChangedAcrossRechecksAndARestart() {
    aws.backdoorCreate("/shop/web", Map.of("team", "legacy"));
    aws.backdoorSetRetention("/shop/web", 3653);
    Map<String, String> foreignTags = Map.of(OwnerTags.CLUSTER, "another-cluster",
        OwnerTags.OWNER, "shop/LogPipeline/api", OwnerTags.UID, "y");
    aws.backdoorCreate("/shop/api", foreignTags);
    aws.backdoorSetRetention("/shop/api", 3653);
    harness.start(OperatorHarness.fastTimings(RESYNC));
    create(logPipeline(NS, "web").retentionDays(30).metricFilter("errors", "ERROR", 5.0).build());
    create(logPipeline(NS, "api").retentionDays(30).adopt(true).metricFilter("errors", "ERROR", 5.0).build());
    create(logPipeline(NS, "ok").retentionDays(30).build()); // positive control

    harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 0);
    harness.awaitCondition(NS, "api", Conditions.STALLED, "True", Reasons.OWNED_BY_OTHER, 0);
    harness.awaitReady(NS, "ok");
    // The account its objects live in: the binding (the operator's own credentials) and its 12-digit ID from STS.
    assertThat(harness.logPipeline(NS, "ok").get().getStatus().getAccountName()).isEqualTo("default");
    assertThat(harness.logPipeline(NS, "ok").get().getStatus().getAccount()).isEqualTo(OperatorHarness.ACCOUNT);
    assertUntouched();
    // Several stalled rechecks (2 s apart here), each a full re-read, not a light one.
    awaitFullObserves("/shop/web", 4);
    awaitFullObserves("/shop/api", 4);
    assertUntouched();

    harness.restart();
    long before = fullObservesOf("/shop/web");
    awaitFullObserves("/shop/web", before + 3);
    awaitFullObserves("/shop/api", before + 3);
    assertUntouched();

    // Positive control: the same operator corrects drift on what it owns.
    aws.backdoorSetRetention("/shop/ok", 7);
    await().atMost(OperatorHarness.WAIT).until(() -> aws.group("/shop/ok").orElseThrow().retentionInDays() == 30);
  }

  private void assertUntouched() {
    assertThat(mutationsNaming("/shop/web")).isZero();
    assertThat(mutationsNaming("/shop/api")).isZero();
    assertThat(harness.cloudWatch().succeededMutations()).isEmpty();
    var web = aws.group("/shop/web").orElseThrow();
    assertThat(web.retentionInDays()).isEqualTo(3653);
    assertThat(web.tags()).isEqualTo(Map.of("team", "legacy"));
    assertThat(aws.calls("PutMetricFilter")).isEmpty();
    var api = aws.group("/shop/api").orElseThrow();
    assertThat(api.retentionInDays()).isEqualTo(3653);
    assertThat(api.tags()).isEqualTo(foreignTagsOf(api.tags()));
    for (String name : new String[] {"web", "api"}) {
      LogPipeline pipeline = harness.logPipeline(NS, name).get();
      assertThat(Conditions.isTrue(pipeline.getStatus().getConditions(), Conditions.READY)).isFalse();
      assertThat(Conditions.isTrue(pipeline.getStatus().getConditions(), Conditions.STALLED)).isTrue();
      // kubectl get still names the group the pipeline is about.
      assertThat(pipeline.getStatus().getLogGroup().getName()).isEqualTo("/shop/" + name);
      assertThat(pipeline.getStatus().getLogGroup().getArn()).isNull();
      // Only someone else's group lives there: no account is recorded, so none is refused later.
      assertThat(pipeline.getStatus().getAccount()).isNull();
      assertThat(pipeline.getStatus().getAccountName()).isNull();
    }
  }

  private static Map<String, String> foreignTagsOf(Map<String, String> tags) {
    assertThat(tags).containsEntry(OwnerTags.CLUSTER, "another-cluster").containsEntry(OwnerTags.UID, "y");
    return tags;
  }

  @Test
  void aGroupDeletedAndRecreatedBySomeoneElseIsReadInFullBeforeAnythingIsChanged() {
    harness.start(OperatorHarness.fastTimings(RESYNC)); // full observe only hourly: rechecks are light
    create(logPipeline(NS, "web").retentionDays(30).build());
    harness.awaitReady(NS, "web");
    long fullBefore = fullObservesOf("/shop/web");

    // Someone deletes our group and creates an untagged one of the same name, with other settings.
    aws.backdoorDelete("/shop/web");
    aws.setClock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofSeconds(1))); // a later creation time
    aws.backdoorCreate("/shop/web", Map.of("team", "legacy"));
    aws.backdoorSetRetention("/shop/web", 3653);
    aws.clearCalls();

    harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 0);
    assertThat(aws.succeededMutations()).isEmpty();
    awaitFullObserves("/shop/web", 3);
    assertThat(aws.succeededMutations()).isEmpty();
    assertThat(aws.group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(3653);
    assertThat(fullBefore).isPositive();
  }

  @Test
  void aPreviousClusterIdentityIsTakenOverOnlyWhenNamed() {
    Map<String, String> oldTags = Map.of(OwnerTags.CLUSTER, "old-cluster", OwnerTags.OWNER, "shop/LogPipeline/web",
        OwnerTags.UID, "old-uid");
    aws.backdoorCreate("/shop/web", oldTags);
    aws.backdoorSetRetention("/shop/web", 7);

    // Without --take-over-from, the rebuilt cluster's objects are another cluster's.
    harness.start(OperatorHarness.fastTimings(RESYNC));
    create(logPipeline(NS, "web").retentionDays(30).build());
    harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.OWNED_BY_OTHER, 0);
    assertThat(aws.succeededMutations()).isEmpty();

    harness.operator().close();
    var cluster = new ClusterIdentity(OperatorHarness.CLUSTER.id(), Set.of("old-cluster"));
    var settings = OperatorHarness.settings(OperatorHarness.fastTimings(RESYNC));
    harness.start(new dev.kaizen.operator.OperatorSettings(cluster, settings.defaultRegion(), settings.timings(),
        settings.reconcileThreads(), settings.clock()).withFluentBit(settings.fluentBit()));

    harness.awaitReady(NS, "web");
    var group = aws.group("/shop/web").orElseThrow();
    assertThat(group.tags()).containsEntry(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id())
        .containsEntry(OwnerTags.UID, harness.logPipeline(NS, "web").get().getMetadata().getUid());
    assertThat(group.retentionInDays()).isEqualTo(30);
    assertThat(harness.events(NS, "web")).anySatisfy(event -> {
      assertThat(event.getReason()).isEqualTo(Reasons.REATTACHED);
      assertThat(event.getMessage()).contains("old-cluster");
    });
  }

  @Test
  void changingTheRegionOfAnExistingGroupIsRefused() {
    harness.start(OperatorHarness.fastTimings(RESYNC));
    create(logPipeline(NS, "web").retentionDays(30).build());
    harness.awaitReady(NS, "web");

    LogPipeline moved = OperatorHarness.edit(harness.logPipeline(NS, "web"), p -> {
      p.getSpec().setRegion(Region.US_EAST_1.id());
      return p;
    });

    LogPipeline stalled = harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.INVALID_SPEC,
        moved.getMetadata().getGeneration());
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("exists in " + OperatorHarness.REGION.id(), "cannot change to us-east-1");
    assertThat(harness.logs(Region.US_EAST_1).calls()).isEmpty();
    assertThat(aws.group("/shop/web")).isPresent();
  }

  @Test
  void pipelinesThatShipNoLogsConvergeWithoutAccessToFluentBitsNamespace() {
    harness.forbidOperator("/namespaces/" + OperatorHarness.FLUENT_BIT_NAMESPACE + "/configmaps");
    harness.start(OperatorHarness.fastTimings(RESYNC));
    create(logPipeline(NS, "web").retentionDays(30).build());
    create(logPipeline(NS, "shipping").retentionDays(30).pods("app", "shipping").build());

    harness.awaitReady(NS, "web");
    LogPipeline denied = harness.awaitCondition(NS, "shipping", Conditions.STALLED, "True", Reasons.ACCESS_DENIED, 0);
    assertThat(Conditions.find(denied.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .hasSizeLessThan(400).doesNotContain("Status(");
    assertThat(ApiRequests.seen()).isNotEmpty();
  }
}
