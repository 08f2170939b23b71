package dev.kaizen.operator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check manifests against the CRD schemas, their CEL rules and the operator's own checks.",
        "Prints one line per problem (file: resource: field: message); exits 1 on any problem.",
        "Documents of other API groups are skipped."})
public final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Manifests, or directories searched for"
      + " *.yaml and *.yml.")
  List<Path> paths;

  @Option(names = "--baseline", paramLabel = "DIR", description = "The same manifests as they are now (e.g. a"
      + " checkout of the main branch): rules that compare old and new values, such as immutable names, are"
      + " checked against it.")
  Path baseline;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var check = new ManifestCheck(CommandLineKinds.all(CommandLineKinds.noAws(), Optional.empty()));
    ManifestCheck.Result result = check.check(paths, Optional.ofNullable(baseline));
    result.problems().forEach(problem -> err.println(problem));
    String skipped = result.skipped() > 0 ? ", " + result.skipped() + " document(s) of other API groups skipped" : "";
    out.printf("%d resource(s) checked, %d problem(s)%s.%n", result.checked(), result.problems().size(), skipped);
    return result.problems().isEmpty() ? 0 : 1;
  }
}
