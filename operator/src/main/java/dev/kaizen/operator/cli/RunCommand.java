package dev.kaizen.operator.cli;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.aws.DefaultRegion;
import dev.kaizen.operator.aws.SdkAwsClients;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the operator against the current kubeconfig (or the in-cluster config).")
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--cluster-id", description = "This installation's identity in ownership tags."
      + " Default: the UID of the kube-system namespace.")
  String clusterId;

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

  @Option(names = "--health-port", defaultValue = "8080",
      description = "Port of /healthz and /readyz. Default: ${DEFAULT-VALUE}.")
  int healthPort;

  @Override
  public Integer call() throws Exception {
    KubernetesClient client = new KubernetesClientBuilder().build();
    ClusterIdentity cluster = clusterIdentity(client, clusterId);
    ReconcileTimings defaults = ReconcileTimings.defaults();
    var timings = new ReconcileTimings(resync, fullObserve, defaults.confirm(), defaults.backoffBase(),
        defaults.backoffMax(), defaults.stalledRecheck());
    var settings = new OperatorSettings(cluster, DefaultRegion.resolve(region), timings, threads, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    try (SdkAwsClients aws = new SdkAwsClients();
        KaizenOperator operator = new KaizenOperator(client, aws, settings);
        HealthServer health = new HealthServer(healthPort, operator::ready)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "kaizen-shutdown"));
      operator.start();
      LOG.info("kaizen-operator started: cluster {}, default region {}, resync {}, health on :{}", cluster.id(),
          settings.defaultRegion().map(Region::id).orElse("(none)"), resync, health.port());
      stopped.await();
    } finally {
      client.close();
    }
    return 0;
  }

  /** {@code --cluster-id}, or the UID of the kube-system namespace (the one read RBAC grants on namespaces). */
  public static ClusterIdentity clusterIdentity(KubernetesClient client, String clusterId) {
    return new ClusterIdentity(clusterId != null ? clusterId
        : client.namespaces().withName("kube-system").get().getMetadata().getUid());
  }
}
