package dev.kaizen.operator.cli;

import dev.kaizen.operator.cron.CrontabImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaizen import crontab FILE}: a crontab as {@code crontab -l} prints it, printed as a CronJobSet manifest. */
@Command(name = "crontab", mixinStandardHelpOptions = true,
    description = "Prints a CronJobSet manifest for a crontab (as `crontab -l` prints it; - for standard input)."
        + " Lines that cannot be carried over are listed on standard error and as comments in the manifest.")
public final class ImportCrontabCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The crontab file, or - for standard input.")
  String file;

  @Option(names = "--name", defaultValue = "crontab", description = "The CronJobSet's name. Default: ${DEFAULT-VALUE}.")
  String name;

  @Option(names = {"-n", "--namespace"}, defaultValue = "default",
      description = "The CronJobSet's namespace. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Option(names = "--time-zone", description = "The IANA time zone the server ran cron in, e.g. Europe/Berlin (else"
      + " CRON_TZ= from the crontab). Without either the manifest is not valid until you set spec.timeZone.")
  String timeZone;

  @Option(names = "--image", defaultValue = "busybox:1.36",
      description = "The container image the jobs run in. Default: ${DEFAULT-VALUE}.")
  String image;

  @Override
  public Integer call() throws IOException {
    String crontab = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
        : Files.readString(Path.of(file));
    var result = CrontabImporter.importCrontab(crontab,
        new CrontabImporter.Options(name, namespace, timeZone, image));
    spec.commandLine().getOut().print(result.manifest());
    spec.commandLine().getOut().flush();
    result.skipped().forEach(skipped -> spec.commandLine().getErr().println(skipped.describe()));
    spec.commandLine().getErr().printf("%d job(s) imported, %d line(s) not carried over.%n", result.jobs().size(),
        result.skipped().size());
    return 0;
  }
}
