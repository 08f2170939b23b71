package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import java.util.Optional;

/**
 * What the rollout reaches besides AWS and Solr: Kubernetes Jobs and Events, bound to the cluster one reconcile is
 * about (so a change can announce its phase).
 */
public record RolloutPorts(RolloutJobs jobs, RolloutEvents events, Optional<SolrCluster> cluster) {
  public static final RolloutPorts NONE = new RolloutPorts(RolloutJobs.NONE, RolloutEvents.NONE, Optional.empty());

  public RolloutPorts(RolloutJobs jobs, RolloutEvents events) {
    this(jobs, events, Optional.empty());
  }

  public RolloutPorts forCluster(SolrCluster cluster) {
    return new RolloutPorts(jobs, events, Optional.of(cluster));
  }

  public void announce(boolean warning, String reason, String message) {
    cluster.ifPresent(c -> events.record(c, warning, reason, message));
  }
}
