package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * A SolrCluster at rest reads the account's shared snapshot (one tag-filtered DescribeAutoScalingGroups and one
 * DescribeListeners by ARN for every cluster) instead of its ten objects, and drift is still corrected: an instance
 * AWS replaced, a listener forwarded elsewhere, the group resized by hand — before and after a restart.
 */
class SolrClusterAtRestOperatorTest {
  /** Requeue every second, a snapshot fresh for half a second: every recheck reads it at most once. */
  private static final Duration RESYNC = Duration.ofSeconds(2);

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);

  @AfterEach
  void stop() {
    harness.close();
  }

  private List<FakeAwsService.Call> awsCallsSince(Instant since) {
    return Stream.of(harness.ec2(), harness.elb(), harness.autoScaling(), harness.ssm(), harness.route53())
        .flatMap(service -> service.calls().stream()).filter(call -> !call.at().isBefore(since)).toList();
  }

  /** Waits for {@code rechecks} more observes reaching Solr, then returns the AWS calls they made. */
  private List<FakeAwsService.Call> callsOverRechecks(String name, int rechecks) {
    FakeSolrCloud cloud = solr.blueSolr(name);
    Instant since = Instant.now();
    int before = cloud.collectionListings();
    await().atMost(SolrClusterFixture.WAIT).until(() -> cloud.collectionListings() - before >= rechecks);
    return awsCallsSince(since);
  }

  private void assertReadsOnlyTheSharedSnapshot(List<FakeAwsService.Call> calls, int rechecks) {
    // The positive control: the snapshot is read; nothing else is (the old observe read ten objects each time).
    assertThat(calls).extracting(FakeAwsService.Call::operation)
        .contains("DescribeAutoScalingGroups", "DescribeListeners")
        .containsOnly("DescribeAutoScalingGroups", "DescribeListeners");
    assertThat(calls).filteredOn(call -> call.operation().equals("DescribeAutoScalingGroups"))
        .allSatisfy(call -> assertThat(call.request(DescribeAutoScalingGroupsRequest.class).filters())
            .extracting(f -> f.name()).containsExactly("tag-key"));
    // At most the snapshot's two calls per recheck (plus one recheck in flight when the count was taken).
    assertThat(calls.size()).isLessThanOrEqualTo(2 * (rechecks + 1));
  }

  @Test
  void atRestEachRecheckReadsOnlyTheSharedSnapshotAndDriftIsStillCorrectedAlsoAfterARestart() {
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster("products", spec -> {}));
    solr.awaitReady("products", 1);
    SolrClusterNames names = names("products");
    String group = names.autoScalingGroup(Colour.BLUE);

    assertReadsOnlyTheSharedSnapshot(callsOverRechecks("products", 6), 6);

    // An instance AWS replaced (terminated by hand, failed): seen in the snapshot, the colour is degraded.
    String failed = harness.autoScaling().instances(group).get(0);
    String replacement = harness.autoScaling().replaceUnhealthy(failed);
    SolrCluster degraded = solr.awaitCondition("products", Conditions.RECONCILING, "True", "NodesDegraded");
    assertThat(degraded.getStatus().getNodes()).isEqualTo("2/3");
    harness.elb().setHealth(solr.blueTargetGroup("products"), replacement, TargetHealthStateEnum.HEALTHY);
    SolrCluster ready = solr.awaitReady("products", 1);
    assertThat(ready.getStatus().getBlue().getState()).isEqualTo(ColourStatus.State.Serving);
    assertThat(harness.autoScaling().isProtected(replacement)).isTrue();

    // The live listener forwarded elsewhere by hand: put back.
    String blue = solr.blueTargetGroup("products");
    harness.elb().createTargetGroup(r -> r.name("someone-elses").protocol("HTTP").port(80)
        .vpcId("vpc-0a1b2c3d4e5f60708"));
    String other = harness.elb().targetGroupArn("someone-elses").orElseThrow();
    harness.elb().backdoorForward(names.loadBalancer(), 80, other);
    await().atMost(SolrClusterFixture.WAIT).until(() ->
        harness.elb().forwardOf(names.loadBalancer(), 80).orElseThrow().equals(blue));
    solr.awaitReady("products", 1);
    assertThat(harness.events(SolrClusterFixture.NS, "products")).extracting(e -> e.getReason())
        .contains("DriftCorrected");

    // After a restart: one full observe (nothing is remembered), then the snapshot again, and drift still seen.
    harness.restart();
    solr.awaitReady("products", 1);
    callsOverRechecks("products", 2);
    assertReadsOnlyTheSharedSnapshot(callsOverRechecks("products", 6), 6);
    harness.autoScaling().backdoorSetDesired(group, 5);
    await().atMost(SolrClusterFixture.WAIT).until(() -> harness.autoScaling().desired(group) == 3);
    assertThat(solr.awaitReady("products", 1).getStatus().getNodes()).isEqualTo("3/3");
    assertThat(harness.autoScaling().instances(group)).hasSize(3);
  }
}
