package dev.kaizen.operator.cli;

import picocli.CommandLine.Command;

/** {@code kaizen import}: brings existing configuration into manifests. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Prints manifests for existing configuration.", subcommands = {ImportCrontabCommand.class})
public final class ImportCommand {}
