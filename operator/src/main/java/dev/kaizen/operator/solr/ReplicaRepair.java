package dev.kaizen.operator.solr;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.core.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: the Solr changes that bring a colour's collections back to their replication factor after a node is gone (an
 * instance AWS replaced). Each shard short of replicas on live nodes gets one on a live node that holds none of it
 * (the least loaded first: a replacement node, usually); the replicas left down in the cluster state by the gone node
 * are removed once the shard has its replicas active again, so the collection reads GREEN. Nothing is removed before
 * its replacement serves, and a replica whose node is gone but that Solr does not report down yet is waited for.
 */
final class ReplicaRepair {
  private ReplicaRepair() {}

  static List<Change<SolrClusterPorts>> plan(SolrState solr, List<CollectionSpec> collections, String endpoint,
      String colour) {
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    Map<String, Integer> load = new HashMap<>();
    solr.liveNodes().forEach(n -> load.put(n, 0));
    solr.replicas().forEach(r -> load.computeIfPresent(r.node(), (n, v) -> v + 1));
    for (CollectionSpec collection : collections) {
      String name = collection.getName();
      int factor = collection.effectiveReplicationFactor();
      Map<String, List<SolrAdmin.ReplicaState>> byShard = new TreeMap<>();
      solr.replicas().stream().filter(r -> r.collection().equals(name))
          .forEach(r -> byShard.computeIfAbsent(r.shard(), s -> new ArrayList<>()).add(r));
      byShard.forEach((shard, replicas) -> {
        List<String> holding = replicas.stream().map(SolrAdmin.ReplicaState::node)
            .filter(solr.liveNodes()::contains).toList();
        int missing = factor - holding.size();
        List<String> candidates = solr.liveNodes().stream().filter(n -> !holding.contains(n))
            .sorted(Comparator.<String>comparingInt(load::get).thenComparing(n -> n)).toList();
        for (int i = 0; i < missing && i < candidates.size(); i++) {
          String node = candidates.get(i);
          load.merge(node, 1, Integer::sum);
          changes.add(SolrClusterChanges.addReplica(endpoint, colour, name, shard, node, holding.size() + i + " of "
              + factor + " replicas on live nodes"));
        }
        long active = replicas.stream().filter(r -> r.usable(solr.liveNodes())).count();
        if (active >= factor) {
          replicas.stream().filter(r -> !solr.liveNodes().contains(r.node()) && "down".equals(r.state()))
              .forEach(r -> changes.add(SolrClusterChanges.deleteDownReplica(endpoint, colour, r.collection(),
                  r.shard(), r.name(), r.node())));
        }
      });
    }
    return changes;
  }
}
