package dev.kaizen.operator.solr;

import dev.kaizen.operator.solr.rollout.RolloutObservation;
import java.util.List;
import java.util.Optional;

/**
 * Whether a SolrCluster at rest still looks as its last full observe saw it, judged from the shared {@link
 * RestingReads} snapshot and a fresh look at Solr (no AWS call): the colours' Auto Scaling groups (capacity, every
 * instance with its lifecycle, health and protection, tags), their launch templates (latest version, tags) and the
 * live and test listeners (port, where they
 * forward, weights). Pure. Anything different, or anything the snapshot cannot say, asks for a full observe: the
 * light observe never plans from a partial look.
 */
final class RestingObservation {
  private RestingObservation() {}

  /** Whether nothing the snapshot shows differs from {@code last}, the cluster's last full observation. */
  static boolean unchanged(SolrClusterObservation last, RestingReads.Snapshot snapshot) {
    if (last.group().isEmpty() || !sameGroup(last.group(), snapshot) || !sameTemplate(last.template(), snapshot)) {
      return false;
    }
    Optional<SolrClusterObservation> other = last.rollout().flatMap(RolloutObservation::other);
    if (other.isPresent() && (!sameGroup(other.get().group(), snapshot)
        || !sameTemplate(other.get().template(), snapshot))) {
      return false;
    }
    if (snapshot.listeners().isEmpty() || !snapshot.covers(listenerArns(last))) {
      return false;
    }
    return last.listeners().stream().allMatch(seen -> Optional.ofNullable(snapshot.listeners().get().get(seen.arn()))
        .filter(now -> now.port() == seen.port() && java.util.Objects.equals(now.targetGroupArn(),
            seen.targetGroupArn()) && now.weights().equals(seen.weights())).isPresent());
  }

  /** What Solr says now, apart from document counts (they change with every update and are only reported). */
  static boolean sameSolr(Optional<SolrState> last, Optional<SolrState> now) {
    if (last.isEmpty() || now.isEmpty()) {
      return last.isEmpty() && now.isEmpty();
    }
    SolrState a = last.get();
    SolrState b = now.get();
    return a.collections().equals(b.collections()) && a.liveNodes().equals(b.liveNodes())
        && a.replicasPerNode().equals(b.replicasPerNode()) && a.health().equals(b.health())
        && a.replicas().equals(b.replicas());
  }

  /** Whether the cluster asks for the same as when last observed (the collections compared by their settings). */
  static boolean sameDesired(DesiredSolrCluster a, DesiredSolrCluster b) {
    return withoutCollections(a).equals(withoutCollections(b)) && collections(a).equals(collections(b));
  }

  private static DesiredSolrCluster withoutCollections(DesiredSolrCluster d) {
    return new DesiredSolrCluster(d.names(), d.active(), d.nodes(), d.revision(), d.template(), d.subnets(),
        d.vpcId(), d.scheme(), d.loadBalancerSecurityGroups(), d.livePort(), d.testPort(), List.of(),
        d.configSetName(), d.configSetFiles(), d.tags());
  }

  private static List<String> collections(DesiredSolrCluster d) {
    return d.collections().stream().map(c -> c.getName() + " " + c.effectiveShards() + "x"
        + c.effectiveReplicationFactor()).toList();
  }

  static List<String> listenerArns(SolrClusterObservation observed) {
    return observed.listeners().stream().map(LoadBalancing.ObservedListener::arn).toList();
  }

  /**
   * A launch template's versions never change once made: the same latest version number (the groups launch
   * {@code $Latest}) and the same tags say it is as last seen; a version added or a tag changed by hand reads it again.
   */
  private static boolean sameTemplate(Optional<LaunchTemplates.Observed> seen, RestingReads.Snapshot snapshot) {
    return seen.map(template -> Optional.ofNullable(snapshot.templates().get(template.name()))
            .filter(now -> now.latestVersion() == template.latestVersion() && now.tags().equals(template.tags()))
            .isPresent())
        .orElse(true); // no template seen: creating one is a change of ours
  }

  private static boolean sameGroup(Optional<ScalingGroups.Observed> seen, RestingReads.Snapshot snapshot) {
    return seen.map(group -> group.equals(snapshot.groups().get(group.name())))
        .orElse(true); // a colour without a group: the full observe saw none, and creating one is a change of ours
  }
}
