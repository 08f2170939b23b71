package dev.kaizen.lab.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaizen demo [DIR|FILE...]}: the operator at work on the examples, embedded. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the operator - the same wiring as `kaizen run` - against an embedded Kubernetes API and an"
        + " embedded AWS in this process, applies the manifests (default: examples/), and shows them converge; then"
        + " changes things behind the operator's back and shows them corrected, and shows a resource refusing an"
        + " object it does not own. Nothing outside this process is touched."})
public final class DemoCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "DIR|FILE", description = "Manifests to apply. Default: examples/.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--no-drift", description = "Stop once everything settled: no drift, no foreign object.")
  boolean noDrift;

  @Option(names = "--keep-running", description = "Keep the cluster, AWS and operator up afterwards, with a"
      + " kubeconfig for kubectl; Ctrl-C stops.")
  boolean keepRunning;

  @Option(names = "--latency", defaultValue = "PT0S",
      description = "Added to every embedded AWS call (ISO-8601, e.g. PT0.05S). Default: none.")
  Duration latency;

  @Option(names = "--plain", description = "Plain lines even on a terminal (they are the default when output is"
      + " not a terminal).")
  boolean plain;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    List<Path> manifests = paths.isEmpty() ? List.of(defaultExamples()) : paths;
    var timings = new DemoWorld.Timings(DemoWorld.Timings.DEMO.resync(), DemoWorld.Timings.DEMO.fullObserve(),
        DemoWorld.Timings.DEMO.mailRecheck(), DemoWorld.Timings.DEMO.sesVerifies(), latency);
    try (DemoWorld world = new DemoWorld(timings)) {
      List<String> problems = world.read(manifests);
      if (!problems.isEmpty()) {
        problems.forEach(p -> System.err.println("kaizen demo: " + p));
        return 2;
      }
      List<String> seeded = world.prepare();
      header(out, world, seeded);
      Demo.Output display = plain || System.console() == null ? new PlainLines(out) : new TerminalTable();
      DemoReport report;
      Demo demo = new Demo(world, display, Demo.Limits.DEFAULT);
      try {
        report = demo.run(!noDrift);
      } finally {
        if (display instanceof TerminalTable table) {
          table.close();
        }
      }
      out.println();
      Demo.summary(report).forEach(out::println);
      if (keepRunning) {
        Path kubeconfig = world.cluster().writeKubeconfig(Path.of(System.getProperty("java.io.tmpdir"),
            "kaizen-demo-" + ProcessHandle.current().pid() + ".kubeconfig"));
        out.println();
        out.println("Still running (Ctrl-C stops). Try, in another terminal:");
        out.println("  export KUBECONFIG=" + kubeconfig);
        out.println("  kubectl get logpipelines,mailroutes,cronjobsets,solrclusters -A");
        out.println("  kubectl describe logpipeline web -n shop");
        out.println("  kubectl wait --for=condition=Ready logpipeline/web -n shop");
        demo.follow(new PlainLines(out));
      }
      return report.settled() && report.corrected().size() == report.drift().size()
          && report.foreign().map(f -> f.stalled() && report.foreignUntouched()).orElse(true) ? 0 : 1;
    }
  }

  private static void header(PrintStream out, DemoWorld world, List<String> seeded) {
    out.println("kaizen demo: an embedded Kubernetes API and an embedded AWS, both in this process. Nothing outside"
        + " it is touched: no cluster, no AWS account, no DNS, no Solr.");
    out.println("The operator is `kaizen run`'s (its wiring and settings, parsed from the same options): "
        + String.join(" ", world.runOptions()));
    out.println("Shortened for a one-minute demo: resync " + world.timings().resync().toSeconds() + " s and full"
        + " observe " + world.timings().fullObserve().toSeconds() + " s (production: 10 min and 6 h), MailRoute"
        + " rechecks every " + world.timings().mailRecheck().toSeconds() + " s (10 s / 1 min), SES verifies DKIM "
        + world.timings().sesVerifies().toSeconds() + " s after its records appear (minutes to 72 h).");
    out.println("Applying " + world.namespaces() + " Namespaces and " + world.resources().size() + " resources"
        + (world.skipped() > 0 ? " (" + world.skipped() + (world.skipped() == 1 ? " document" : " documents")
            + " of other API groups skipped)" : "")
        + ". Seeded first, as nobody keeps them in Git:");
    seeded.forEach(line -> out.println("  - " + line));
    String log = System.getProperty(dev.kaizen.operator.cli.LogConfigurator.FILE_PROPERTY);
    if (log != null) {
      out.println("The operator's own log: " + log);
    }
    out.println();
  }

  /** examples/ here, else the clone's (the kaizen script says where it is). */
  private static Path defaultExamples() {
    Path here = Path.of("examples");
    String home = System.getProperty("kaizen.home");
    return Files.isDirectory(here) || home == null ? here : Path.of(home, "examples");
  }
}
