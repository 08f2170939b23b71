package dev.kaizen.operator.cli;

import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.DefaultRegion;
import dev.kaizen.operator.aws.SdkAwsClients;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.manifest.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Print, per resource, the changes the operator would make to AWS.",
        "Reads AWS (never writes) when the SDK finds credentials; otherwise plans against an empty account and says"
            + " so. Exits 0 when it could plan, 1 on invalid input, 2 when AWS could not be read."})
public final class PlanCommand implements Callable<Integer> {
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> noCredentials = emptyAccount ? Optional.of("--empty-account was given") : missingCredentials();
    boolean live = noCredentials.isEmpty();
    try (SdkAwsClients sdk = live ? new SdkAwsClients() : null) {
      AwsClients clients = live ? sdk : CommandLineKinds.noAws();
      Map<String, PlannableKind<?, ?, ?>> kinds = CommandLineKinds.all(clients, DefaultRegion.resolve(region));
      ManifestCheck.Result checked = new ManifestCheck(kinds).check(paths, Optional.empty());
      if (!checked.problems().isEmpty()) {
        checked.problems().forEach(err::println);
        err.printf("Not planned: %d problem(s) in the manifests.%n", checked.problems().size());
        return 1;
      }
      out.println(live
          ? "Planning against the AWS account of the current credentials (reading only)."
          : "Planning against an empty account: " + noCredentials.get() + ". Every object shows as absent.");
      out.println("The command line reads no cluster: Kubernetes objects (the Fluent Bit ConfigMap) show as absent.");
      int changes = 0;
      int resources = 0;
      for (Manifest manifest : checked.valid()) {
        PlannableKind<?, ?, ?> kind = kinds.get(manifest.kind());
        if (kind == null) {
          continue;
        }
        out.println();
        PlannableKind.Report report;
        try {
          report = kind.planManifest(manifest.object(), live);
        } catch (RuntimeException e) {
          Failure failure = FailureClassifier.classify(e);
          err.println(manifest.resource() + ": AWS could not be read: " + failure.message());
          return 2;
        }
        report.lines().forEach(out::println);
        changes += report.changes();
        resources++;
      }
      out.printf("%n%d resource(s), %d change(s).%n", resources, changes);
      return 0;
    }
  }

  private static Optional<String> missingCredentials() {
    try (var provider = DefaultCredentialsProvider.builder().build()) {
      provider.resolveCredentials();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("no AWS credentials were found");
    }
  }
}
