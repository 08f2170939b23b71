package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.core.Effect.CREATE;
import static dev.kaizen.operator.core.Effect.DELETE;
import static dev.kaizen.operator.core.Effect.UPDATE;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Happened;
import dev.kaizen.operator.solr.SolrClusterPorts;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rollout's changes, one factory per call; the target names the object. */
final class RolloutChanges {
  private RolloutChanges() {}

  /** The Event of a phase entered; it changes nothing, so it is not counted as a change that took effect. */
  static Change<SolrClusterPorts> announce(String cluster, boolean warning, String reason, String message) {
    return Change.reporting(UPDATE, "Event", cluster + " " + reason, message, p -> {
      p.rollout().announce(warning, reason, message);
      return Happened.NOTHING;
    });
  }

  static Change<SolrClusterPorts> createJob(Job job, String reason) {
    return Change.of(CREATE, "CreateJob", job.getMetadata().getNamespace() + "/" + job.getMetadata().getName(), reason,
        p -> p.rollout().jobs().create(job));
  }

  static Change<SolrClusterPorts> forward(String loadBalancer, int port, String listenerArn, String targetGroupName,
      String reason) {
    return Change.of(UPDATE, "ModifyListener", loadBalancer + ":" + port, reason,
        p -> p.loadBalancing().forward(listenerArn, targetGroupName));
  }

  static Change<SolrClusterPorts> forwardWeighted(String loadBalancer, int port, String listenerArn,
      Map<String, Integer> weightsByArn, Map<String, Integer> weightsByColour, String reason) {
    String weights = weightsByColour.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "%")
        .collect(Collectors.joining(", "));
    return Change.of(UPDATE, "ModifyListener", loadBalancer + ":" + port, reason + " (" + weights + ")",
        p -> p.loadBalancing().forwardWeighted(listenerArn, weightsByArn));
  }

  static Change<SolrClusterPorts> deleteCollection(String endpoint, String colour, String collection) {
    return Change.of(DELETE, "DeleteCollection", colour + "/" + collection,
        "the " + colour + " colour is retired: its ZooKeeper state must not keep replicas of nodes that are gone",
        p -> p.solr().at(endpoint).deleteCollection(collection));
  }

  static Change<SolrClusterPorts> unprotect(String group, List<String> instances) {
    return Change.of(UPDATE, "SetInstanceProtection", group + " " + String.join(",", instances),
        "retire: scale-in protection off so the group can scale to zero", p -> p.groups().protect(group, instances,
            false));
  }

  static Change<SolrClusterPorts> scaleToZero(String group, String reason) {
    return Change.of(UPDATE, "UpdateAutoScalingGroup", group, reason, p -> p.groups().resize(group, 0, 0, 0));
  }

  static Change<SolrClusterPorts> createAlias(String endpoint, String colour, String alias, String collection,
      String reason) {
    return Change.of(UPDATE, "CreateAlias", colour + "/" + alias, reason + " -> " + collection,
        p -> p.solr().at(endpoint).createAlias(alias, collection));
  }

  static Change<SolrClusterPorts> deleteAlias(String endpoint, String colour, String alias, String reason) {
    return Change.of(DELETE, "DeleteAlias", colour + "/" + alias, reason,
        p -> p.solr().at(endpoint).deleteAlias(alias));
  }

  static Change<SolrClusterPorts> uploadConfigSet(String endpoint, String colour, String name,
      Map<String, String> files, String reason) {
    return Change.of(UPDATE, "UploadConfigSet", colour + "/" + name, reason,
        p -> p.solr().at(endpoint).uploadConfigSet(name, files));
  }

  static Change<SolrClusterPorts> createCollection(String endpoint, String colour, String name, String configSet,
      int shards, int replicationFactor, String reason) {
    return Change.of(CREATE, "CreateCollection", colour + "/" + name, reason + "; " + shards + " shard(s) x "
        + replicationFactor + " replica(s)", p -> p.solr().at(endpoint).createCollection(name, configSet, shards,
            replicationFactor));
  }

  /** Deletes a collection that an alias rollout made or left (not a retired colour's). */
  static Change<SolrClusterPorts> dropCollection(String endpoint, String colour, String collection, String reason) {
    return Change.of(DELETE, "DeleteCollection", colour + "/" + collection, reason,
        p -> p.solr().at(endpoint).deleteCollection(collection));
  }
}
