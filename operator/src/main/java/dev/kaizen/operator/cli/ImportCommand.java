package dev.kaizen.operator.cli;

import picocli.CommandLine.Command;

/** {@code kaizen import <what>}: manifests written from existing configuration; each kind adds its own. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Print manifests for existing configuration (a crontab, an account's log groups), to move it"
        + " into Git.",
    subcommands = {ImportCrontabCommand.class, ImportLogGroupsCommand.class})
public final class ImportCommand {}
