package dev.kaizen.operator.cli;

import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.DefaultRegion;
import dev.kaizen.operator.cli.PlanEnvironment.Cluster;
import dev.kaizen.operator.solr.ConfigSetSource;
import dev.kaizen.operator.cli.PlanReport.ResourcePlan;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.logs.FluentBitConfigs;
import dev.kaizen.operator.logs.FluentBitShards;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Print, per resource, the changes the operator would make to AWS, and what it would stall on.",
        "Reads AWS (never writes) when the SDK finds credentials, otherwise plans against an empty account and says"
            + " so; reads the current kubeconfig's cluster (never writes) for the cluster identity and the Fluent Bit"
            + " ConfigMap.",
        "Exit codes: 0 planned; 1 invalid manifests, or a resource could not be planned (AWS or the cluster could not"
            + " be read). With --detailed-exitcode: 0 nothing to change, 1 error, 2 changes, 3 at least one resource"
            + " would stall (someone must act; wins over changes)."})
public final class PlanCommand implements Callable<Integer> {
  enum Output { text, json, markdown }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Manifests, or directories of them.")
  List<Path> paths;

  @Option(names = "--empty-account", description = "Plan against an empty account even when credentials are"
      + " available.")
  boolean emptyAccount;

  @Option(names = "--region", description = "Region for resources that set none (default: the SDK's region"
      + " chain).")
  String region;

  @Option(names = "--cluster-id", defaultValue = "${env:KAIZEN_CLUSTER_ID}",
      description = "The operator's cluster identity, to judge ownership as it does (env KAIZEN_CLUSTER_ID). Default:"
          + " read from the current kubeconfig's cluster: the ConfigMap kaizen-operator-identity, else the"
          + " kube-system namespace's UID.")
  String clusterId;

  @Option(names = "--take-over-from", split = ",", defaultValue = "${env:KAIZEN_TAKE_OVER_FROM}",
      description = "Earlier cluster identities the operator takes over from, as given to kaizen run (env"
          + " KAIZEN_TAKE_OVER_FROM): their objects of the same resource plan as re-tagged, not as another cluster's.")
  List<String> takeOverFrom;

  @Option(names = "--no-cluster", description = "Read no cluster: Kubernetes objects show as absent.")
  boolean noCluster;

  @Option(names = "--operator-namespace", defaultValue = "kaizen-system",
      description = "Namespace of the installed operator's identity ConfigMap. Default: ${DEFAULT-VALUE}.")
  String operatorNamespace;

  @Option(names = "--fluent-bit-namespace", defaultValue = OperatorSettings.FluentBit.DEFAULT_NAMESPACE,
      description = "Namespace of the Fluent Bit ConfigMap the operator writes. Default: ${DEFAULT-VALUE}.")
  String fluentBitNamespace;

  @Option(names = "--fluent-bit-configmap", defaultValue = OperatorSettings.FluentBit.DEFAULT_CONFIGMAP,
      description = "Name of that ConfigMap, or the prefix of its shards. Default: ${DEFAULT-VALUE}.")
  String fluentBitConfigMap;

  @Option(names = "--fluent-bit-shards", defaultValue = "" + OperatorSettings.FluentBit.DEFAULT_SHARDS,
      description = "As given to kaizen run. Default: ${DEFAULT-VALUE}.")
  int fluentBitShards;

  @Option(names = "--fluent-bit-format", defaultValue = "yaml",
      description = "yaml or classic, as given to kaizen run. Default: ${DEFAULT-VALUE}.")
  String fluentBitFormat;

  @Option(names = {"-o", "--output"}, defaultValue = "text",
      description = "text, json (schema in the README) or markdown (a pull-request comment). Default: ${DEFAULT-VALUE}.")
  Output output;

