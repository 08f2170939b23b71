package dev.kaizen.operator.cron.eventbridge;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A command and its arguments as one POSIX shell line (what SSM's AWS-RunShellScript runs). */
final class ShellWords {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  /** {@code [sh, -c, SCRIPT]} is SCRIPT itself; anything else is quoted word by word. */
  static String join(List<String> command) {
    if (command.size() == 3 && (command.get(0).equals("sh") || command.get(0).equals("/bin/sh")
        || command.get(0).equals("bash") || command.get(0).equals("/bin/bash")) && command.get(1).equals("-c")) {
      return command.get(2);
    }
    return command.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  static String quote(String word) {
    if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }
}
