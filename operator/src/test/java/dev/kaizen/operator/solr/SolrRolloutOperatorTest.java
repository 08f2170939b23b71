package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.NS;
import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;

/**
 * The blue/green rollout (issue 13) through the real operator, the mock API server and the AWS and Solr fakes: a
 * configset change walks every phase; failures stall with live traffic untouched; the gate, weighted steps, rollback
 * and a mid-rollout change; an operator restart between every pair of adjacent phases.
 */
class SolrRolloutOperatorTest {
  private static final Duration RESYNC = Duration.ofSeconds(1);
  /** Generous: the suite shares two cores with other builds, and a fresh JVM's first reconcile loads the SDKs. */
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NAME = "products";

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private final SolrClusterNames names = names(NAME);

  @AfterEach
  void stop() {
    harness.close();
  }

  private static Consumer<SolrClusterSpec> rollout(Consumer<SolrClusterSpec> more) {
    return spec -> {
      RolloutJobSpec reindex = new RolloutJobSpec();
      reindex.setImage("registry.example.com/search/reindex:1.4");
      reindex.setArgs(List.of("--from", "postgres://catalog"));
      spec.getRollout().setReindex(reindex);
      spec.getRollout().getVerification().setSmokeQueries(List.of(new SmokeQuerySpec("products", "name:phone")));
      spec.getRollout().setHoldSeconds(2);
      more.accept(spec);
    };
  }

