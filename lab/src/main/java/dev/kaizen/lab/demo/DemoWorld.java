package dev.kaizen.lab.demo;

import dev.kaizen.lab.embedded.AwsOverTime;
import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.lab.embedded.EmbeddedCluster;
import dev.kaizen.lab.embedded.EmbeddedSolr;
import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.KindDependencies;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.cli.RunCommand;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.fakes.FakeDnsResolver;
import dev.kaizen.operator.mail.MailRouteSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;

/**
 * The demo without its display: an embedded cluster and an embedded AWS, the operator `kaizen run` runs (its settings
 * parsed from the same command-line options by the same {@link RunCommand}, only the intervals shortened), the
 * manifests applied, and what they need seeded. The demo command and its test both drive this.
 */
public final class DemoWorld implements AutoCloseable {
  /** The operator's Region when neither the resource nor its account names one. */
  public static final Region REGION = Region.EU_WEST_1;
  public static final String CLUSTER_ID = "kaizen-demo";

  /**
   * The intervals the demo shortens so a minute shows drift found and corrected: everything else is `kaizen run`'s.
   *
   * @param resync drift noticed within this (`kaizen run --resync`, default 10 minutes)
   * @param fullObserve each resource re-reads all it owns (`--full-observe`, default 6 hours)
   * @param mailRecheck MailRoute waiting on Route 53 and SES looks again (production: 10 s and 1 minute)
   * @param sesVerifies how long after its DNS records appear the embedded SES verifies a domain
   * @param latency added to every embedded AWS call
   */
  public record Timings(Duration resync, Duration fullObserve, Duration mailRecheck, Duration sesVerifies,
      Duration latency) {
    public static final Timings DEMO = new Timings(Duration.ofSeconds(4), Duration.ofSeconds(10),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO);
  }

  private final Timings timings;
  private final EmbeddedCluster cluster;
  private final EmbeddedAws aws;
  private final AwsOverTime overTime;
  private final FakeDnsResolver dns = new FakeDnsResolver();
  private final ClusterView view;
  private final List<Manifest> resources = new ArrayList<>();
  private final List<Manifest> namespaces = new ArrayList<>();
  private final List<String> seeded = new ArrayList<>();
  private int skipped;
  private final java.util.Map<String, String> zones = new java.util.concurrent.ConcurrentHashMap<>();
  private KaizenOperator operator;

  public DemoWorld(Timings timings) {
    this.timings = timings;
    this.aws = new EmbeddedAws(REGION, timings.latency());
    // First, so the embedded AWS's clients are built while the cluster starts (see prepareClients).
    aws.prepareClients();
    this.cluster = new EmbeddedCluster();
    this.overTime = new AwsOverTime(aws, timings.sesVerifies(), Duration.ofMillis(300));
    this.view = new ClusterView(cluster.client());
  }

  /** The `kaizen run` options the demo runs the operator with. */
  public List<String> runOptions() {
    return List.of("--cluster-id", CLUSTER_ID, "--region", REGION.id(), "--resync", timings.resync().toString(),
        "--full-observe", timings.fullObserve().toString(), "--leader-election", "false");
  }

  /** Reads the manifests; returns the problems found (none: go on). */
  public List<String> read(List<Path> paths) {
    ManifestReader.Result read = new ManifestReader().read(paths);
    resources.addAll(read.manifests());
    namespaces.addAll(read.namespaces());
    skipped = read.skipped() - read.namespaces().size();
    return read.problems().stream().map(Object::toString).toList();
  }

  /** Creates the Namespaces, seeds what the manifests need; returns what was seeded, one line each. */
  public List<String> prepare() {
    KubernetesClient client = cluster.client();
    for (Manifest namespace : namespaces) {
      client.resource(client.getKubernetesSerialization().convertValue(namespace.object(), Namespace.class)).create();
    }
    var seed = new ExampleSeed(client, aws, overTime, dns, REGION);
    resources.stream().map(Manifest::namespace).distinct().forEach(seed::ensureNamespace);
    seed.ensureNamespace(OperatorSettings.FluentBit.DEFAULT_NAMESPACE);
    seeded.addAll(seed.seed(resources, namespaces));
    zones.putAll(seed.zones);
    return List.copyOf(seeded);
  }

  /** Starts the operator as `kaizen run` would with {@link #runOptions()}. */
  public void startOperator() {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(runOptions().toArray(String[]::new));
    OperatorSettings settings = run.settings(new ClusterIdentity(CLUSTER_ID), new SimpleMeterRegistry());
    // What `kaizen run` reaches outside Kubernetes and AWS, embedded: the public DNS (SPF lookups) and Solr.
    var dependencies = new KindDependencies(new MailRouteSettings(dns, timings.mailRecheck(), timings.mailRecheck()),
        new EmbeddedSolr(aws));
    operator = new KaizenOperator(cluster.client(), aws, settings, dependencies);
    operator.start();
  }

  /** Applies the AwsAccounts, which the other resources bind to (first, as sync waves would order them). */
  public int applyAccounts() {
    List<Manifest> accounts = resources.stream().filter(m -> "AwsAccount".equals(m.kind())).toList();
    accounts.forEach(this::apply);
    return accounts.size();
  }

  /** Applies every other resource, as `kubectl apply` would create them. */
  public int applyResources() {
    List<Manifest> others = resources.stream().filter(m -> !"AwsAccount".equals(m.kind())).toList();
    others.forEach(this::apply);
    return others.size();
  }

  /** Creates one more resource (the demo's foreign-object check adds one). */
  public void apply(Manifest manifest) {
    KubernetesClient client = cluster.client();
    Class<? extends HasMetadata> type = Kinds.ALL.stream()
        .filter(kind -> HasMetadata.getKind(kind).equals(manifest.kind())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a kaizen kind: " + manifest.kind()));
    client.resource(client.getKubernetesSerialization().convertValue(manifest.object(), type)).create();
  }

  /** Where a manifest's AWS objects are. */
  Binding binding(Manifest resource) {
    return Binding.of(resource, resources.stream().filter(m -> "AwsAccount".equals(m.kind())).toList(), namespaces,
        REGION);
  }

  /** The hosted zone seeded for a MailRoute's domain. */
  java.util.Optional<String> zoneOf(String domain) {
    return java.util.Optional.ofNullable(zones.get(domain));
  }

  /** The Namespaces among the manifests (applied first). */
  public int namespaces() {
    return namespaces.size();
  }

  public List<Manifest> resources() {
    return List.copyOf(resources);
  }

  /** Documents of other API groups (an Argo CD Application, say), not applied; Namespaces are applied. */
  public int skipped() {
    return skipped;
  }

  public ClusterView view() {
    return view;
  }

  public EmbeddedAws aws() {
    return aws;
  }

  public EmbeddedCluster cluster() {
    return cluster;
  }

  public KubernetesClient client() {
    return cluster.client();
  }

  public Timings timings() {
    return timings;
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.close();
    }
    overTime.close();
    aws.close();
    cluster.close();
  }
}
