package dev.kaizen.operator.cron;

import dev.kaizen.operator.cron.schedule.ScheduleException;
import dev.kaizen.operator.cron.schedule.ScheduleParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a crontab, as {@code crontab -l} prints it, into a CronJobSet manifest: each job keeps its original line as a
 * comment, environment lines become the set's env, and every line that cannot be carried over ({@code @reboot},
 * {@code MAILTO}, a schedule Kubernetes cannot run) is reported by number, never dropped silently.
 *
 * <p>Commands run as cron runs them: {@code sh -c '<command>'}. An unescaped {@code %} ends the command and starts
 * its standard input, each further {@code %} a new line (crontab(5)); that input is piped in with printf, and
 * {@code \%} becomes {@code %}.
 */
public final class CrontabImporter {
  private static final Pattern ENV = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");
  private static final Pattern MACRO_LINE = Pattern.compile("\\s*(@[A-Za-z]+)\\s+(.+)");
  private static final Pattern CRON_LINE = Pattern.compile("\\s*((?:\\S+\\s+){4}\\S+)\\s+(.+)");

  /** What the import asks for: the set's name, namespace, time zone and image. */
  public record Options(String name, String namespace, String timeZone, String image) {}

  /** A job carried over: its name, schedule, command and the line it came from. */
  public record ImportedJob(String name, String schedule, String command, int line, String original,
      List<String> comments) {}

  /** A line not carried over, and why. */
  public record Skipped(int line, String text, String reason) {
    public String describe() {
      return "line " + line + ": " + text + " -- not carried over: " + reason;
    }
  }

  /** The manifest and what was left out. */
  public record Result(String manifest, List<ImportedJob> jobs, List<Skipped> skipped) {}

  private CrontabImporter() {}

  public static Result importCrontab(String crontab, Options options) {
    List<ImportedJob> jobs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    List<String> comments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String timeZone = options.timeZone();
    String[] lines = crontab.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty()) {
        comments.clear();
        continue;
      }
      if (line.startsWith("#")) {
        comments.add(line.substring(1).strip());
        continue;
      }
      Matcher variable = ENV.matcher(line);
      if (variable.matches() && !line.startsWith("@")) {
        String name = variable.group(1);
        String value = unquote(variable.group(2));
        switch (name) {
          case "MAILTO" -> skipped.add(new Skipped(number, line, "cron mailed each job's output to " + (value.isEmpty()
              ? "nobody" : value) + "; the output is in the Jobs' logs, and JobsHealthy=False with a Warning event"
              + " says when a job stops succeeding"));
          case "SHELL" -> {
            if (!value.equals("/bin/sh")) {
              skipped.add(new Skipped(number, line, "commands run with sh -c, not " + value
                  + "; wrap a command in " + value + " -c '...' if it needs that shell"));
            }
          }
          case "CRON_TZ", "TZ" -> {
            if (timeZone == null) {
              timeZone = value;
            } else if (!timeZone.equals(value)) {
              skipped.add(new Skipped(number, line, "the set's time zone is " + timeZone + " (--time-zone)"));
            }
          }
          default -> env.put(name, value);
        }
        comments.clear();
        continue;
      }
      String schedule;
      String command;
      Matcher macro = MACRO_LINE.matcher(line);
      Matcher cron = CRON_LINE.matcher(line);
      if (macro.matches()) {
        schedule = macro.group(1);
        command = macro.group(2);
      } else if (cron.matches()) {
        schedule = cron.group(1).replaceAll("\\s+", " ");
        command = cron.group(2);
      } else {
        skipped.add(new Skipped(number, line, "neither a job (schedule and command), a variable nor a comment"));
        continue;
      }
      try {
        ScheduleParser.parse(schedule);
      } catch (ScheduleException e) {
        skipped.add(new Skipped(number, line, e.getMessage()));
        comments.clear();
        continue;
      }
      jobs.add(new ImportedJob(uniqueName(command, names), schedule, shellCommand(command), number, line,
          List.copyOf(comments)));
      comments.clear();
    }
    return new Result(render(options, timeZone, env, jobs, skipped), jobs, skipped);
  }

  /** A job name from the command's program: {@code /opt/shop/bin/export-orders.sh --x} -> {@code export-orders}. */
  static String uniqueName(String command, Set<String> taken) {
    String program = command.strip().split("\\s+")[0];
    program = program.substring(program.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]+$", "");
    String base = program.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "job";
    }
    base = base.length() > 40 ? base.substring(0, 40).replaceAll("-+$", "") : base;
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** The command as {@code sh -c} runs it, with crontab's {@code %} (standard input) handling. */
  static String shellCommand(String command) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '%') {
        current.append('%');
        i++;
      } else if (c == '%') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    String run = parts.get(0).strip();
    if (parts.size() == 1) {
      return run;
    }
    StringBuilder input = new StringBuilder("printf '%s\\n'");
    parts.subList(1, parts.size()).forEach(part -> input.append(' ').append(shellQuote(part)));
    return input + " | " + run;
  }

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String render(Options options, String timeZone, Map<String, String> env, List<ImportedJob> jobs,
      List<Skipped> skipped) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Imported from a crontab by `kaizen import crontab`.\n");
    if (!skipped.isEmpty()) {
      yaml.append("# Not carried over:\n");
      skipped.forEach(s -> yaml.append("#   ").append(s.describe().replace("\n", " ")).append('\n'));
    }
    yaml.append("apiVersion: kaizen.dev/v1alpha1\nkind: CronJobSet\nmetadata:\n");
    yaml.append("  name: ").append(quote(options.name())).append('\n');
    yaml.append("  namespace: ").append(quote(options.namespace())).append('\n');
    yaml.append("spec:\n");
    if (timeZone == null) {
      yaml.append("  # No time zone was given (--time-zone) or found (CRON_TZ=): the server's zone is not known here.\n");
      yaml.append("  timeZone: \"\"\n");
    } else {
      yaml.append("  timeZone: ").append(quote(timeZone)).append('\n');
    }
    yaml.append("  image: ").append(quote(options.image())).append('\n');
    if (!env.isEmpty()) {
      yaml.append("  env:\n");
      env.forEach((name, value) -> yaml.append("    - name: ").append(quote(name)).append("\n      value: ")
          .append(quote(value)).append('\n'));
    }
    yaml.append("  jobs:");
    yaml.append(jobs.isEmpty() ? " []\n" : "\n");
    for (ImportedJob job : jobs) {
      job.comments().forEach(comment -> yaml.append("    # ").append(comment).append('\n'));
      yaml.append("    # line ").append(job.line()).append(": ").append(job.original()).append('\n');
      yaml.append("    - name: ").append(quote(job.name())).append('\n');
      yaml.append("      schedule: ").append(quote(job.schedule())).append('\n');
      yaml.append("      command: [sh, -c, ").append(quote(job.command())).append("]\n");
    }
    return yaml.toString();
  }

  /** A YAML double-quoted scalar (JSON string escapes are valid in it). */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
