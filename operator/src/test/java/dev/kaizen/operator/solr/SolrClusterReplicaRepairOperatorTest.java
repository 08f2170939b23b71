package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** Replicas lost with a node AWS replaced are re-created on the live nodes, so the colour is GREEN again. */
class SolrClusterReplicaRepairOperatorTest {
  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void theReplicasOfAReplacedNodeAreReCreatedAndTheDownOnesRemovedThenTheColourIsGreenAndReadyAgain() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    solr.create(cluster("products", spec -> {})); // 2 shards x 2 replicas on 3 nodes
    SolrCluster ready = solr.awaitReady("products", 1);
    assertThat(ready.getStatus().getBlue().getCollections()).singleElement().satisfies(c -> {
      assertThat(c.getHealth()).isEqualTo("GREEN");
      assertThat(c.getActiveReplicas()).isEqualTo(4);
      assertThat(c.getExpectedReplicas()).isEqualTo(4);
      assertThat(c.getDocuments()).isZero();
    });
    FakeSolrCloud cloud = solr.blueSolr("products");
    cloud.index("products", 42);
    String group = names("products").autoScalingGroup(Colour.BLUE);
    // The node holding the most replicas fails and is replaced.
    String failed = harness.autoScaling().instances(group).stream().max(java.util.Comparator.comparingInt(i ->
        cloud.replicasPerNode().getOrDefault(SolrState.nodeName(harness.ec2().privateIp(i).orElseThrow()), 0)))
        .orElseThrow();
    String failedNode = SolrState.nodeName(harness.ec2().privateIp(failed).orElseThrow());
    int lost = cloud.replicasPerNode().get(failedNode);

    String replacement = harness.autoScaling().replaceUnhealthy(failed);

    // While the new node is not healthy: the collection is YELLOW, reported, and nothing is re-created yet.
    await().atMost(SolrClusterFixture.WAIT).until(() -> solr.resource("products").get().getStatus().getBlue()
        .getCollections().stream().anyMatch(c -> "YELLOW".equals(c.getHealth())));
    CollectionStatus yellow = solr.resource("products").get().getStatus().getBlue().getCollections().get(0);
    assertThat(yellow.getActiveReplicas()).isEqualTo(4 - lost);
    assertThat(cloud.calls()).noneMatch(c -> c.startsWith("AddReplica"));

    harness.elb().setHealth(solr.blueTargetGroup("products"), replacement, TargetHealthStateEnum.HEALTHY);
    SolrCluster green = solr.awaitReady("products", 1);

    String newNode = SolrState.nodeName(harness.ec2().privateIp(replacement).orElseThrow());
    assertThat(green.getStatus().getBlue().getCollections()).singleElement().satisfies(c -> {
      assertThat(c.getHealth()).isEqualTo("GREEN");
      assertThat(c.getActiveReplicas()).isEqualTo(4);
      assertThat(c.getDocuments()).isEqualTo(42);
    });
    // Placed on the least loaded live nodes, the new one first.
    assertThat(cloud.replicasPerNode()).doesNotContainKey(failedNode).containsKey(newNode);
    assertThat(cloud.replicasPerNode().values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(cloud.calls()).filteredOn(c -> c.startsWith("AddReplica")).hasSize(lost);
    assertThat(cloud.calls()).filteredOn(c -> c.startsWith("DeleteReplica")).hasSize(lost);

    // Nothing is repeated after rechecks and a restart.
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    solr.awaitReady("products", 1);
    assertThat(cloud.calls()).filteredOn(c -> c.startsWith("AddReplica") || c.startsWith("DeleteReplica"))
        .hasSize(2 * lost);
    assertThat(Conditions.isTrue(solr.resource("products").get().getStatus().getConditions(), Conditions.READY))
        .isTrue();
  }
}
