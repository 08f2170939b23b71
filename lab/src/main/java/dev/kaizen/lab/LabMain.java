package dev.kaizen.lab;

import dev.kaizen.lab.bench.BenchCommand;
import dev.kaizen.lab.demo.DemoCommand;
import dev.kaizen.operator.cli.LogConfigurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The lab's command line: {@code kaizen demo} (and later {@code kaizen bench}): the operator against an embedded
 * cluster and an embedded AWS. The {@code kaizen} script sends these subcommands here and every other to the
 * operator's own jar.
 */
@Command(name = "kaizen", mixinStandardHelpOptions = true, subcommands = {DemoCommand.class, BenchCommand.class},
    description = "The operator at work in this process, against an embedded cluster and an embedded AWS.")
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) {
    // Before any logger exists: the operator's log goes to a file, so the demo's own output stays readable.
    if (System.getProperty(LogConfigurator.FILE_PROPERTY) == null) {
      System.setProperty(LogConfigurator.FILE_PROPERTY, System.getProperty("java.io.tmpdir") + "/kaizen-demo-"
          + ProcessHandle.current().pid() + ".log");
    }
    System.exit(new CommandLine(new LabMain()).execute(args));
  }
}
