package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.AMI;
import static dev.kaizen.operator.solr.SolrClusterFixture.AMI_PARAMETER;
import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

class SolrClusterOperatorTest {
  private static final Duration RESYNC = Duration.ofSeconds(1);

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);

  @AfterEach
  void stop() {
    harness.close();
  }

  private void start() {
    harness.start(OperatorHarness.fastTimings(RESYNC));
  }

  @Test
  void aFirstCreateBringsUpBlueAndItsListenersWaitsForTheNodesCreatesTheCollectionsThenIsReady() {
    start();
    solr.create(cluster("products", spec -> {}));
    SolrClusterNames names = names("products");

    // The colour is built, then the cluster waits for its nodes (none launched yet: AWS has not moved).
    SolrCluster waiting = solr.awaitCondition("products", Conditions.RECONCILING, "True", null);
    await().atMost(SolrClusterFixture.WAIT).until(() -> harness.autoScaling().exists(names.autoScalingGroup(Colour.BLUE)));
    assertThat(harness.ec2().templateExists(names.launchTemplate(Colour.BLUE))).isTrue();
    assertThat(harness.ec2().templateData(names.launchTemplate(Colour.BLUE), 1).imageId()).isEqualTo(AMI);
    assertThat(harness.autoScaling().desired(names.autoScalingGroup(Colour.BLUE))).isEqualTo(3);
    assertThat(waiting.getStatus().getBlue().getRevision().getAmi()).isEqualTo(AMI);
    assertThat(Conditions.isTrue(solr.resource("products").get().getStatus().getConditions(), Conditions.READY))
        .isFalse();

    SolrCluster ready = solr.awaitReady("products", 1);

    String blue = solr.blueTargetGroup("products");
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(blue);
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 8983)).contains(blue);
    List<String> instances = harness.autoScaling().instances(names.autoScalingGroup(Colour.BLUE));
    assertThat(instances).hasSize(3).allSatisfy(i -> assertThat(harness.autoScaling().isProtected(i)).isTrue());
    assertThat(solr.blueSolr("products").collections()).containsExactly("products");
    assertThat(solr.blueSolr("products").configSet("products")).isEqualTo(SolrAdminContract.configSetFiles());
    var status = ready.getStatus();
    assertThat(status.getActiveColour()).isEqualTo("blue");
    assertThat(status.getNodes()).isEqualTo("3/3");
    assertThat(status.getBlue().getState()).isEqualTo(ColourStatus.State.Serving);
    assertThat(status.getBlue().getRevision().getSolrVersion()).isEqualTo("9.10.1");
    assertThat(status.getBlue().getRevision().getConfigSetHash())
        .isEqualTo(ConfigSetSource.hash(SolrAdminContract.configSetFiles()));
    assertThat(status.getBlue().getDocuments()).containsEntry("products", 0L);
    assertThat(status.getLoadBalancer().getLiveEndpoint()).startsWith("http://internal-ks-").endsWith(":80/solr");
    assertThat(status.getLoadBalancer().getTestEndpoint()).endsWith(":8983/solr");
    var lbTags = harness.elb().tagsOf(harness.elb().loadBalancerArn(names.loadBalancer()).orElseThrow());
    assertThat(lbTags).containsEntry(OwnerTags.OWNER, "search/SolrCluster/products").containsEntry("team", "search");
    assertThat(harness.autoScaling().tags(names.autoScalingGroup(Colour.BLUE)))
        .containsEntry(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id());
  }

  @Test
  void theAmiFromSsmIsPinnedAndNeverChangesUnderTheColourNorAfterARestart() {
    start();
    solr.create(cluster("products", spec -> {}));
    solr.awaitReady("products", 1);
    String template = names("products").launchTemplate(Colour.BLUE);

    harness.ssm().put(AMI_PARAMETER, "ami-0bbbbbbbbbbbbbbb2"); // AWS publishes a new image
    int getParameterCalls = harness.ssm().callCount("GetParameter");
    harness.restart();
    int ec2Writes = harness.ec2().succeededMutations().size();
    // Several rechecks (resync 1 s) after the restart: nothing is rebuilt, the parameter is not read again.
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    SolrCluster after = solr.awaitReady("products", 1);
    assertThat(after.getStatus().getBlue().getRevision().getAmi()).isEqualTo(AMI);
    assertThat(harness.ec2().versionCount(template)).isEqualTo(1);
    assertThat(harness.ec2().templateData(template, 1).imageId()).isEqualTo(AMI);
    assertThat(harness.ec2().succeededMutations()).hasSize(ec2Writes);
    assertThat(harness.ssm().callCount("GetParameter")).isEqualTo(getParameterCalls);
  }

  @Test
  void theLiveColourScalesUpAndDownInPlaceMovingReplicasBeforeANodeGoes() {
    start();
    solr.create(cluster("products", spec -> {}));
    solr.awaitReady("products", 1);
    String group = names("products").autoScalingGroup(Colour.BLUE);
    FakeSolrCloud cloud = solr.blueSolr("products");
    int replicas = cloud.replicasPerNode().values().stream().mapToInt(Integer::intValue).sum();

    long generation = solr.edit("products", spec -> spec.setNodes(4)).getMetadata().getGeneration();
    SolrCluster four = solr.awaitReady("products", generation);
    assertThat(harness.autoScaling().instances(group)).hasSize(4);
    assertThat(four.getStatus().getNodes()).isEqualTo("4/4");

    harness.autoScaling().clearCalls();
    generation = solr.edit("products", spec -> spec.setNodes(2)).getMetadata().getGeneration();
    SolrCluster two = solr.awaitReady("products", generation);

    List<String> remaining = harness.autoScaling().instances(group);
    // Failed once under load (4 instances at this Ready, not reproduced since): the story, should it fail again.
    long awaited = generation;
    assertThat(remaining).as(() -> "awaited generation " + awaited + "; " + scaleInStory(group, two)).hasSize(2)
        .allSatisfy(i -> assertThat(harness.autoScaling().isProtected(i)).isTrue());
    assertThat(two.getStatus().getNodes()).isEqualTo("2/2");
    assertThat(two.getStatus().getScaleIn()).isNull();
    // Every replica is still there, on the remaining nodes only; each node's replicas moved before it was terminated.
    assertThat(cloud.replicasPerNode().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(replicas);
    List<String> liveNodes = remaining.stream().map(i -> SolrState.nodeName(harness.ec2().privateIp(i).orElseThrow()))
        .toList();
    assertThat(cloud.replicasPerNode().keySet()).isSubsetOf(liveNodes);
    assertThat(harness.autoScaling().calls("TerminateInstanceInAutoScalingGroup")).hasSize(2);
    assertThat(cloud.calls()).filteredOn(c -> c.startsWith("ReplaceNode")).isNotEmpty();
    var terminated = harness.autoScaling().calls("TerminateInstanceInAutoScalingGroup").stream()
        .map(c -> c.request(software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupRequest.class)
            .instanceId()).toList();
    assertThat(terminated).doesNotContainAnyElementsOf(remaining);
  }

  /** What Auto Scaling was asked and what it holds, with the status that claimed Ready: a failure's evidence. */
  private String scaleInStory(String group, SolrCluster ready) {
    StringBuilder story = new StringBuilder("Auto Scaling calls since the edit:\n");
    harness.autoScaling().calls().forEach(call -> story.append("  ").append(call.at()).append(' ')
        .append(call.operation()).append(' ').append(call.request()).append(' ').append(call.outcome()).append('\n'));
    story.append("desired now: ").append(harness.autoScaling().desired(group)).append("; the Ready resource: generation ")
        .append(ready.getMetadata().getGeneration()).append(", spec.nodes ").append(ready.getSpec().getNodes())
        .append("; its status:\n")
        .append(harness.client().getKubernetesSerialization().asYaml(ready.getStatus()));
    return story.toString();
  }

  @Test
  void driftIsRepairedAListenerChangedByHandAndTheGroupResizedByHand() {
    start();
    solr.create(cluster("products", spec -> {}));
    solr.awaitReady("products", 1);
    SolrClusterNames names = names("products");
    String blue = solr.blueTargetGroup("products");
    harness.elb().createTargetGroup(r -> r.name("someone-elses").protocol("HTTP").port(80)
        .vpcId("vpc-0a1b2c3d4e5f60708"));
    String other = harness.elb().targetGroupArn("someone-elses").orElseThrow();

    harness.elb().backdoorForward(names.loadBalancer(), 80, other);
    harness.autoScaling().backdoorSetDesired(names.autoScalingGroup(Colour.BLUE), 5);

    await().atMost(SolrClusterFixture.WAIT).until(() ->
        harness.elb().forwardOf(names.loadBalancer(), 80).orElseThrow().equals(blue)
            && harness.autoScaling().desired(names.autoScalingGroup(Colour.BLUE)) == 3);
    SolrCluster ready = solr.awaitReady("products", 1);
    assertThat(harness.autoScaling().instances(names.autoScalingGroup(Colour.BLUE))).hasSize(3);
    assertThat(ready.getStatus().getNodes()).isEqualTo("3/3");
    assertThat(harness.events(SolrClusterFixture.NS, "products")).extracting(e -> e.getReason()).contains("DriftCorrected");
  }

  @Test
  void anInstanceReplacedByAwsIsNoticedAndTheColourIsDegradedUntilItIsHealthy() {
    start();
    solr.create(cluster("products", spec -> {}));
    solr.awaitReady("products", 1);
    String group = names("products").autoScalingGroup(Colour.BLUE);
    String failed = harness.autoScaling().instances(group).get(0);

    String replacement = harness.autoScaling().replaceUnhealthy(failed);

    SolrCluster degraded = solr.awaitCondition("products", Conditions.RECONCILING, "True", "NodesDegraded");
    assertThat(degraded.getStatus().getBlue().getState()).isEqualTo(ColourStatus.State.Degraded);
    assertThat(degraded.getStatus().getNodes()).isEqualTo("2/3");
    // Still degraded after several rechecks while the new node is not healthy.
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    assertThat(solr.resource("products").get().getStatus().getBlue().getState())
        .isEqualTo(ColourStatus.State.Degraded);

    harness.elb().setHealth(solr.blueTargetGroup("products"), replacement, TargetHealthStateEnum.HEALTHY);
    SolrCluster ready = solr.awaitReady("products", 1);
    assertThat(ready.getStatus().getBlue().getState()).isEqualTo(ColourStatus.State.Serving);
    assertThat(harness.autoScaling().isProtected(replacement)).isTrue();
  }

  @Test
  void aRestartWhileTheColourComesUpNeitherDuplicatesNorLosesAnObject() {
    start();
    solr.create(cluster("products", spec -> {}));
    SolrClusterNames names = names("products");
    await().atMost(SolrClusterFixture.WAIT).until(() -> harness.autoScaling().exists(names.autoScalingGroup(Colour.BLUE))
        && harness.elb().listenerCount() == 2);
    harness.autoScaling().launchSome(names.autoScalingGroup(Colour.BLUE), 1);

    harness.restart();
    solr.awaitReady("products", 1);
    harness.restart();
    solr.awaitReady("products", 1);

    assertThat(harness.elb().succeededMutations().stream().filter("CreateLoadBalancer"::equals)).hasSize(1);
    assertThat(harness.elb().targetGroupCount()).isEqualTo(1);
    assertThat(harness.elb().listenerCount()).isEqualTo(2);
    assertThat(harness.ec2().succeededMutations().stream().filter("CreateLaunchTemplate"::equals)).hasSize(1);
    assertThat(harness.autoScaling().groupNames()).containsExactly(names.autoScalingGroup(Colour.BLUE));
    assertThat(harness.autoScaling().instances(names.autoScalingGroup(Colour.BLUE))).hasSize(3);
    assertThat(solr.blueSolr("products").calls()).filteredOn(c -> c.startsWith("CreateCollection")).hasSize(1);
  }

  @Test
  void deletionWithDeleteRemovesEveryObjectAndWithRetainKeepsThem() {
    start();
    solr.create(cluster("products", spec -> spec.setDeletionPolicy(
        dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy.Delete)));
    solr.create(cluster("catalog", spec -> {}));
    solr.awaitReady("products", 1);
    solr.awaitReady("catalog", 1);

    solr.resource("products").delete();
    solr.resource("catalog").delete();
    await().atMost(SolrClusterFixture.WAIT).until(() -> solr.resource("products").get() == null
        && solr.resource("catalog").get() == null);

    SolrClusterNames deleted = names("products");
    assertThat(harness.elb().loadBalancerExists(deleted.loadBalancer())).isFalse();
    assertThat(harness.elb().targetGroupArn(deleted.targetGroup(Colour.BLUE))).isEmpty();
    assertThat(harness.autoScaling().exists(deleted.autoScalingGroup(Colour.BLUE))).isFalse();
    assertThat(harness.ec2().templateExists(deleted.launchTemplate(Colour.BLUE))).isFalse();
    SolrClusterNames retained = names("catalog");
    assertThat(harness.elb().loadBalancerExists(retained.loadBalancer())).isTrue();
    assertThat(harness.autoScaling().instances(retained.autoScalingGroup(Colour.BLUE))).hasSize(3);
    assertThat(harness.ec2().templateExists(retained.launchTemplate(Colour.BLUE))).isTrue();
  }

  @Test
  void anUntaggedLoadBalancerOfTheSameNameIsAConflictThatStaysAfterRechecksAndARestart() {
    SolrClusterNames names = names("products");
    harness.elb().backdoorCreateLoadBalancer(names.loadBalancer(),
        List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"), java.util.Map.of());
    start();
    solr.create(cluster("products", spec -> {}));

    SolrCluster stalled = solr.awaitCondition("products", Conditions.STALLED, "True", "NameConflict");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("load balancer " + names.loadBalancer()).contains("spec.adopt");
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);

    SolrCluster still = solr.resource("products").get();
    assertThat(SolrClusterFixture.hasCondition(still, Conditions.STALLED, "True", "NameConflict", 1)).isTrue();
    assertThat(harness.elb().tagsOf(harness.elb().loadBalancerArn(names.loadBalancer()).orElseThrow())).isEmpty();
    assertThat(harness.autoScaling().exists(names.autoScalingGroup(Colour.BLUE))).isFalse();
    assertThat(harness.ec2().templateExists(names.launchTemplate(Colour.BLUE))).isFalse();
    // Positive control: the same cluster under another name is built at once.
    solr.create(cluster("catalog", spec -> {}));
    solr.awaitReady("catalog", 1);
  }
}
