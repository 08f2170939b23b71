package dev.kaizen.operator.solr;

import dev.kaizen.operator.api.v1alpha1.solr.ScaleInStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one observe of a SolrCluster found, for its active colour (part 1 builds one colour).
 *
 * @param revisionPinned whether the status already pins the active colour's revision (else the plan pins it first)
 * @param addresses private address of each instance of the group
 * @param solr the colour's Solr, when it could be asked (the load balancer and at least one node are up)
 * @param scaleIn the scale-in recorded in status, if any
 * @param rollout what the blue/green rollout (issue 13) observed: the other colour, its Job, the requests
 * @param endpoint the live endpoint's Route 53 alias record (spec.dns) and a former one to remove
 */
public record SolrClusterObservation(DesiredSolrCluster desired, boolean revisionPinned,
    Optional<LoadBalancing.ObservedLoadBalancer> loadBalancer, List<LoadBalancing.ObservedListener> listeners,
    Optional<LoadBalancing.ObservedTargetGroup> targetGroup, Optional<LaunchTemplates.Observed> template,
    Optional<ScalingGroups.Observed> group, Map<String, String> addresses, Optional<SolrState> solr,
    Optional<ScaleInStatus> scaleIn, Optional<dev.kaizen.operator.solr.rollout.RolloutObservation> rollout,
    EndpointRecordObservation endpoint) {

  public SolrClusterObservation(DesiredSolrCluster desired, boolean revisionPinned,
      Optional<LoadBalancing.ObservedLoadBalancer> loadBalancer, List<LoadBalancing.ObservedListener> listeners,
      Optional<LoadBalancing.ObservedTargetGroup> targetGroup, Optional<LaunchTemplates.Observed> template,
      Optional<ScalingGroups.Observed> group, Map<String, String> addresses, Optional<SolrState> solr,
      Optional<ScaleInStatus> scaleIn, Optional<dev.kaizen.operator.solr.rollout.RolloutObservation> rollout) {
    this(desired, revisionPinned, loadBalancer, listeners, targetGroup, template, group, addresses, solr, scaleIn,
        rollout, EndpointRecordObservation.NONE);
  }

  public SolrClusterObservation(DesiredSolrCluster desired, boolean revisionPinned,
      Optional<LoadBalancing.ObservedLoadBalancer> loadBalancer, List<LoadBalancing.ObservedListener> listeners,
      Optional<LoadBalancing.ObservedTargetGroup> targetGroup, Optional<LaunchTemplates.Observed> template,
      Optional<ScalingGroups.Observed> group, Map<String, String> addresses, Optional<SolrState> solr,
      Optional<ScaleInStatus> scaleIn) {
    this(desired, revisionPinned, loadBalancer, listeners, targetGroup, template, group, addresses, solr, scaleIn,
        Optional.empty());
  }

  /** The same observation with what the rollout observed. */
  public SolrClusterObservation withRollout(dev.kaizen.operator.solr.rollout.RolloutObservation observed) {
    return new SolrClusterObservation(desired, revisionPinned, loadBalancer, listeners, targetGroup, template, group,
        addresses, solr, scaleIn, Optional.of(observed), endpoint);
  }

  /** The same observation with what was read of the endpoint record. */
  public SolrClusterObservation withEndpoint(EndpointRecordObservation observed) {
    return new SolrClusterObservation(desired, revisionPinned, loadBalancer, listeners, targetGroup, template, group,
        addresses, solr, scaleIn, rollout, observed);
  }

  public Optional<LoadBalancing.ObservedListener> listener(int port) {
    return listeners.stream().filter(l -> l.port() == port).findFirst();
  }

  /** Healthy targets of the colour's target group that are staying members of its group. */
  public int healthyNodes() {
    return targetGroup.map(LoadBalancing.ObservedTargetGroup::healthy).orElse(0);
  }

  public String endpoint(int port) {
    return loadBalancer.map(lb -> "http://" + lb.dnsName() + ":" + port + "/solr").orElse(null);
  }
}
