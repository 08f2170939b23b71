package dev.kaizen.operator;

import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Everything the running operator is configured with.
 *
 * @param cluster this installation's identity, written into ownership tags
 * @param defaultRegion the region for resources that name none
 * @param timings resync, full re-observe, confirm and backoff intervals
 * @param reconcileThreads the size of the shared reconcile pool
 * @param fluentBitNamespace the namespace where the cluster's Fluent Bit runs (its ConfigMap lives there)
 * @param fluentBitConfigMap the name of the ConfigMap that holds one key per LogPipeline
 */
public record OperatorSettings(ClusterIdentity cluster, Optional<Region> defaultRegion, ReconcileTimings timings,
    int reconcileThreads, Clock clock, String fluentBitNamespace, String fluentBitConfigMap) {

  public static final String DEFAULT_FLUENT_BIT_NAMESPACE = "logging";
  public static final String DEFAULT_FLUENT_BIT_CONFIGMAP = "kaizen-fluent-bit";
}
