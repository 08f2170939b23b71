package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code adopt: true}: objects of a SolrCluster's names that carry no owner (left by an earlier tool) are tagged as
 * this resource's, then managed like the ones it creates; without it they stay a NameConflict for good.
 */
class SolrClusterAdoptionOperatorTest {
  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void untaggedObjectsAreAdoptedWithAdoptTrueAndStayANameConflictWithoutItAfterRechecksAndARestart() {
    solr.leftoversWithoutTags("products");
    solr.leftoversWithoutTags("catalog");
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    solr.create(cluster("products", spec -> spec.setAdopt(true)));
    solr.create(cluster("catalog", spec -> {}));

    SolrCluster adopted = solr.awaitReady("products", 1);

    SolrClusterNames names = names("products");
    String owner = "search/SolrCluster/products";
    var elb = harness.elb();
    String lb = elb.loadBalancerArn(names.loadBalancer()).orElseThrow();
    String tg = elb.targetGroupArn(names.targetGroup(Colour.BLUE)).orElseThrow();
    for (String arn : List.of(lb, tg, elb.listenerArn(names.loadBalancer(), 80).orElseThrow(),
        elb.listenerArn(names.loadBalancer(), 8983).orElseThrow())) {
      assertThat(elb.tagsOf(arn)).as(arn).containsEntry(OwnerTags.OWNER, owner)
          .containsEntry(OwnerTags.UID, adopted.getMetadata().getUid());
    }
    // Adoption adds the ownership tags and nothing else; the load balancer keeps the tag it had.
    assertThat(elb.tagsOf(lb)).containsEntry("team", "search");
    assertThat(harness.ec2().templateTags(names.launchTemplate(Colour.BLUE))).containsEntry(OwnerTags.OWNER, owner);
    assertThat(harness.autoScaling().tags(names.autoScalingGroup(Colour.BLUE))).containsEntry(OwnerTags.OWNER, owner);
    // Then managed: the template gains the colour's version, the group its size and protection; nothing duplicated.
    assertThat(harness.ec2().versionCount(names.launchTemplate(Colour.BLUE))).isEqualTo(2);
    assertThat(harness.ec2().templateData(names.launchTemplate(Colour.BLUE), 2).imageId())
        .isEqualTo(SolrClusterFixture.AMI);
    assertThat(harness.autoScaling().instances(names.autoScalingGroup(Colour.BLUE))).hasSize(3)
        .allSatisfy(i -> assertThat(harness.autoScaling().isProtected(i)).isTrue());
    assertThat(elb.succeededMutations()).doesNotContain("CreateLoadBalancer", "CreateTargetGroup", "CreateListener");
    assertThat(solr.blueSolr("products").collections()).containsExactly("products");
    assertThat(adopted.getStatus().getNodes()).isEqualTo("3/3");

    // Without adopt: Stalled, untouched, after rechecks and a restart.
    SolrCluster stalled = solr.awaitCondition("catalog", Conditions.STALLED, "True", "NameConflict");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("spec.adopt");
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    solr.awaitReady("products", 1);
    SolrCluster still = solr.resource("catalog").get();
    assertThat(SolrClusterFixture.hasCondition(still, Conditions.STALLED, "True", "NameConflict", 1)).isTrue();
    SolrClusterNames other = names("catalog");
    String otherLb = elb.loadBalancerArn(other.loadBalancer()).orElseThrow();
    assertThat(elb.tagsOf(otherLb)).isEqualTo(Map.of("team", "search"));
    assertThat(elb.tagsOf(elb.targetGroupArn(other.targetGroup(Colour.BLUE)).orElseThrow())).isEmpty();
    assertThat(elb.tagsOf(elb.listenerArn(other.loadBalancer(), 80).orElseThrow())).isEmpty();
    assertThat(harness.ec2().templateTags(other.launchTemplate(Colour.BLUE))).isEmpty();
    assertThat(harness.ec2().versionCount(other.launchTemplate(Colour.BLUE))).isEqualTo(1);
    assertThat(harness.autoScaling().tags(other.autoScalingGroup(Colour.BLUE))).isEmpty();
    assertThat(harness.autoScaling().desired(other.autoScalingGroup(Colour.BLUE))).isEqualTo(1);
  }
}
