package dev.kaizen.operator.solr;

import static dev.kaizen.operator.core.Effect.CREATE;
import static dev.kaizen.operator.core.Effect.DELETE;
import static dev.kaizen.operator.core.Effect.UPDATE;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.core.Change;
import java.util.List;
import java.util.Map;

/** The changes of a SolrCluster, one factory per call; the target is the object's name. */
final class SolrClusterChanges {
  private SolrClusterChanges() {}

  static Change<SolrClusterPorts> createLoadBalancer(DesiredSolrCluster d, Map<String, String> tags) {
    String name = d.names().loadBalancer();
    return Change.of(CREATE, "CreateLoadBalancer", name, "absent", p -> p.loadBalancing().createLoadBalancer(name,
        d.scheme(), d.subnets(), d.loadBalancerSecurityGroups(), tags));
  }

  static Change<SolrClusterPorts> createTargetGroup(String name, String vpcId, Map<String, String> tags) {
    return Change.of(CREATE, "CreateTargetGroup", name, "absent",
        p -> p.loadBalancing().createTargetGroup(name, vpcId, tags));
  }

  static Change<SolrClusterPorts> createLaunchTemplate(String name, NodeTemplate content, Map<String, String> tags,
      String clientToken, String reason) {
    return Change.of(CREATE, "CreateLaunchTemplate", name, reason,
        p -> p.templates().create(name, content, tags, clientToken));
  }

  static Change<SolrClusterPorts> createLaunchTemplateVersion(String name, NodeTemplate content, String reason) {
    return Change.of(UPDATE, "CreateLaunchTemplateVersion", name, reason,
        p -> p.templates().newVersion(name, content));
  }

  static Change<SolrClusterPorts> createAutoScalingGroup(DesiredSolrCluster d, String name, String template,
      String targetGroup, Map<String, String> tags) {
    return Change.of(CREATE, "CreateAutoScalingGroup", name, "absent; " + d.nodes() + " nodes, scale-in protected",
        p -> p.groups().create(name, template, arnOf(p, targetGroup), d.subnets(), d.nodes(), tags));
  }

  private static String arnOf(SolrClusterPorts ports, String targetGroupName) {
    return ports.loadBalancing().targetGroupArn(targetGroupName);
  }

  static Change<SolrClusterPorts> resize(String name, int min, int max, int desired, String reason) {
    return Change.of(UPDATE, "UpdateAutoScalingGroup", name, reason, p -> p.groups().resize(name, min, max, desired));
  }

  static Change<SolrClusterPorts> protect(String group, List<String> instances, boolean protect, String reason) {
    return Change.of(UPDATE, "SetInstanceProtection", group + " " + String.join(",", instances), reason,
        p -> p.groups().protect(group, instances, protect));
  }

  static Change<SolrClusterPorts> terminate(String group, String instance) {
    return Change.of(DELETE, "TerminateInstanceInAutoScalingGroup", group + " " + instance,
        "scale-in: its replicas were moved", p -> p.groups().terminate(instance));
  }

  static Change<SolrClusterPorts> createListener(String loadBalancer, int port, String targetGroup, String role,
      Map<String, String> tags) {
    return Change.of(CREATE, "CreateListener", loadBalancer + ":" + port, "absent; " + role + " -> " + targetGroup,
        p -> p.loadBalancing().createListener(loadBalancer, port, targetGroup, tags));
  }

  static Change<SolrClusterPorts> forward(String loadBalancer, int port, String listenerArn, String targetGroup,
      String reason) {
    return Change.of(UPDATE, "ModifyListener", loadBalancer + ":" + port, reason,
        p -> p.loadBalancing().forward(listenerArn, targetGroup));
  }

  static Change<SolrClusterPorts> tagElb(String name, String arn, Map<String, String> tags, String reason) {
    return Change.of(UPDATE, "AddTags", name, reason, p -> p.loadBalancing().tag(arn, tags));
  }

  static Change<SolrClusterPorts> tagTemplate(String name, String id, Map<String, String> tags, String reason) {
    return Change.of(UPDATE, "CreateTags", name, reason, p -> p.templates().tag(id, tags));
  }

  static Change<SolrClusterPorts> tagGroup(String name, Map<String, String> tags, String reason) {
    return Change.of(UPDATE, "CreateOrUpdateTags", name, reason, p -> p.groups().tag(name, tags));
  }

  static Change<SolrClusterPorts> uploadConfigSet(String endpoint, String colour, String name,
      Map<String, String> files, String hash) {
    return Change.of(UPDATE, "UploadConfigSet", colour + "/" + name, "configset " + hash + " for new collections",
        p -> p.solr().at(endpoint).uploadConfigSet(name, files));
  }

  static Change<SolrClusterPorts> createCollection(String endpoint, String colour, CollectionSpec c,
      String configSet) {
    return Change.of(CREATE, "CreateCollection", colour + "/" + c.getName(), "absent; " + c.effectiveShards()
        + " shard(s) x " + c.effectiveReplicationFactor() + " replica(s)", p -> p.solr().at(endpoint)
        .createCollection(c.getName(), configSet, c.effectiveShards(), c.effectiveReplicationFactor()));
  }

  static Change<SolrClusterPorts> moveReplicas(String endpoint, String colour, String instance, String node,
      int replicas) {
    return Change.of(UPDATE, "ReplaceNode", colour + "/" + node, "scale-in of " + instance + ": move its " + replicas
        + " replica(s) to the other nodes", p -> p.solr().at(endpoint).moveReplicasOff(node));
  }

  static Change<SolrClusterPorts> addReplica(String endpoint, String colour, String collection, String shard,
      String node, String reason) {
    return Change.of(CREATE, "AddReplica", colour + "/" + collection + "/" + shard + " on " + node, reason,
        p -> p.solr().at(endpoint).addReplica(collection, shard, node));
  }

  static Change<SolrClusterPorts> deleteDownReplica(String endpoint, String colour, String collection, String shard,
      String replica, String node) {
    return Change.of(DELETE, "DeleteReplica", colour + "/" + collection + "/" + shard + "/" + replica,
        "down with its node " + node + ", which is gone; the shard has its replicas again",
        p -> p.solr().at(endpoint).deleteDownReplica(collection, shard, replica));
  }

  static Change<SolrClusterPorts> deleteListener(String name, String arn) {
    return Change.of(DELETE, "DeleteListener", name, "deletionPolicy is Delete",
        p -> p.loadBalancing().deleteListener(arn));
  }

  static Change<SolrClusterPorts> deleteLoadBalancer(String name, String arn) {
    return Change.of(DELETE, "DeleteLoadBalancer", name, "deletionPolicy is Delete",
        p -> p.loadBalancing().deleteLoadBalancer(arn));
  }

  static Change<SolrClusterPorts> deleteGroup(String name) {
    return Change.of(DELETE, "DeleteAutoScalingGroup", name, "deletionPolicy is Delete (ForceDelete: its nodes too)",
        p -> p.groups().delete(name));
  }

  static Change<SolrClusterPorts> deleteTargetGroup(String name, String arn) {
    return Change.of(DELETE, "DeleteTargetGroup", name, "deletionPolicy is Delete",
        p -> p.loadBalancing().deleteTargetGroup(arn));
  }

  static Change<SolrClusterPorts> deleteTemplate(String name) {
    return Change.of(DELETE, "DeleteLaunchTemplate", name, "deletionPolicy is Delete",
        p -> p.templates().delete(name));
  }
}
