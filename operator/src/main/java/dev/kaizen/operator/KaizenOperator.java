package dev.kaizen.operator;

import dev.kaizen.operator.accounts.AccountDirectory;
import dev.kaizen.operator.accounts.AwsAccountKind;
import dev.kaizen.operator.accounts.AwsAccountReconciler;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.solr.ConfigSetSource;
import dev.kaizen.operator.solr.SolrAdmin;
import dev.kaizen.operator.solr.SolrClusterKind;
import dev.kaizen.operator.solr.SolrClusterReconciler;
import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.reconcile.AccountResolver;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import dev.kaizen.operator.core.reconcile.StatusWriter;
import dev.kaizen.operator.core.reconcile.ControllerRegistration;
import dev.kaizen.operator.core.reconcile.EventRecorder;
import dev.kaizen.operator.core.reconcile.SecondaryWatch;
import dev.kaizen.operator.logs.FluentBitShards;
import dev.kaizen.operator.cron.CronJobSetKind;
import dev.kaizen.operator.cron.CronJobSetReconciler;
import dev.kaizen.operator.cron.WatchedCronJobs;
import dev.kaizen.operator.cron.eventbridge.EventBridgeTarget;
import dev.kaizen.operator.cron.eventbridge.SdkScheduleGateway;
import dev.kaizen.operator.cron.eventbridge.SchedulerMetrics;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import java.util.Optional;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import dev.kaizen.operator.logs.KubernetesFluentBitConfigs;
import dev.kaizen.operator.logs.LogPipelineKind;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.mail.MailRouteKind;
import dev.kaizen.operator.mail.MailRouteReconciler;
import dev.kaizen.operator.mail.MailRouteSettings;
import dev.kaizen.operator.logs.LogPipelineReconciler;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the kinds into one JOSDK operator. Used by {@code kaizen run} and, with the mock API server and the AWS
 * fakes, by the operator tests: the path the tests exercise is the path that runs.
 */
