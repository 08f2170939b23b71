package dev.kaizen.operator.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.core.Change;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica repair with plain values: what is added where, and when the down replicas are removed. */
class ReplicaRepairTest {
  private static final List<CollectionSpec> PRODUCTS = List.of(new CollectionSpec("products", 2, 2));
  private static final String A = "10.0.0.2:8983_solr";
  private static final String B = "10.0.0.3:8983_solr";
  private static final String GONE = "10.0.0.4:8983_solr";
  private static final String NEW = "10.0.0.5:8983_solr";

  private static SolrAdmin.ReplicaState replica(String shard, String name, String node, String state) {
    return new SolrAdmin.ReplicaState("products", shard, name, node, state);
  }

  private static List<String> plan(List<String> live, List<SolrAdmin.ReplicaState> replicas) {
    var state = new SolrState(List.of("products"), live, Map.of(), Map.of("products", "YELLOW"), Map.of(), replicas);
    return ReplicaRepair.plan(state, PRODUCTS, "http://lb/solr", "blue").stream().map(Change::describe).toList();
  }

  @Test
  void aShardShortOfReplicasGetsOneOnTheLeastLoadedLiveNodeThatHoldsNoneOfIt() {
    var replicas = List.of(replica("shard1", "core_node1", A, "active"), replica("shard1", "core_node2", GONE, "down"),
        replica("shard2", "core_node3", B, "active"), replica("shard2", "core_node4", A, "active"));
    assertThat(plan(List.of(A, B, NEW), replicas)).containsExactly(
        "AddReplica blue/products/shard1 on " + NEW + ": 1 of 2 replicas on live nodes");
  }

  @Test
  void theDownReplicaIsRemovedOnlyOnceItsReplacementIsActive() {
    var recovering = List.of(replica("shard1", "core_node1", A, "active"), replica("shard1", "core_node2", GONE, "down"),
        replica("shard1", "core_node5", NEW, "recovering"), replica("shard2", "core_node3", B, "active"),
        replica("shard2", "core_node4", A, "active"));
    assertThat(plan(List.of(A, B, NEW), recovering)).isEmpty();

    var active = List.of(replica("shard1", "core_node1", A, "active"), replica("shard1", "core_node2", GONE, "down"),
        replica("shard1", "core_node5", NEW, "active"), replica("shard2", "core_node3", B, "active"),
        replica("shard2", "core_node4", A, "active"));
    assertThat(plan(List.of(A, B, NEW), active)).containsExactly("DeleteReplica blue/products/shard1/core_node2: down"
        + " with its node " + GONE + ", which is gone; the shard has its replicas again");
  }

  @Test
  void aReplicaOfAGoneNodeThatSolrStillCallsActiveIsWaitedFor() {
    var replicas = List.of(replica("shard1", "core_node1", A, "active"), replica("shard1", "core_node2", GONE, "active"),
        replica("shard1", "core_node5", NEW, "active"), replica("shard2", "core_node3", B, "active"),
        replica("shard2", "core_node4", A, "active"));
    assertThat(plan(List.of(A, B, NEW), replicas)).isEmpty();
  }

  @Test
  void noLiveNodeFreeForTheShardMeansNothingIsAdded() {
    var replicas = List.of(replica("shard1", "core_node1", A, "active"), replica("shard1", "core_node2", GONE, "down"),
        replica("shard2", "core_node3", A, "active"), replica("shard2", "core_node4", GONE, "down"));
    assertThat(plan(List.of(A), replicas)).isEmpty();
  }
}