  /** A Ready cluster on blue, 100 documents live; then a configset change (a schema change) starts the rollout. */
  private void readyThenChangeTheSchema(Consumer<SolrClusterSpec> spec) {
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster(NAME, rollout(spec)));
    awaitReady();
    solr.blueSolr(NAME).index("products", 100);
    OperatorHarness.edit(harness.client().configMaps().inNamespace(NS).withName("products-configset"), c -> {
      c.getData().put("schema.xml", c.getData().get("schema.xml") + "\n<!-- a new field -->");
      return c;
    });
  }

  private SolrCluster awaitReady() {
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      solr.settle();
      seen[0] = solr.resource(NAME).get();
      return SolrClusterFixture.hasCondition(seen[0], Conditions.READY, "True", "InSync", 1);
    });
    return seen[0];
  }

  private SolrCluster awaitStalled(String reason) {
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).until(() -> {
      seen[0] = solr.resource(NAME).get();
      return SolrClusterFixture.hasCondition(seen[0], Conditions.STALLED, "True", reason, 0);
    });
    return seen[0];
  }

  /** Once Holding is committed, the same reconcile re-points the live listener: wait for that change too. */
  private SolrCluster awaitHolding() {
    awaitPhase(Phase.Holding);
    await().atMost(WAIT).until(() -> harness.elb().forwardOf(names.loadBalancer(), 80).orElseThrow()
        .equals(greenTg().orElseThrow()));
    return solr.resource(NAME).get();
  }

  private SolrCluster awaitPhase(Phase phase) {
    SolrCluster[] seen = new SolrCluster[1];
    try {
      await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
        solr.settle();
        assertLiveNeverLost();
        seen[0] = solr.resource(NAME).get();
        return seen[0].getStatus() != null && seen[0].getStatus().getRollout() != null
            && seen[0].getStatus().getRollout().getPhase() == phase;
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not in " + phase + "; status: " + harness.client().getKubernetesSerialization()
          .asYaml(seen[0] == null ? null : seen[0].getStatus()), e);
    }
    return seen[0];
  }

  /** The live listener always forwards to a colour of this cluster that has nodes. */
  private void assertLiveNeverLost() {
    String live = harness.elb().forwardOf(names.loadBalancer(), 80).orElseThrow();
    assertThat(live).isIn(blueTg(), greenTg().orElse(blueTg()));
  }

  private String blueTg() {
    return harness.elb().targetGroupArn(names.targetGroup(Colour.BLUE)).orElseThrow();
  }

  private java.util.Optional<String> greenTg() {
    return harness.elb().targetGroupArn(names.targetGroup(Colour.GREEN));
  }

  private FakeSolrCloud greenSolr() {
    return harness.solr().cloud(greenTg().orElseThrow());
  }

  private Job job(String name) {
    return harness.client().batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  /** What the reindex Job does, then Kubernetes says it completed (or failed). */
  private void finishJob(String name, boolean succeeded) {
    harness.client().batch().v1().jobs().inNamespace(NS).withName(name).editStatus(j -> {
      j.setStatus(new JobStatusBuilder().withSucceeded(succeeded ? 1 : 0).withFailed(succeeded ? 0 : 1)
          .withConditions(new JobConditionBuilder().withType(succeeded ? "Complete" : "Failed").withStatus("True")
              .withReason(succeeded ? null : "BackoffLimitExceeded")
              .withMessage(succeeded ? null : "Job has reached the specified backoff limit").build())
          .build());
      return j;
    });
  }

  private void reindexGreen(long documents) {
    greenSolr().index("products", documents);
    greenSolr().matches("products", "name:phone", 3);
  }

  /** The requests that changed where the live listener (port 80) forwards. */
  private List<ModifyListenerRequest> liveSwitches() {
    String liveArn = harness.elb().calls("ModifyListener").stream()
        .map(c -> c.request(ModifyListenerRequest.class)).map(ModifyListenerRequest::listenerArn)
        .filter(arn -> harness.elb().listenerPort(arn) == 80).findFirst().orElse("none");
    return harness.elb().calls("ModifyListener").stream()
        .filter(c -> c.outcome() == dev.kaizen.operator.fakes.FakeAwsService.Outcome.SUCCEEDED)
        .map(c -> c.request(ModifyListenerRequest.class)).filter(r -> r.listenerArn().equals(liveArn)).toList();
  }

  private List<String> eventReasons() {
    return harness.events(NS, NAME).stream().map(e -> e.getReason()).toList();
  }

  /** A person sets an annotation (kubectl annotate --overwrite). */
  private void annotate(String key, String value) {
    OperatorHarness.edit(solr.resource(NAME), c -> {
      if (c.getMetadata().getAnnotations() == null) {
        c.getMetadata().setAnnotations(new java.util.HashMap<>());
      }
      c.getMetadata().getAnnotations().put(key, value);
      return c;
    });
  }

  private void restartIf(boolean restart) {
    if (restart) {
      harness.restart();
    }
  }

  @Test
  void aConfigsetChangeWalksEveryPhaseAndEndsOnGreenWithBlueAtZero() {
    walk(false);
  }

  @Test
  void anOperatorRestartBetweenEveryPairOfAdjacentPhasesNeverSwitchesTwiceNorLosesTheLiveColour() {
    walk(true);
  }

  private void walk(boolean restarts) {
    readyThenChangeTheSchema(spec -> {});

    SolrCluster provisioning = awaitPhase(Phase.StandbyProvisioning);
    String revision = provisioning.getStatus().getRollout().getRevision();
    assertThat(provisioning.getStatus().getRollout().getToColour()).isEqualTo("green");
    assertThat(provisioning.getStatus().getGreen().getRevision().getConfigSetHash())
        .isNotEqualTo(provisioning.getStatus().getBlue().getRevision().getConfigSetHash());
    restartIf(restarts);

    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    assertThat(reindexing.getStatus().getRollout().getStepsDone()).containsExactly("StandbyReady");
    assertThat(greenSolr().collections()).containsExactly("products");
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 8983)).contains(greenTg().orElseThrow());
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(blueTg());
    String jobName = reindexing.getStatus().getRollout().getJob();
    await().atMost(WAIT).until(() -> job(jobName) != null);
    Map<String, String> env = new java.util.TreeMap<>();
    job(jobName).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
        .forEach(v -> env.put(v.getName(), v.getValue()));
    assertThat(env.get("SOLR_URL")).endsWith(":8983/solr");
    assertThat(env).containsEntry("SOLR_COLLECTIONS", "products").containsEntry("KAIZEN_REVISION", revision);
    restartIf(restarts);
    // Still reindexing after several rechecks while the Job runs: nothing switched.
    await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
    assertThat(solr.resource(NAME).get().getStatus().getRollout().getPhase()).isEqualTo(Phase.Reindexing);
    assertThat(liveSwitches()).isEmpty();

    reindexGreen(100);
    finishJob(jobName, true);
    SolrCluster holding = awaitHolding();
    assertThat(holding.getStatus().getActiveColour()).isEqualTo("green");
    assertThat(holding.getStatus().getRollout().getSwitchTime()).isNotNull();
    assertThat(holding.getStatus().getRollout().getStepsDone())
        .startsWith("StandbyReady", "ReindexComplete", "StandbyVerified", "Switched");
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(greenTg().orElseThrow());
    // Blue is kept for the hold, reachable through the test listener (moved there by the next reconcile).
    assertThat(harness.autoScaling().desired(names.autoScalingGroup(Colour.BLUE))).isEqualTo(3);
    if (!restarts) {
      await().atMost(WAIT).until(() -> harness.elb().forwardOf(names.loadBalancer(), 8983).orElseThrow()
          .equals(blueTg()) || solr.resource(NAME).get().getStatus().getRollout().getPhase() == Phase.Complete);
    }
    restartIf(restarts);

    SolrCluster complete = awaitPhase(Phase.Complete);
    restartIf(restarts);
    // Blue's nodes go, then the test listener returns to the active colour and the cluster is Ready.
    await().atMost(WAIT).until(() -> {
      solr.settle();
      return harness.autoScaling().instances(names.autoScalingGroup(Colour.BLUE)).isEmpty()
          && harness.elb().forwardOf(names.loadBalancer(), 8983).orElseThrow().equals(greenTg().orElseThrow());
    });
    SolrCluster ready = awaitReady();
    assertThat(harness.autoScaling().desired(names.autoScalingGroup(Colour.BLUE))).isZero();
    assertThat(solr.blueSolr(NAME).collections()).isEmpty(); // retired: no dead replicas left in its ZooKeeper state
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(greenTg().orElseThrow());
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 8983)).contains(greenTg().orElseThrow());
    assertThat(complete.getStatus().getRollout().getStepsDone()).contains("RolloutComplete");
    assertThat(Conditions.find(ready.getStatus().getConditions(), "RolloutComplete").orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(Conditions.find(ready.getStatus().getConditions(), "StandbyVerified").orElseThrow().getStatus())
        .isEqualTo("True");
    // Exactly one switch of the live listener, and one reindex Job, whatever the restarts.
    assertThat(liveSwitches()).hasSize(1);
    assertThat(harness.client().batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
    assertThat(harness.autoScaling().groupNames()).containsExactlyInAnyOrder(names.autoScalingGroup(Colour.BLUE),
        names.autoScalingGroup(Colour.GREEN));
    List<String> reasons = new ArrayList<>(eventReasons());
    reasons.retainAll(List.of("RolloutStarted", "StandbyReady", "ReindexComplete", "StandbyVerified", "Switched",
        "RolloutComplete"));
    assertThat(reasons).containsExactly("RolloutStarted", "StandbyReady", "ReindexComplete", "StandbyVerified",
        "Switched", "RolloutComplete");
  }

  @Test
  void aFailedReindexStallsLeavesLiveOnBlueKeepsGreenAndARetryRunsItAgain() {
    readyThenChangeTheSchema(spec -> {});
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String first = reindexing.getStatus().getRollout().getJob();
    await().atMost(WAIT).until(() -> job(first) != null);

    finishJob(first, false);
    SolrCluster failed = awaitPhase(Phase.Failed);
    awaitStalled("RolloutFailed");
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
    SolrCluster stillFailed = awaitStalled("RolloutFailed");
    assertThat(stillFailed.getStatus().getRollout().getPhase()).isEqualTo(Phase.Failed);
    assertThat(Conditions.find(stillFailed.getStatus().getConditions(), "ReindexComplete").orElseThrow().getReason())
        .isEqualTo("ReindexFailed");
    assertThat(Conditions.isTrue(stillFailed.getStatus().getConditions(), Conditions.READY)).isFalse();
    assertThat(failed.getStatus().getRollout().getMessage()).contains(first).contains("BackoffLimitExceeded");
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(blueTg());
    assertThat(liveSwitches()).isEmpty();
    assertThat(harness.autoScaling().desired(names.autoScalingGroup(Colour.GREEN))).isEqualTo(3);
    assertThat(eventReasons()).contains("RolloutFailed");

    annotate("kaizen.dev/retry-rollout", "attempt-2");
    SolrCluster again = awaitPhase(Phase.Reindexing);
    String second = again.getStatus().getRollout().getJob();
    assertThat(second).isNotEqualTo(first).endsWith("-2");
    await().atMost(WAIT).until(() -> job(second) != null);
    reindexGreen(100);
    finishJob(second, true);
    awaitHolding();
    assertThat(liveSwitches()).hasSize(1);
  }

  @Test
  void aFailedVerificationStallsAndLeavesTrafficOnBlue() {
    readyThenChangeTheSchema(spec -> {});
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String jobName = reindexing.getStatus().getRollout().getJob();
    await().atMost(WAIT).until(() -> job(jobName) != null);
    greenSolr().index("products", 60); // 40 % short of live; and the smoke query finds nothing
    finishJob(jobName, true);

    SolrCluster failed = awaitPhase(Phase.Failed);
    assertThat(failed.getStatus().getRollout().getFailedStep()).isEqualTo("Verify");
    assertThat(failed.getStatus().getRollout().getMessage()).contains("60 documents against 100 live")
        .contains("name:phone found nothing");
    SolrCluster stalled = awaitStalled("RolloutFailed");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), "StandbyVerified").orElseThrow().getReason())
        .isEqualTo("VerificationFailed");
    await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(blueTg());
    assertThat(liveSwitches()).isEmpty();
  }

  @Test
  void theGateWaitsForTheRightRevisionThenWeightedStepsHappenInOrderWithTheirPauses() {
    readyThenChangeTheSchema(spec -> {
      spec.getRollout().getTrafficSwitch().setRequireApproval(true);
      spec.getRollout().getTrafficSwitch().setSteps(List.of(10, 50));
      spec.getRollout().getTrafficSwitch().setPauseSeconds(3);
    });
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String jobName = reindexing.getStatus().getRollout().getJob();
    await().atMost(WAIT).until(() -> job(jobName) != null);
    reindexGreen(100);
    finishJob(jobName, true);
    SolrCluster awaiting = awaitPhase(Phase.AwaitingPromotion);
    String revision = awaiting.getStatus().getRollout().getRevision();
    harness.restart(); // between Verifying and AwaitingPromotion's end

    annotate("kaizen.dev/promote", "r0000000000");
    await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
    assertThat(solr.resource(NAME).get().getStatus().getRollout().getPhase()).isEqualTo(Phase.AwaitingPromotion);
    assertThat(liveSwitches()).isEmpty();

    annotate("kaizen.dev/promote", revision);
    SolrCluster switching = awaitPhase(Phase.Switching);
    assertThat(switching.getStatus().getRollout().getWeights()).containsEntry("blue", 90).containsEntry("green", 10);
    await().atMost(WAIT).until(() -> harness.elb().weightsOf(names.loadBalancer(), 80)
        .equals(Map.of(blueTg(), 90, greenTg().orElseThrow(), 10)));
    java.time.Instant firstStep = java.time.Instant.parse(switching.getStatus().getRollout().getPhaseStartedAt());
    harness.restart(); // between two weighted steps: the next one still waits for its pause, and none is repeated
    java.time.Instant[] secondStep = new java.time.Instant[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      var rollout = solr.resource(NAME).get().getStatus().getRollout();
      if (harness.elb().weightsOf(names.loadBalancer(), 80).equals(Map.of(blueTg(), 50, greenTg().orElseThrow(), 50))
          && Map.of("blue", 50, "green", 50).equals(rollout.getWeights())) {
        secondStep[0] = java.time.Instant.parse(rollout.getPhaseStartedAt());
        return true;
      }
      return false;
    });
    awaitHolding();

    List<ModifyListenerRequest> switches = liveSwitches();
    assertThat(switches).hasSize(3);
    assertThat(weights(switches.get(0))).isEqualTo(Map.of(blueTg(), 90, greenTg().orElseThrow(), 10));
    assertThat(weights(switches.get(1))).isEqualTo(Map.of(blueTg(), 50, greenTg().orElseThrow(), 50));
    assertThat(switches.get(2).defaultActions().get(0).targetGroupArn()).isEqualTo(greenTg().orElseThrow());
    List<java.time.Instant> times = harness.elb().calls("ModifyListener").stream()
        .filter(c -> switches.contains(c.request(ModifyListenerRequest.class))).map(c -> c.at()).toList();
    // The pause counts from the step's commit (status.rollout.phaseStartedAt, the reconcile's observe time): the next
    // step's call comes at least the pause after it (a reconcile's latency under load only adds to that).
    assertThat(times.get(1)).isAfterOrEqualTo(firstStep.plusSeconds(3));
    assertThat(times.get(2)).isAfterOrEqualTo(secondStep[0].plusSeconds(3));
    assertThat(times.get(0)).isAfterOrEqualTo(firstStep); // positive control: the clocks compared are the same
  }

  private static Map<String, Integer> weights(ModifyListenerRequest request) {
    Map<String, Integer> weights = new java.util.HashMap<>();
    request.defaultActions().get(0).forwardConfig().targetGroups()
        .forEach(t -> weights.put(t.targetGroupArn(), t.weight()));
    return weights;
  }

  @Test
  void aRollbackRepointsLiveToBlueAndSaysWhatItCannotRestore() {
    readyThenChangeTheSchema(spec -> spec.getRollout().setHoldSeconds(3600));
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String jobName = reindexing.getStatus().getRollout().getJob();
    await().atMost(WAIT).until(() -> job(jobName) != null);
    reindexGreen(100);
    finishJob(jobName, true);
    SolrCluster holding = awaitHolding();
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(greenTg().orElseThrow());

    annotate("kaizen.dev/rollback", "INC-4711");
    SolrCluster rolledBack = awaitPhase(Phase.RolledBack);
    assertThat(rolledBack.getStatus().getActiveColour()).isEqualTo("blue");
    assertThat(rolledBack.getStatus().getRollout().getMessage())
        .contains(holding.getStatus().getRollout().getSwitchTime()).contains("are not in the blue colour");
    awaitStalled("RolledBack");
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(blueTg());
    assertThat(liveSwitches()).hasSize(2);
    assertThat(solr.resource(NAME).get().getStatus().getRequests()).containsEntry("rollback", "INC-4711");
    assertThat(harness.autoScaling().desired(names.autoScalingGroup(Colour.GREEN))).isEqualTo(3); // kept
    assertThat(eventReasons()).contains("RolledBack");
  }

  @Test
  void aSpecChangeBeforeTheSwitchAbandonsTheStandbyAndStartsOverNeverTwoStandbys() {
    readyThenChangeTheSchema(spec -> {});
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String firstRevision = reindexing.getStatus().getRollout().getRevision();

    OperatorHarness.edit(solr.resource(NAME), c -> {
      c.getSpec().setInstanceType("r6i.xlarge");
      return c;
    });
    awaitPhase(Phase.Abandoning);
    SolrCluster restarted = awaitPhase(Phase.StandbyProvisioning);
    assertThat(restarted.getStatus().getRollout().getRevision()).isNotEqualTo(firstRevision);
    assertThat(restarted.getStatus().getGreen().getRevision().getInstanceType()).isEqualTo("r6i.xlarge");
    assertThat(greenSolr().calls()).contains("DeleteCollection products");
    assertThat(harness.autoScaling().groupNames()).containsExactlyInAnyOrder(names.autoScalingGroup(Colour.BLUE),
        names.autoScalingGroup(Colour.GREEN));
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(blueTg());
    assertThat(eventReasons()).contains("RolloutAbandoned");
    SolrCluster again = awaitPhase(Phase.Reindexing);
    assertThat(harness.ec2().templateData(names.launchTemplate(Colour.GREEN),
        harness.ec2().versionCount(names.launchTemplate(Colour.GREEN))).instanceTypeAsString())
        .isEqualTo("r6i.xlarge");
    assertThat(again.getStatus().getRollout().getJob()).isNotEqualTo(reindexing.getStatus().getRollout().getJob());
  }
}
