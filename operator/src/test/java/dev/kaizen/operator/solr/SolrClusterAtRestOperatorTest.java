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
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;

/**
 * SolrClusters at rest read the account's shared snapshot (one tag-filtered DescribeAutoScalingGroups, one
 * tag-filtered DescribeLaunchTemplates, one DescribeListeners by ARN, and one page of their zone for their endpoint records, for every cluster) instead of their
 * ten objects each, and drift is still corrected: an instance AWS replaced, a listener forwarded elsewhere, the
 * endpoint record deleted, a launch template version added, the group resized by hand — before and after a restart.
 */
class SolrClusterAtRestOperatorTest {
  /** Requeue every second, a snapshot fresh for half a second: every recheck reads it at most once. */
  private static final Duration RESYNC = Duration.ofSeconds(2);

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private static final String ZONE_NAME = "search.example.com";
  private String zone;

  private static dev.kaizen.operator.api.v1alpha1.solr.EndpointDnsSpec dns(String recordName) {
    var dns = new dev.kaizen.operator.api.v1alpha1.solr.EndpointDnsSpec();
    dns.setHostedZoneName(ZONE_NAME);
    dns.setRecordName(recordName);
    return dns;
  }

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
        .contains("DescribeAutoScalingGroups", "DescribeLaunchTemplates", "DescribeListeners", "ListResourceRecordSets")
        .containsOnly("DescribeAutoScalingGroups", "DescribeLaunchTemplates", "DescribeListeners",
            "ListResourceRecordSets");
    assertThat(calls).filteredOn(call -> call.operation().equals("DescribeAutoScalingGroups"))
        .allSatisfy(call -> assertThat(call.request(DescribeAutoScalingGroupsRequest.class).filters())
            .extracting(f -> f.name()).containsExactly("tag-key"));
    assertThat(calls).filteredOn(call -> call.operation().equals("DescribeLaunchTemplates"))
        .allSatisfy(call -> assertThat(call.request(DescribeLaunchTemplatesRequest.class).filters())
            .extracting(f -> f.name()).containsExactly("tag-key"));
    // Both clusters' records in one page from the first of their names (each used to read its own name).
    assertThat(calls).filteredOn(call -> call.operation().equals("ListResourceRecordSets"))
        .allSatisfy(call -> assertThat(call.request(ListResourceRecordSetsRequest.class).startRecordName())
            .isEqualTo("catalog.search.example.com."));
    // Two clusters recheck every second and share a snapshot fresh for half a second: at most four calls a
    // refresh, two refreshes per recheck of one (plus one in flight when the count was taken).
    assertThat(calls.size()).isLessThanOrEqualTo(4 * 2 * (rechecks + 1));
  }

  @Test
  void atRestEachRecheckReadsOnlyTheSharedSnapshotAndDriftIsStillCorrectedAlsoAfterARestart() {
    zone = harness.route53().createZone(ZONE_NAME, false);
    // Others' records after both clusters' names (Route 53 order): a page from the first of ours holds both.
    for (int i = 0; i < 400; i++) {
      harness.route53().seed(zone, "web-" + i + "." + ZONE_NAME, "A", 300, "10.0.0." + (i % 250 + 1));
    }
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster("products", spec -> spec.setDns(dns("products." + ZONE_NAME))));
    solr.create(cluster("catalog", spec -> spec.setDns(dns("catalog." + ZONE_NAME))));
    solr.awaitReady("products", 1);
    solr.awaitReady("catalog", 1);
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

    // The endpoint record deleted by hand: seen in the zone's page, made again.
    harness.route53().removeDirectly(zone, "products." + ZONE_NAME, "A");
    await().atMost(SolrClusterFixture.WAIT).until(() -> harness.route53().record(zone, "products." + ZONE_NAME, "A")
        .isPresent());
    solr.awaitReady("products", 1);

    // A launch template version added by hand (the groups launch $Latest): seen in the templates' listing, an hour
    // before the full observe, and the wanted content made the latest again.
    String template = names.launchTemplate(Colour.BLUE);
    int versions = harness.ec2().versionCount(template);
    String wantedType = harness.ec2().templateData(template, versions).instanceTypeAsString();
    FakeAwsService.asSomeoneElse(() -> harness.ec2().createLaunchTemplateVersion(r -> r.launchTemplateName(template)
        .launchTemplateData(d -> d.imageId("ami-0fffffffffffffff0").instanceType("t3.micro"))));
    await().atMost(SolrClusterFixture.WAIT).until(() -> harness.ec2().versionCount(template) == versions + 2);
    assertThat(harness.ec2().templateData(template, versions + 2).instanceTypeAsString()).isEqualTo(wantedType);
    solr.awaitReady("products", 1);

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
