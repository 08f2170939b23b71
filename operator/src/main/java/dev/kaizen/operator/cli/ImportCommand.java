package dev.kaizen.operator.cli;

import picocli.CommandLine.Command;

/** {@code kaizen import <what>}: manifests written from what an account already holds; each kind adds its own. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Print manifests (adopt: true) for what an AWS account already holds, to move it into Git.",
    subcommands = {ImportLogGroupsCommand.class})
public final class ImportCommand {}
