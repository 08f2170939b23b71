package dev.kaizen.operator;


import dev.kaizen.operator.cli.ImportCommand;
import dev.kaizen.operator.cli.PlanCommand;
import dev.kaizen.operator.cli.RunCommand;
import dev.kaizen.operator.cli.ValidateCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: wiring only. */
@Command(name = "kaizen", mixinStandardHelpOptions = true, version = "kaizen-operator 0.1.0",
    description = "Keeps AWS infrastructure in Git as Kubernetes custom resources.",
    subcommands = {RunCommand.class, PlanCommand.class, ValidateCommand.class, ImportCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
