package dev.kaizen.operator.cli;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.solr.ConfigSetSource;
import dev.kaizen.operator.solr.SolrClusterKind;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.logs.FluentBitConfigs;
import dev.kaizen.operator.logs.LogPipelineKind;
import software.amazon.awssdk.core.SdkClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** The kinds the command line can check and plan, built as the operator builds them. */
final class CommandLineKinds {
  private CommandLineKinds() {}

  static Map<String, PlannableKind<?, ?, ?>> all(AwsClients clients, Optional<Region> defaultRegion) {
    return all(clients, defaultRegion, new NoCluster());
  }

  /** As the operator builds them; {@code fluentBit} reads the cluster's Fluent Bit ConfigMap (never writes). */
  static Map<String, PlannableKind<?, ?, ?>> all(AwsClients clients, Optional<Region> defaultRegion,
      FluentBitConfigs fluentBit) {
    AwsCalls calls = new AwsCalls(new RateLimits());
    // A plan observes in full (single reads): the shared listings are never started.
    var timings = ReconcileTimings.defaults();
    var listings = new ListingRefresher(Clock.systemUTC(), timings.listingInterval(), timings.listingBehindAfter(),
        KaizenMetrics.discarding());
    var logs = new LogPipelineKind(clients, calls, defaultRegion, listings, fluentBit);
    // SolrCluster: Solr and the configset ConfigMap are not read by the command line (shown as to be created).
    var solr = new SolrClusterKind(clients, calls, defaultRegion, url -> {
      throw new IllegalStateException("the command line does not call Solr");
    }, ConfigSetSource.NONE, timings.confirm());
    return Map.of(LogPipeline.KIND, new PlannableKind<>(LogPipeline.KIND, LogPipeline.class, logs),
        SolrCluster.KIND, new PlannableKind<>(SolrCluster.KIND, SolrCluster.class, solr));
  }

  /** For checks that never reach AWS: any attempt to build a client is a bug. */
  static AwsClients noAws() {
    return new AwsClients() {
      @Override
      public <C extends SdkClient> C client(AwsTarget target, Class<C> type) {
        throw new IllegalStateException("offline: no " + type.getSimpleName() + " for " + target);
      }

      @Override
      public void evict(String account) {}
    };
  }

  /** Without a cluster to read, on the Kubernetes side every configuration shows as absent. */
  static final class NoCluster implements FluentBitConfigs {
    @Override
    public String configMap() {
      return OperatorSettings.FluentBit.DEFAULT_NAMESPACE + "/" + OperatorSettings.FluentBit.DEFAULT_CONFIGMAP;
    }

    @Override
    public Optional<String> read(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, String config) {
      throw new IllegalStateException("the command line never writes to a cluster");
    }

    @Override
    public void remove(String key) {
      throw new IllegalStateException("the command line never writes to a cluster");
    }
  }
}

