package dev.kaizen.operator.solr;

import java.util.List;
import java.util.Map;

/**
 * The Solr side of a colour, as the operator needs it: a configset, collections, live nodes, document counts, health
 * and moving replicas off a node. One colour is one SolrCloud (its own ZooKeeper chroot), reached over HTTP through
 * the load balancer. Implemented by {@link SolrJAdmin} (SolrJ) and by a fake for the operator tests; one contract test
 * checks both.
 */
public interface SolrAdmin {

  /** Uploads (or replaces) a configset made of these files (name -> content). */
  void uploadConfigSet(String name, Map<String, String> files);

  /** The configsets the cluster holds. */
  List<String> configSets();

  /** Creates a collection with the named configset. */
  void createCollection(String name, String configSet, int shards, int replicationFactor);

  /** The collections the cluster holds. */
  List<String> collections();

  /** The live nodes, by Solr's node name ({@code host:port_solr}). */
  List<String> liveNodes();

  /** Documents in a collection (committed and visible to searches). */
  long documentCount(String collection);

  /** Each collection's health as Solr reports it in CLUSTERSTATUS: GREEN, YELLOW, ORANGE or RED. */
  Map<String, String> collectionHealth();

  /** How many replicas each node holds (nodes without replicas are absent). */
  Map<String, Integer> replicasPerNode();

  /** Moves every replica off {@code node} to the other live nodes (Collections API REPLACENODE); waits until done. */
  void moveReplicasOff(String node);

  /**
   * One replica as the cluster state holds it.
   *
   * @param name the replica's name in its shard ({@code core_node3})
   * @param state active, down, recovering or recovery_failed, as last published; a replica on a node that is not
   *     live is unusable whatever it says
   */
  record ReplicaState(String collection, String shard, String name, String node, String state) {
    public boolean usable(List<String> liveNodes) {
      return "active".equals(state) && liveNodes.contains(node);
    }
  }

  /** Every replica of every collection (CLUSTERSTATUS). */
  List<ReplicaState> replicas();

  /** Adds a replica of a shard on a node (Collections API ADDREPLICA); it then recovers from the shard's leader. */
  void addReplica(String collection, String shard, String node);

  /**
   * Removes a replica that is down (Collections API DELETEREPLICA with onlyIfDown): the one left behind in the cluster
   * state by a node that is gone. A replica that is up is refused.
   */
  void deleteDownReplica(String collection, String shard, String replica);
  /** Documents a query ({@code q}) matches in a collection: the rollout's smoke queries (issue 13). */
  long count(String collection, String query);

  /** Deletes a collection (a retired colour's, before its nodes go, so its ZooKeeper state holds no dead replicas). */
  void deleteCollection(String name);

  /**
   * Points a standard collection alias at a collection (Collections API CREATEALIAS): an alias of that name is replaced
   * in one step, so queries through the alias move from one collection to the other atomically (issue 13, strategy
   * Alias). The collection must exist.
   */
  void createAlias(String alias, String collection);

  /** The standard aliases the cluster holds: alias -> the collections it points to (LISTALIASES). */
  Map<String, List<String>> aliases();

  /** Removes an alias (DELETEALIAS); a collection of the same name is reached by that name again. */
  void deleteAlias(String alias);

  /** Opens a connection to one cluster, by its base URL ({@code http://host:port/solr}). */
  interface Connector {
    SolrAdmin at(String baseUrl);
  }
}