public final class KaizenOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KaizenOperator.class);

  private final Operator operator;
  private final KaizenMetrics metrics;
  private final ListingRefresher listings;
  private final AccountDirectory accounts;

  public KaizenOperator(KubernetesClient client, AwsClients aws, OperatorSettings settings) {
    this(client, aws, settings, KindDependencies.production());
  }

  /** As the operator runs, with the DNS resolver and Solr connector given (the tests' fakes). */
  public KaizenOperator(KubernetesClient client, AwsClients aws, OperatorSettings settings,
      KindDependencies dependencies) {
    MailRouteSettings mail = dependencies.mail();
    SolrAdmin.Connector solr = dependencies.solr();
    this.metrics = new KaizenMetrics(settings.meterRegistry(), settings.clock());
    settings.leaderElection().ifPresent(election -> metrics.leader(false));
    this.operator = new Operator(config -> {
      config
          .withKubernetesClient(client)
          .withCloseClientOnStop(false)
          // DESIGN.md: writes use update/merge-patch with optimistic locking, never server-side apply.
          .withUseSSAToPatchPrimaryResource(false)
          .withConcurrentReconciliationThreads(settings.reconcileThreads());
      settings.leaderElection().ifPresent(election -> config.withLeaderElectionConfiguration(
          new LeaderElectionConfiguration(election.leaseName(), election.leaseNamespace().orElse(null),
              election.leaseDuration(), election.renewDeadline(), election.retryPeriod(), election.identity(),
              new LeaderCallbacks(
                  () -> {
                    LOG.info("{} is now the leader (lease {})", election.identity(), election.leaseName());
                    metrics.leader(true);
                  },
                  () -> {
                    LOG.info("{} stopped leading (lease {})", election.identity(), election.leaseName());
                    metrics.leader(false);
                  },
                  newLeader -> LOG.info("leader is {}", newLeader)),
              election.exitOnStopLeading())));
    });
    AwsCalls calls = new AwsCalls(new RateLimits(), metrics);
    AccountIds accountIds = new AccountIds(aws, calls);
    EventRecorder events = new EventRecorder(client, settings.clock(), metrics);

    // Every resource resolves its account here before any AWS call (AwsAccounts and namespace labels, by informer).
    this.accounts = new AccountDirectory(client, aws, accountIds, settings.defaultRegion(),
        settings.requireAccountBinding());

    var fluentBitShards = new FluentBitShards(settings.fluentBit().namespace(), settings.fluentBit().configMap(),
        settings.fluentBit().shards(), settings.fluentBit().format());
    var fluentBit = new KubernetesFluentBitConfigs(client, fluentBitShards);
    // Listings are refreshed off the reconcile pool; reconciles only read them.
    this.listings = new ListingRefresher(settings.clock(), settings.timings().listingInterval(),
        settings.timings().listingBehindAfter(), metrics);
    LogPipelineKind logs = new LogPipelineKind(aws, calls, settings.defaultRegion(), listings, fluentBit,
        fluentBitShards.format(), settings.clock());
    var logLoop = new ReconcileLoop<>(LogPipeline.KIND, logs, settings.cluster(), settings.timings(), events,
        settings.clock(), StatusWriter.kubernetes(client), accounts);
    // The Fluent Bit ConfigMaps are watched so an edit of a namespace's key is undone at once, not at the next resync.
    List<SecondaryWatch<?, LogPipeline>> logWatches = new ArrayList<>(LogPipelineReconciler.fluentBitWatches(
        fluentBitShards, logs));
    if (!logWatches.stream().allMatch(watch -> watch.permittedFor(client))) {
      // Pipelines that ship no logs must keep working without access to Fluent Bit's namespace.
      LOG.warn("The Fluent Bit ConfigMaps {} in {} are not watched: listing them is forbidden (RBAC: deploy/components/"
          + "fluent-bit). Edits of their keys are undone at the next resync only.", fluentBitShards.configMaps(),
          settings.fluentBit().namespace());
      logWatches = List.of();
    }
    ControllerRegistration.register(operator, new LogPipelineReconciler(logLoop, logs, logWatches), LogPipeline.class,
        settings.timings(), settings.watch());

    // AwsAccount: verifying an account needs no account of its own (the operator's credentials assume its role).
    var accountKind = new AwsAccountKind(aws, calls, settings.defaultRegion(), accounts, settings.clock());
    var accountLoop = new ReconcileLoop<>(AwsAccount.KIND, accountKind, settings.cluster(), settings.timings(), events,
        settings.clock(), StatusWriter.kubernetes(client), AccountResolver.OPERATOR_ONLY);
    ControllerRegistration.register(operator, new AwsAccountReconciler(accountLoop, accounts, client, events,
        settings.timings().backoffBase()), AwsAccount.class, settings.timings(), settings.watch());

    // One per operator: the account IDs behind the bindings, learned once each (ARNs SES tags are read on).
    // At rest, the shared SES listings a route reads may be as old as a shared listing's pass interval.
    MailRouteKind mailRoutes = new MailRouteKind(aws, calls, settings.defaultRegion(), listings, mail, accountIds,
        settings.clock(), settings.timings().listingInterval());
    var mailLoop = new ReconcileLoop<>(MailRoute.KIND, mailRoutes, settings.cluster(), settings.timings(), events,
        settings.clock(), StatusWriter.kubernetes(client), accounts);
    ControllerRegistration.register(operator, new MailRouteReconciler(mailLoop, mailRoutes), MailRoute.class,
        settings.timings(), settings.watch());

    // CronJobSet: its CronJobs and their Jobs are watched by the reconciler. The Kubernetes target calls no AWS, so
    // it keeps the operator's own binding (--require-account-binding must not stall it); the EventBridge target
    // resolves its account like every AWS kind.
    var cronJobs = new WatchedCronJobs(client);
    var cron = new CronJobSetKind(cronJobs, settings.clock(),
        (set, reason, message) -> events.warning(set, reason, message),
        Optional.of(new EventBridgeTarget(target -> new SdkScheduleGateway(aws.client(target, SchedulerClient.class),
            new SchedulerMetrics(aws.client(target, CloudWatchClient.class), calls, target, settings.clock()), calls,
            target), settings.defaultRegion())));
    var cronLoop = new ReconcileLoop<>(CronJobSet.KIND, cron, settings.cluster(), settings.timings(), events,
        settings.clock(), StatusWriter.kubernetes(client), CronJobSetKind.accountResolver(accounts));
    ControllerRegistration.register(operator, new CronJobSetReconciler(cronLoop, cronJobs), CronJobSet.class,
        settings.timings(), settings.watch());

    // SolrCluster: two colours of Solr nodes behind one load balancer; the configset comes from a ConfigMap.
    SolrClusterKind solrKind = new SolrClusterKind(aws, calls, settings.defaultRegion(), solr,
        ConfigSetSource.kubernetes(client), settings.timings().confirm(),
        // The blue/green rollout (issue 13): its reindex and catch-up Jobs, an Event per phase.
        new dev.kaizen.operator.solr.rollout.RolloutPorts(dev.kaizen.operator.solr.rollout.RolloutJobs.kubernetes(client),
            (cluster, warning, reason, message) -> {
              if (warning) {
                events.warning(cluster, reason, message);
              } else {
                events.normal(cluster, reason, message);
              }
            }), settings.clock(),
        // At rest, the shared snapshot a cluster reads may be as old as a shared listing's pass interval.
        settings.timings().listingInterval());
    var solrLoop = new ReconcileLoop<>(SolrCluster.KIND, solrKind, settings.cluster(), settings.timings(), events,
        settings.clock(), StatusWriter.kubernetes(client), accounts);
    ControllerRegistration.register(operator, new SolrClusterReconciler(solrLoop), SolrCluster.class,
        settings.timings(), settings.watch());
  }

  public KaizenMetrics metrics() {
    return metrics;
  }

  public void start() {
    listings.start();
    accounts.start(operator);
    operator.start();
    accounts.operatorStarted();
  }

  /** True once every informer has synced and is healthy: the readiness probe. */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    operator.stop();
    listings.close();
    accounts.close();
  }
}
