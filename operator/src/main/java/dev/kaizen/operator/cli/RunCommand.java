package dev.kaizen.operator.cli;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.aws.DefaultRegion;
import dev.kaizen.operator.aws.SdkAwsClients;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.kaizen.operator.OperatorSettings.LeaderElection;
import dev.kaizen.operator.core.reconcile.WatchScope;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the operator against the current kubeconfig (or the in-cluster config).")
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster-id", defaultValue = "${env:KAIZEN_CLUSTER_ID}",
      description = "This installation's identity in ownership tags, set once at install and kept when the cluster"
          + " is rebuilt (env KAIZEN_CLUSTER_ID). Without it: the UID of the kube-system namespace, which a rebuilt"
          + " cluster does not keep.")
  String clusterId;

  @Option(names = "--take-over-from", split = ",", defaultValue = "${env:KAIZEN_TAKE_OVER_FROM}",
      description = "Earlier cluster identities of this installation (comma-separated): AWS objects tagged with one"
          + " of them by the same resource are taken over and re-tagged, with an Event each (env"
          + " KAIZEN_TAKE_OVER_FROM).")
  List<String> takeOverFrom;

  @Option(names = "--region", description = "Region for resources that set none. Default: the AWS SDK's"
      + " region chain (AWS_REGION, profile, instance metadata).")
  String region;

  @Option(names = "--resync", defaultValue = "PT10M",
      description = "Drift is noticed within this interval (ISO-8601 duration). Default: ${DEFAULT-VALUE}.")
  Duration resync;

  @Option(names = "--full-observe", defaultValue = "PT6H",
      description = "How often each resource re-reads all it owns one by one. Default: ${DEFAULT-VALUE}.")
  Duration fullObserve;

  @Option(names = "--threads", defaultValue = "4", description = "Reconcile threads. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--fluent-bit-namespace", defaultValue = OperatorSettings.FluentBit.DEFAULT_NAMESPACE,
      description = "Namespace of the cluster's Fluent Bit, where its ConfigMap of LogPipeline configurations is"
          + " kept. Default: ${DEFAULT-VALUE}.")
  String fluentBitNamespace;

  @Option(names = "--fluent-bit-configmap", defaultValue = OperatorSettings.FluentBit.DEFAULT_CONFIGMAP,
      description = "Name of that ConfigMap (one key per namespace with LogPipelines); with several shards, the"
          + " prefix of theirs (<name>-0, <name>-1, ...). Default: ${DEFAULT-VALUE}.")
  String fluentBitConfigMap;

  @Option(names = "--fluent-bit-shards", defaultValue = "" + OperatorSettings.FluentBit.DEFAULT_SHARDS,
      description = "How many ConfigMaps the namespaces' Fluent Bit files are spread over (each holds at most"
          + " 1 MiB). Default: ${DEFAULT-VALUE}.")
  int fluentBitShards;

  @Option(names = "--fluent-bit-format", defaultValue = "yaml",
      description = "yaml (Fluent Bit 3.2 and later) or classic (deprecated by Fluent Bit at the end of 2026)."
          + " Default: ${DEFAULT-VALUE}.")
  String fluentBitFormat;

  @Option(names = "--health-port", defaultValue = "8080",
      description = "Port of /healthz, /readyz and /metrics (Prometheus). Default: ${DEFAULT-VALUE}.")
  int healthPort;

  @Option(names = "--namespaces", split = ",", defaultValue = "${env:KAIZEN_NAMESPACES}",
      description = "Watch only these namespaces (comma-separated), e.g. to shard a large estate."
          + " Default: all namespaces (env KAIZEN_NAMESPACES).")
  List<String> namespaces;

  @Option(names = "--selector", defaultValue = "${env:KAIZEN_SELECTOR}",
      description = "Watch only resources matching this equality-based label selector (shard=a)."
          + " Default: every resource (env KAIZEN_SELECTOR).")
  String selector;

  @Option(names = "--leader-election", defaultValue = "${env:KAIZEN_LEADER_ELECTION:-auto}",
      description = "auto, true or false. auto: on when running in a pod (POD_NAME is set), so two replicas, or"
          + " the old and new pod of a rolling update, never reconcile at once. Default: ${DEFAULT-VALUE}.")
  String leaderElection;

  @Option(names = "--lease-name", defaultValue = LeaderElection.DEFAULT_LEASE,
      description = "Name of the coordination.k8s.io Lease, in namespace POD_NAMESPACE (or the client's)."
          + " Shards need one each. Default: ${DEFAULT-VALUE}.")
  String leaseName;

  @Option(names = "--require-account-binding", defaultValue = "${env:KAIZEN_REQUIRE_ACCOUNT_BINDING:-false}",
      description = "Refuse (Stalled, no AWS call) resources bound to no AwsAccount instead of using the operator's"
          + " own credentials for them. Default: ${DEFAULT-VALUE}.")
  boolean requireAccountBinding;

  @Option(names = "--log-format", defaultValue = "${env:KAIZEN_LOG_FORMAT:-text}",
      description = "text or json (one object per line, with kind/namespace/name fields). Default: ${DEFAULT-VALUE}.")
  String logFormat;

  static FluentBitFormat fluentBitFormat(CommandSpec spec, String text) {
    try {
      return FluentBitFormat.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--fluent-bit-format must be yaml or classic, not " + text);
    }
  }

  @Override
  public Integer call() throws Exception {
    if ("json".equalsIgnoreCase(logFormat)) {
      JsonLogEncoder.install();
    } else if (!"text".equalsIgnoreCase(logFormat)) {
      throw new ParameterException(spec.commandLine(), "--log-format must be text or json, not " + logFormat);
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    ClusterIdentity cluster = clusterIdentity(client, clusterId, takeOverFrom);
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    var settings = settings(cluster, registry);
    if (leaderElectionEnabled(leaderElection, System.getenv("POD_NAME"))) {
      String identity = Optional.ofNullable(System.getenv("POD_NAME"))
          .orElseGet(() -> "kaizen-" + java.util.UUID.randomUUID());
      // 15 s lease, 10 s renew deadline, 2 s retry (Kubernetes' usual figures); exit when leadership is lost.
      settings = settings.withLeaderElection(new LeaderElection(leaseName,
          Optional.ofNullable(System.getenv("POD_NAMESPACE")), identity, Duration.ofSeconds(15),
          Duration.ofSeconds(10), Duration.ofSeconds(2), true));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Roles of AwsAccounts are assumed through STS in the operator's region (us-east-1 when it has none).
    try (SdkAwsClients aws = new SdkAwsClients(dev.kaizen.operator.aws.AccountCredentials.sdk(
            settings.defaultRegion().orElse(Region.US_EAST_1)), SdkAwsClients.Timeouts.DEFAULT);
        KaizenOperator operator = new KaizenOperator(client, aws, settings);
        HealthServer health = new HealthServer(healthPort, operator::ready, registry::scrape)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "kaizen-shutdown"));
      operator.start();
      LOG.info("kaizen-operator started: cluster {}, default region {}, resync {}, watching {}, leader election {},"
          + " health and metrics on :{}", cluster.id(), settings.defaultRegion().map(Region::id).orElse("(none)"),
          resync, settings.watch(), settings.leaderElection().map(e -> "on (lease " + e.leaseName() + ", "
              + e.identity() + ")").orElse("off"), health.port());
      stopped.await();
    } finally {
      client.close();
    }
    return 0;
  }

  /**
   * The operator's settings from this command's options (parsed, defaults applied). {@code kaizen demo} parses the
   * same options with this command and runs the operator with these settings, so it runs what {@code kaizen run} runs.
   */
  public OperatorSettings settings(ClusterIdentity cluster, io.micrometer.core.instrument.MeterRegistry registry) {
    var timings = ReconcileTimings.defaults().withResync(resync).withFullObserve(fullObserve);
    return new OperatorSettings(cluster, DefaultRegion.resolve(region), timings, threads, Clock.systemUTC())
        .withWatch(new WatchScope(namespaces == null ? Set.of() : namespaces.stream().map(String::strip)
            .filter(n -> !n.isEmpty()).collect(Collectors.toSet()), Optional.ofNullable(selector)))
        .withMeterRegistry(registry)
        .withFluentBit(new OperatorSettings.FluentBit(fluentBitNamespace, fluentBitConfigMap, fluentBitShards,
            fluentBitFormat(spec, fluentBitFormat)))
        .withRequireAccountBinding(requireAccountBinding);
  }

  /** auto: on in a pod (POD_NAME set by the Deployment's downward API), off on a laptop. */
  static boolean leaderElectionEnabled(String option, String podName) {
    return switch (option.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      case "auto" -> podName != null && !podName.isBlank();
      default -> throw new IllegalArgumentException("--leader-election must be auto, true or false, not " + option);
    };
  }

  /** {@code --cluster-id}, or the UID of the kube-system namespace (the one read RBAC grants on namespaces). */
  public static ClusterIdentity clusterIdentity(KubernetesClient client, String clusterId, List<String> takeOverFrom) {
    Set<String> previous = takeOverFrom == null ? Set.of() : takeOverFrom.stream().map(String::strip)
        .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
    if (clusterId != null && !clusterId.isBlank()) {
      return new ClusterIdentity(clusterId.strip(), previous);
    }
    String uid = client.namespaces().withName("kube-system").get().getMetadata().getUid();
    LOG.warn("No --cluster-id (KAIZEN_CLUSTER_ID) is set: using the kube-system namespace's UID {}. A rebuilt cluster"
        + " gets a new one and would see every AWS object this operator owns as another cluster's: set the cluster"
        + " identity once at install (deploy/README).", uid);
    return new ClusterIdentity(uid, previous);
  }
}
