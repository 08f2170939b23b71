package dev.kaizen.operator.cli;

import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.mail.DnsResolver;
import dev.kaizen.operator.mail.MailRouteKind;
import dev.kaizen.operator.mail.MailRouteSettings;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
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
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.cron.CronJobSetKind;
import dev.kaizen.operator.cron.CronJobSetPorts;
import dev.kaizen.operator.cron.eventbridge.EventBridgeTarget;
import dev.kaizen.operator.cron.eventbridge.SdkScheduleGateway;
import dev.kaizen.operator.cron.eventbridge.SchedulerMetrics;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import dev.kaizen.operator.logs.FluentBitConfigs;
import dev.kaizen.operator.logs.FluentBitShards;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.logs.LogPipelineKind;
import software.amazon.awssdk.core.SdkClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** The kinds the command line can check and plan, built as the operator builds them. */
final class CommandLineKinds {
  private CommandLineKinds() {}

  /** @param spfDns what MailRoutes' apex SPF includes are resolved with ({@link DnsResolver#NOT_QUERIED}: none) */
  static Map<String, PlannableKind<?, ?, ?>> all(AwsClients clients, Optional<Region> defaultRegion,
      DnsResolver spfDns) {
    return all(clients, defaultRegion, new NoCluster(DEFAULT_SHARDS), DEFAULT_SHARDS.format(),
        new ReadOnlyCronJobs(Optional.empty()), ConfigSetSource.NONE, spfDns);
  }

  private static final FluentBitShards DEFAULT_SHARDS = new FluentBitShards(
      OperatorSettings.FluentBit.DEFAULT.namespace(), OperatorSettings.FluentBit.DEFAULT.configMap(),
      OperatorSettings.FluentBit.DEFAULT.shards(), OperatorSettings.FluentBit.DEFAULT.format());

  /**
   * The LogPipelines planned together are a namespace's pipelines as they will be once applied: each one's Fluent
   * Bit file holds the others of its namespace.
   */
  static void planTogether(Map<String, PlannableKind<?, ?, ?>> kinds, List<Manifest> manifests,
      Optional<Region> ignoredDefaultRegion) {
    PlannableKind<?, ?, ?> kind = kinds.get(LogPipeline.KIND);
    if (kind != null && kind.kind() instanceof LogPipelineKind logs) {
      List<LogPipeline> pipelines = manifests.stream().filter(m -> LogPipeline.KIND.equals(m.kind()))
          .map(m -> (Object) kind.resource(m.object())).filter(LogPipeline.class::isInstance)
          .map(LogPipeline.class::cast).toList();
      logs.planWith(pipelines);
    }
  }

  /**
   * As the operator builds them: {@code fluentBit} reads the cluster's Fluent Bit ConfigMap, {@code cronJobs} its
   * CronJobs (never writes); {@code configSets} reads the SolrClusters' configset ConfigMaps (the manifest set's, the
   * cluster's); {@code spfDns} resolves MailRoutes' apex SPF includes.
   */
  static Map<String, PlannableKind<?, ?, ?>> all(AwsClients clients, Optional<Region> defaultRegion,
      FluentBitConfigs fluentBit, FluentBitFormat format, CronJobSetPorts cronJobs, ConfigSetSource configSets,
      DnsResolver spfDns) {
    AwsCalls calls = new AwsCalls(new RateLimits());
    // A plan observes in full (single reads): the shared listings are never started.
    var timings = ReconcileTimings.defaults();
    var listings = new ListingRefresher(Clock.systemUTC(), timings.listingInterval(), timings.listingBehindAfter(),
        KaizenMetrics.discarding());
    var logs = new LogPipelineKind(clients, calls, defaultRegion, listings, fluentBit, format, Clock.systemUTC());
    var mail = new MailRouteKind(clients, calls, defaultRegion, listings, MailRouteSettings.forCommandLine(spfDns),
        new dev.kaizen.operator.aws.AccountIds(clients, calls));
    // The command line emits no events: a job that stopped succeeding shows in the plan's status only.
    var cron = new CronJobSetKind(cronJobs, Clock.systemUTC(), (set, reason, message) -> {},
        Optional.of(new EventBridgeTarget(target -> new SdkScheduleGateway(clients.client(target,
            SchedulerClient.class), new SchedulerMetrics(clients.client(target,
            software.amazon.awssdk.services.cloudwatch.CloudWatchClient.class), calls, target, Clock.systemUTC()),
            calls, target), defaultRegion)));
    // SolrCluster: Solr is not called by the command line (its collections show as to be created); the configset
    // ConfigMap is read from the manifest set, else the cluster.
    var solr = new SolrClusterKind(clients, calls, defaultRegion, url -> {
      throw new IllegalStateException("the command line does not call Solr");
    }, configSets, timings.confirm());
    return Map.of(LogPipeline.KIND, new PlannableKind<>(LogPipeline.KIND, LogPipeline.class, logs),
        MailRoute.KIND, new PlannableKind<>(MailRoute.KIND, MailRoute.class, mail),
        CronJobSet.KIND, new PlannableKind<>(CronJobSet.KIND, CronJobSet.class, cron),
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
    private final FluentBitShards shards;

    NoCluster(FluentBitShards shards) {
      this.shards = shards;
    }

    @Override
    public String configMap(String key) {
      return shards.namespace() + "/" + shards.configMapFor(key.substring(0, key.indexOf('.')));
    }

    @Override
    public Slot read(String key) {
      return Slot.empty();
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

