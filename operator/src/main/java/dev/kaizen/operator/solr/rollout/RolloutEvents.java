package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;

/** Where the rollout's Events go (the operator's EventRecorder): one per phase entered. */
public interface RolloutEvents {
  void record(SolrCluster cluster, boolean warning, String reason, String message);

  RolloutEvents NONE = (cluster, warning, reason, message) -> {};
}
