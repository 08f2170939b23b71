package dev.kaizen.operator.cli;

import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.SdkAwsClients;
import dev.kaizen.operator.mail.DnsResolver;
import dev.kaizen.operator.mail.JndiDnsResolver;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What {@code kaizen plan} reads from outside: AWS clients (with the SDK's credentials), the cluster of the current
 * kubeconfig, and the process environment. The real one for the command; tests give the fakes and the mock API server.
 *
 * @param missingCredentials why AWS cannot be read, or empty when the SDK finds credentials
 * @param aws the AWS clients to read with (called only when credentials were found)
 * @param cluster the current kubeconfig's cluster (read only), or why there is none
 * @param dns the DNS MailRoutes' apex SPF includes are resolved with (unless --no-dns)
 */
record PlanEnvironment(Supplier<Optional<String>> missingCredentials, Supplier<AwsClients> aws,
    Supplier<Cluster> cluster, Map<String, String> variables, Supplier<DnsResolver> dns) {

  /** With the system's DNS for MailRoutes' SPF includes (unless --no-dns). */
  PlanEnvironment(Supplier<Optional<String>> missingCredentials, Supplier<AwsClients> aws,
      Supplier<Cluster> cluster, Map<String, String> variables) {
    this(missingCredentials, aws, cluster, variables, JndiDnsResolver::new);
  }

  /** A cluster to read, or the sentence why there is none. */
  record Cluster(Optional<KubernetesClient> client, String unavailableBecause) {
    static Cluster none(String because) {
      return new Cluster(Optional.empty(), because);
    }
  }

  static PlanEnvironment real() {
    // AwsAccounts' roles are assumed with the current credentials, through STS's us-east-1 endpoint.
    return new PlanEnvironment(PlanEnvironment::credentialsProblem,
        () -> new SdkAwsClients(dev.kaizen.operator.aws.AccountCredentials.sdk(
            software.amazon.awssdk.regions.Region.US_EAST_1), SdkAwsClients.Timeouts.DEFAULT),
        PlanEnvironment::kubeconfig, System.getenv());
  }

  private static Optional<String> credentialsProblem() {
    try (var provider = DefaultCredentialsProvider.builder().build()) {
      provider.resolveCredentials();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("no AWS credentials were found");
    }
  }

  /**
   * The cluster of the current kubeconfig (or the in-cluster config), with short timeouts: a pipeline without a
   * cluster should learn so in seconds.
   */
  private static Cluster kubeconfig() {
    boolean configured = System.getenv("KUBECONFIG") != null || System.getenv("KUBERNETES_SERVICE_HOST") != null
        || Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config"));
    if (!configured) {
      return Cluster.none("no kubeconfig was found");
    }
    try {
      Config config = Config.autoConfigure(null);
      config.setConnectionTimeout(3_000);
      config.setRequestTimeout(5_000);
      config.setRequestRetryBackoffLimit(0);
      return new Cluster(Optional.of(new KubernetesClientBuilder().withConfig(config).build()), "");
    } catch (RuntimeException e) {
      return Cluster.none("the kubeconfig could not be used (" + e.getMessage() + ")");
    }
  }
}
