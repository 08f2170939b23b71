package dev.kaizen.operator.solr;

import java.util.List;
import java.util.Map;

/** What Solr said about a colour's cluster: its collections, nodes, where replicas are, health and documents. */
public record SolrState(List<String> collections, List<String> liveNodes, Map<String, Integer> replicasPerNode,
    Map<String, String> health, Map<String, Long> documents, List<SolrAdmin.ReplicaState> replicas) {

  /** Without the replicas' detail (nothing to repair is seen). */
  public SolrState(List<String> collections, List<String> liveNodes, Map<String, Integer> replicasPerNode,
      Map<String, String> health, Map<String, Long> documents) {
    this(collections, liveNodes, replicasPerNode, health, documents, List.of());
  }

  public static SolrState read(SolrAdmin solr) {
    List<String> collections = solr.collections();
    Map<String, Long> documents = new java.util.TreeMap<>();
    collections.forEach(c -> documents.put(c, solr.documentCount(c)));
    return new SolrState(collections, solr.liveNodes(), solr.replicasPerNode(), solr.collectionHealth(), documents,
        solr.replicas());
  }

  /** A collection's replicas that are active on a live node. */
  public long activeReplicas(String collection) {
    return replicas.stream().filter(r -> r.collection().equals(collection) && r.usable(liveNodes)).count();
  }

  /** How many shards a collection has. */
  public long shards(String collection) {
    return replicas.stream().filter(r -> r.collection().equals(collection)).map(SolrAdmin.ReplicaState::shard)
        .distinct().count();
  }

  /**
   * Whether some collection has a shard without any live replica (RED). YELLOW (a replica down, e.g. on a node AWS
   * replaced) still serves every document; it is reported, and does not hold a scale-in back.
   */
  public boolean anyRed() {
    return health.values().stream().anyMatch("RED"::equals);
  }

  /** The node of an instance, by its private address: {@code <ip>:8983_solr}. */
  public static String nodeName(String privateIp) {
    return privateIp + ":" + SolrUserData.SOLR_PORT + "_solr";
  }
}
