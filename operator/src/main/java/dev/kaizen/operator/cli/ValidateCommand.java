package dev.kaizen.operator.cli;

import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.Problem;
import dev.kaizen.operator.mail.DnsResolver;
import dev.kaizen.operator.mail.JndiDnsResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check manifests against the CRD schemas, their CEL rules and the operator's own checks, and"
        + " across manifests (the same resource twice, two resources claiming one AWS object).",
        "Prints one line per problem (file: resource: field: message); exits 1 on any problem, and when no"
        + " kaizen.dev manifest is found at all (unless --allow-empty).",
        "Documents of other API groups are skipped; a group one typo away from kaizen.dev is a problem."})
public final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR|-", arity = "1..*", description = "Manifests, directories searched for"
      + " *.yaml, *.yml and *.json, or - for standard input (e.g. kustomize build overlays/prod | kaizen validate -).")
  List<Path> paths;

  @Option(names = "--baseline", paramLabel = "DIR", description = "The same manifests as they are now (e.g. a"
      + " checkout of the main branch): rules that compare old and new values, such as immutable names, are"
      + " checked against it.")
  Path baseline;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = ManifestCheck.DEFAULT_NAMESPACE,
      description = "The namespace of manifests that set no metadata.namespace, as kubectl -n or an Argo CD"
          + " application's destination namespace (default: ${DEFAULT-VALUE}). It decides default log group names"
          + " and which manifests collide.")
  String namespace;

  @Option(names = "--region", paramLabel = "REGION", description = "The operator's region, where resources without"
      + " spec.region land: then a group named in eu-west-1 and the same group of a resource without a region collide."
      + " Without it, only resources that both omit the region, or both name the same one, are compared.")
  String region;

  @Option(names = "--no-dns", arity = "0..1", fallbackValue = "true",
      defaultValue = "${env:KAIZEN_NO_DNS:-false}",
      description = "Do not query DNS: a MailRoute's apex SPF includes then count one lookup each (the least the"
          + " record costs) instead of being resolved recursively as the operator does (env KAIZEN_NO_DNS;"
          + " --no-dns=false overrides it). Each include that could not be resolved is printed as a note either way.")
  boolean noDns;

  private final DnsResolver dns;

  public ValidateCommand() {
    this(new JndiDnsResolver());
  }

  /** @param dns the DNS MailRoutes' SPF includes are resolved with, unless --no-dns */
  ValidateCommand(DnsResolver dns) {
    this.dns = dns;
  }

  @Option(names = "--allow-empty", description = "Exit 0 when no kaizen.dev manifest is found. Without it, finding"
      + " none is an error, so that a mistyped path in CI does not pass unnoticed.")
  boolean allowEmpty;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var kinds = CommandLineKinds.all(CommandLineKinds.noAws(), Optional.empty(),
        noDns ? DnsResolver.NOT_QUERIED : dns);
    var check = new ManifestCheck(kinds, namespace, Optional.ofNullable(region), new ManifestReader());
    ManifestCheck.Result result = check.check(paths, Optional.ofNullable(baseline));
    result.notices().forEach(notice -> err.println("note: " + notice));
    spfNotes(kinds, result).forEach(note -> err.println("note: " + note));
    result.problems().forEach(err::println);
    String skipped = result.skipped() > 0 ? ", " + result.skipped() + " document(s) of other API groups skipped" : "";
    out.printf("%d resource(s) checked, %d problem(s)%s.%n", result.checked(), result.problems().size(), skipped);
    if (result.checked() == 0 && result.problems().isEmpty()) {
      String where = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
      if (allowEmpty) {
        out.println("No kaizen.dev manifest found in " + where + " (--allow-empty: not an error).");
        return 0;
      }
      err.println("No kaizen.dev manifest found in " + where + ": nothing was validated. Check the path, or pass"
          + " --allow-empty if that is expected.");
      return 1;
    }
    return result.problems().isEmpty() ? 0 : 1;
  }

  /** What the kinds say about valid manifests that is not a problem (SPF includes not resolved), at their field. */
  private static List<Problem> spfNotes(Map<String, PlannableKind<?, ?, ?>> kinds, ManifestCheck.Result result) {
    return result.valid().stream().flatMap(manifest -> Optional.ofNullable(kinds.get(manifest.kind())).stream()
        .flatMap(kind -> kind.notesOf(manifest.object()).stream())
        .map(note -> new Problem(manifest.file(), manifest.resource(), "spec.spf", note))).toList();
  }
}