  @Option(names = "--no-dns", arity = "0..1", fallbackValue = "true",
      defaultValue = "${env:KAIZEN_NO_DNS:-false}",
      description = "Do not query DNS: a MailRoute's apex SPF includes then count one lookup each instead of being"
          + " resolved recursively as the operator does (env KAIZEN_NO_DNS; --no-dns=false overrides it). Each"
          + " include that could not be resolved is named in the plan's notes either way.")
  boolean noDns;

  @Option(names = "--detailed-exitcode", description = "0 nothing to change, 1 error, 2 changes, 3 stalls.")
  boolean detailedExitCode;

  private final PlanEnvironment environment;

  public PlanCommand() {
    this(PlanEnvironment.real());
  }

  PlanCommand(PlanEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> noCredentials = emptyAccount ? Optional.of("--empty-account was given")
        : environment.missingCredentials().get();
    boolean live = noCredentials.isEmpty();
    Cluster cluster = noCluster ? Cluster.none("--no-cluster was given") : environment.cluster().get();
    AwsClients sdk = live ? environment.aws().get() : CommandLineKinds.noAws();
    try {
      Endpoints endpoints = new Endpoints(environment.variables());
      AwsClients clients = live ? CallFailures.remembering(sdk, endpoints) : sdk;
      Optional<Region> defaultRegion = DefaultRegion.resolve(region);
      List<String> readNotes = new ArrayList<>(); // what could be read, in the order it was read
      FluentBitShards shards = new FluentBitShards(fluentBitNamespace, fluentBitConfigMap, fluentBitShards,
          RunCommand.fluentBitFormat(spec, fluentBitFormat));
      FluentBitConfigs fluentBit = fluentBit(cluster, shards, readNotes);
      ManifestConfigMaps configMaps = new ManifestConfigMaps(cluster.client()
          .map(client -> readOnly(ConfigSetSource.kubernetes(client))).orElse(ConfigSetSource.NONE));
      Map<String, PlannableKind<?, ?, ?>> kinds = CommandLineKinds.all(clients, defaultRegion, fluentBit,
          shards.format(), new ReadOnlyCronJobs(cluster.client()), configMaps,
          noDns ? dev.kaizen.operator.mail.DnsResolver.NOT_QUERIED : environment.dns().get());
      ManifestCheck.Result checked = new ManifestCheck(kinds).check(paths, Optional.empty());
      configMaps.use(checked.configMaps());
      CommandLineKinds.planTogether(kinds, checked.valid(), defaultRegion);
      if (!checked.problems().isEmpty()) {
        checked.problems().forEach(err::println);
        err.printf("Not planned: %d problem(s) in the manifests.%n", checked.problems().size());
        return PlanExitCodes.ERROR;
      }
      PlanClusterIdentity identity = PlanClusterIdentity.resolve(clusterId, takeOverFrom, cluster.client(),
          operatorNamespace, cluster.unavailableBecause());
      Optional<String> account = live ? account(clients, defaultRegion, readNotes) : Optional.empty();
      // Each resource in its own account, as the operator resolves it (AwsAccounts of the set, else the cluster's).
      var accounts = new dev.kaizen.operator.accounts.PlanAccounts(checked.valid().stream()
          .filter(m -> dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount.KIND.equals(m.kind()))
          .map(Manifest::object).toList(), namespaceLabels(checked.namespaces()), cluster.client(), clients);
      kinds.values().forEach(kind -> kind.useAccounts(accounts));
      List<ResourcePlan> resources = new ArrayList<>();
      Set<String> statusProblems = new TreeSet<>();
      for (Manifest manifest : checked.valid()) {
        PlannableKind<?, ?, ?> kind = kinds.get(manifest.kind());
        if (kind != null) {
          kind.notesOf(manifest.object()).forEach(note -> readNotes.add(manifest.resource() + ": " + note + "."));
          resources.add(kind.planManifest(manifest.object(), identity.identity(), live, cluster.client(),
              statusProblems::add));
        }
      }
      readNotes.addAll(accounts.notes());
      if (cluster.client().isPresent()) {
        readNotes.add(statusProblems.isEmpty()
            ? "Each resource's status was read from the cluster where it exists (tag keys it manages, its recorded"
                + " group name and region), as the operator plans with it."
            : "Resources' status could not be read from the cluster (" + String.join("; ", statusProblems)
                + "): planned as if new to the cluster.");
      }
      List<String> notes = new ArrayList<>();
      if (account.isEmpty()) { // else the header names the account
        notes.add(live ? "Planning against the AWS account of the current credentials (reading only)."
            : "Planning against an empty account: " + noCredentials.get() + ". Every object shows as absent.");
      }
      notes.add(identity.sentence());
      notes.addAll(readNotes);
      PlanReport report = new PlanReport(account, live ? endpoints.customLines() : List.of(),
          identity.identity().map(c -> c.id()), notes, resources);
      out.print(switch (output) {
        case text -> TextPlanRenderer.render(report);
        case json -> JsonPlanRenderer.render(report);
        case markdown -> MarkdownPlanRenderer.render(report);
      });
      out.flush();
      return report.exitCode(detailedExitCode);
    } finally {
      cluster.client().ifPresent(KubernetesClient::close);
      if (sdk instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          err.println("Closing the AWS clients failed: " + e.getMessage());
        }
      }
    }
  }

  /** A ConfigMap the cluster cannot give (no access, unreachable) reads as absent: the plan then says it is missing. */
  private static ConfigSetSource readOnly(ConfigSetSource cluster) {
    return (namespace, name) -> {
      try {
        return cluster.files(namespace, name);
      } catch (io.fabric8.kubernetes.client.KubernetesClientException unreadable) {
        return Optional.empty();
      }
    };
  }

  /** The Fluent Bit ConfigMap as the cluster holds it, or absent (and said so) when it cannot be read. */
  private FluentBitConfigs fluentBit(Cluster cluster, FluentBitShards shards, List<String> notes) {
    String name = fluentBitNamespace + "/" + String.join(",", shards.configMaps());
    if (cluster.client().isEmpty()) {
      notes.add("Kubernetes objects (the Fluent Bit ConfigMap " + name + ") show as absent: "
          + cluster.unavailableBecause() + ".");
      return new CommandLineKinds.NoCluster(shards);
    }
    var configs = new ReadOnlyFluentBitConfigs(cluster.client().get(), shards);
    try {
      configs.requireReadable();
      notes.add("Kubernetes objects (the Fluent Bit ConfigMap " + name + ") read from the current kubeconfig's"
          + " cluster.");
      return configs;
    } catch (RuntimeException e) {
      notes.add("Kubernetes objects (the Fluent Bit ConfigMap " + name + ") show as absent: it could not be read ("
          + firstLine(e.getMessage()) + ").");
      return new CommandLineKinds.NoCluster(shards);
    }
  }

  /** The account of the current credentials (STS GetCallerIdentity, which needs no permission). */
  private static Optional<String> account(AwsClients clients, Optional<Region> region, List<String> notes) {
    try {
      StsClient sts = clients.client(AwsTarget.of(region.orElse(Region.US_EAST_1)), StsClient.class);
      return Optional.ofNullable(sts.getCallerIdentity().account());
    } catch (RuntimeException e) {
      notes.add("The account ID could not be read: " + CallFailures.describe(e));
      return Optional.empty();
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  /** The labels of each Namespace the set defines (they bind its resources to accounts, as in the cluster). */
  private static Map<String, Map<String, String>> namespaceLabels(List<Manifest> namespaces) {
    Map<String, Map<String, String>> labels = new java.util.LinkedHashMap<>();
    for (Manifest namespace : namespaces) {
      Map<String, String> own = new TreeMap<>();
      namespace.object().path("metadata").path("labels").fields()
          .forEachRemaining(label -> own.put(label.getKey(), label.getValue().asText()));
      labels.put(namespace.name(), own);
    }
    return labels;
  }
}
