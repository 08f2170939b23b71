package dev.kaizen.operator.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of a command-line command as a user would see it: its exit code and what it printed on each stream. */
public record CommandLineRun(int exit, String out, String err) {

  /** Runs {@code command} (the whole {@code kaizen} command line, or one of its commands) with {@code args}. */
  public static CommandLineRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CommandLineRun(exit, out.toString(), err.toString());
  }
}
