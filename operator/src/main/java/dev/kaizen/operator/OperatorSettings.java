package dev.kaizen.operator;

import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.core.reconcile.WatchScope;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Everything the running operator is configured with.
 *
 * @param cluster this installation's identity, written into ownership tags
 * @param defaultRegion the region for resources that name none
 * @param timings resync, full re-observe, confirm and backoff intervals
 * @param reconcileThreads the size of the shared reconcile pool
 * @param watch the namespaces and label selector this instance watches (its shard); default: everything
 * @param leaderElection when present, only the holder of this Lease reconciles
 * @param meterRegistry where metrics go; a Prometheus registry is scraped on {@code /metrics}
 * @param fluentBit where the cluster's Fluent Bit reads the LogPipeline configurations
 * @param requireAccountBinding a resource bound to no AwsAccount is refused (Stalled) instead of using the operator's
 *     own credentials
 */
public record OperatorSettings(ClusterIdentity cluster, Optional<Region> defaultRegion, ReconcileTimings timings,
    int reconcileThreads, Clock clock, WatchScope watch, Optional<LeaderElection> leaderElection,
    MeterRegistry meterRegistry, FluentBit fluentBit, boolean requireAccountBinding) {

  public OperatorSettings(ClusterIdentity cluster, Optional<Region> defaultRegion, ReconcileTimings timings,
      int reconcileThreads, Clock clock) {
    this(cluster, defaultRegion, timings, reconcileThreads, clock, WatchScope.EVERYTHING, Optional.empty(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), FluentBit.DEFAULT, false);
  }

  public OperatorSettings withWatch(WatchScope scope) {
    return new OperatorSettings(cluster, defaultRegion, timings, reconcileThreads, clock, scope, leaderElection,
        meterRegistry, fluentBit, requireAccountBinding);
  }

  public OperatorSettings withLeaderElection(LeaderElection election) {
    return new OperatorSettings(cluster, defaultRegion, timings, reconcileThreads, clock, watch,
        Optional.of(election), meterRegistry, fluentBit, requireAccountBinding);
  }

  public OperatorSettings withMeterRegistry(MeterRegistry registry) {
    return new OperatorSettings(cluster, defaultRegion, timings, reconcileThreads, clock, watch, leaderElection,
        registry, fluentBit, requireAccountBinding);
  }

  public OperatorSettings withFluentBit(FluentBit where) {
    return new OperatorSettings(cluster, defaultRegion, timings, reconcileThreads, clock, watch, leaderElection,
        meterRegistry, where, requireAccountBinding);
  }

  /** Refuse resources bound to no AwsAccount ({@code --require-account-binding}). */
  public OperatorSettings withRequireAccountBinding(boolean required) {
    return new OperatorSettings(cluster, defaultRegion, timings, reconcileThreads, clock, watch, leaderElection,
        meterRegistry, fluentBit, required);
  }

  /**
   * The ConfigMaps the cluster's Fluent Bit includes, one key per namespace with LogPipelines.
   *
   * @param namespace where Fluent Bit runs
   * @param configMap the ConfigMap's name; with more than one shard, the shards are {@code <configMap>-<i>}
   * @param shards how many ConfigMaps the namespaces' files are spread over (by a hash of the namespace)
   * @param format the format the files are written in
   */
  public record FluentBit(String namespace, String configMap, int shards, FluentBitFormat format) {
    public static final String DEFAULT_NAMESPACE = "logging";
    public static final String DEFAULT_CONFIGMAP = "kaizen-fluent-bit";
    public static final int DEFAULT_SHARDS = 4;
    public static final FluentBit DEFAULT = new FluentBit(DEFAULT_NAMESPACE, DEFAULT_CONFIGMAP);

    public FluentBit(String namespace, String configMap) {
      this(namespace, configMap, DEFAULT_SHARDS, FluentBitFormat.YAML);
    }

    public FluentBit {
      if (shards < 1 || shards > 64) {
        throw new IllegalArgumentException("Fluent Bit shards must be between 1 and 64: " + shards);
      }
    }
  }

  /**
   * Leader election on a coordination.k8s.io Lease: the holder reconciles; the others keep their caches warm and
   * take over within {@code leaseDuration} once it stops renewing.
   *
   * @param leaseNamespace empty: the namespace of the Kubernetes client (the pod's own, in a cluster)
   * @param identity this instance's name in the Lease (the pod name)
   * @param exitOnStopLeading exit the JVM when leadership is lost (true in a pod: JOSDK does not stop reconciling
   *     by itself, so a former leader must restart to be safe); false only in tests, which share one JVM
   */
  public record LeaderElection(String leaseName, Optional<String> leaseNamespace, String identity,
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, boolean exitOnStopLeading) {
    public static final String DEFAULT_LEASE = "kaizen-operator";

    /** Kubernetes' usual figures (as controller-runtime): 15 s lease, 10 s renew deadline, 2 s retry. */
    public static LeaderElection defaults(Optional<String> namespace, String identity) {
      return new LeaderElection(DEFAULT_LEASE, namespace, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
          Duration.ofSeconds(2), true);
    }
  }
}
