package dev.kaizen.operator.logs.fluentbit;

import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Command;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Entry;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Problem;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A checker of Fluent Bit's classic configuration format, for what the operator renders.
 *
 * <p>Syntax rules follow Fluent Bit's own reader ({@code flb_cf_fluentbit.c}): a line starting with
 * {@code #} is a comment; {@code @INCLUDE} and {@code @SET} commands and {@code [SECTION]} headers
 * start in column 0; every other non-blank line is an indented entry {@code KEY VALUE}, separated
 * by a space, with a non-empty value; the first indented line fixes the indentation of the whole
 * file and every later line must use exactly the same (tabs and spaces are not interchangeable);
 * end-of-line comments do not exist ({@code #} inside a value is part of the value).
 *
 * <p>On top of the syntax: FILTER and OUTPUT sections need {@code Name} and {@code Match} (or
 * {@code Match_Regex}), and for the plugins the operator renders ({@code rewrite_tag}, {@code
 * grep}, {@code cloudwatch_logs}) each key must be one the plugin documents (Fluent Bit itself
 * refuses unknown keys of a plugin with a config map), required keys must be present, and rule
 * values must be well-formed. Regular expressions are compiled with {@code java.util.regex}, an
 * approximation of Fluent Bit's Onigmo for the simple patterns we use.
 */
public final class FluentBitConfigParser {

  private static final Set<String> SECTIONS =
      Set.of(
          "SERVICE", "INPUT", "FILTER", "OUTPUT", "PARSER", "MULTILINE_PARSER", "PLUGINS",
          "UPSTREAM", "NODE", "STREAM_TASK", "CUSTOM");

  /** Properties Fluent Bit handles for every filter instance. */
  private static final Set<String> FILTER_COMMON =
      Set.of("name", "match", "match_regex", "alias", "log_level", "log_suppress_interval");

  /** Properties Fluent Bit handles for every output instance (plus tls.* and net.*). */
  private static final Set<String> OUTPUT_COMMON =
      Set.of(
          "name", "match", "match_regex", "alias", "log_level", "log_suppress_interval",
          "retry_limit", "workers", "host", "port", "ipv6", "keepalive", "keepalive_timeout",
          "storage.total_limit_size", "tls");

  private static final Set<String> REWRITE_TAG_KEYS =
      Set.of("rule", "emitter_name", "emitter_storage.type", "emitter_mem_buf_limit");

  private static final Set<String> GREP_KEYS = Set.of("regex", "exclude", "logical_op");

  /** The cloudwatch_logs plugin's config map (plugins/out_cloudwatch_logs) and its docs page. */
  private static final Set<String> CLOUDWATCH_LOGS_KEYS =
      Set.of(
          "region", "log_group_name", "log_group_template", "log_stream_name",
          "log_stream_prefix", "log_stream_template", "log_key", "extra_user_agent", "log_format",
          "role_arn", "auto_create_group", "auto_retry_requests", "log_retention_days",
          "endpoint", "sts_endpoint", "external_id", "metric_namespace", "metric_dimensions",
          "profile", "log_group_class", "add_entity");

  private static final Set<String> BOOLEANS =
      Set.of("true", "false", "on", "off", "yes", "no");

  /** {@code $key}, {@code $key['sub']['sub2']}, {@code $key[0]}. */
  static final Pattern RECORD_ACCESSOR =
      Pattern.compile("\\$[A-Za-z0-9_@-]+(\\['[^'\\]]+'\\]|\\[[0-9]+\\])*");

  private static final Pattern TAG_LITERAL = Pattern.compile("[A-Za-z0-9._,-]+");

  private FluentBitConfigParser() {}

  /** Only the problems: an empty list means the text passed every check. */
  public static List<Problem> check(String text) {
    return parse(text).problems();
  }

  public static FluentBitConfig parse(String text) {
    List<Problem> problems = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    List<Command> commands = new ArrayList<>();

    String indent = null;
    int sectionLine = 0;
    String sectionName = null;
    List<Entry> entries = null;

    String[] lines = text.split("\n", -1);
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--; // the text ends with a line break
    }
    for (int i = 0; i < count; i++) {
      int n = i + 1;
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      if (line.charAt(0) == '@') {
        commands.add(command(n, line, problems));
        continue;
      }
      if (line.charAt(0) == '[') {
        if (sectionName != null) {
          finishSection(sectionLine, sectionName, entries, sections, problems);
        }
        int end = line.indexOf(']');
        if (end < 0) {
          problems.add(new Problem(n, "section header without closing ']'"));
          sectionName = null;
          entries = null;
          continue;
        }
        if (!line.substring(end + 1).isBlank()) {
          problems.add(new Problem(n, "text after the section header"));
        }
        String name = line.substring(1, end).trim();
        if (!SECTIONS.contains(name.toUpperCase(Locale.ROOT))) {
          problems.add(new Problem(n, "unknown section [" + name + "]"));
        }
        sectionName = name;
        sectionLine = n;
        entries = new ArrayList<>();
        continue;
      }

      String lead = leadingBlanks(line);
      if (lead.length() == line.length()) {
        // A blank line of only spaces/tabs: Fluent Bit still checks its indentation.
        if (indent != null && !lead.startsWith(indent)) {
          problems.add(new Problem(n, "whitespace-only line with inconsistent indentation"));
        }
        continue;
      }
      if (lead.isEmpty()) {
        problems.add(
            new Problem(
                n,
                sectionName == null
                    ? "key/value outside of a section"
                    : "key/value must be indented"));
        continue;
      }
      if (indent == null) {
        indent = lead;
      } else if (!lead.equals(indent)) {
        problems.add(
            new Problem(
                n,
                "inconsistent indentation: "
                    + describe(lead)
                    + " where the file uses "
                    + describe(indent)));
        continue;
      }
      String content = line.substring(lead.length());
      if (content.charAt(0) == '#') {
        continue;
      }
      if (sectionName == null) {
        problems.add(new Problem(n, "key/value outside of a section"));
        continue;
      }
      if (content.charAt(0) == '[') {
        problems.add(new Problem(n, "groups inside a section are not supported by this checker"));
        continue;
      }
      int space = content.indexOf(' ');
      if (space < 0) {
        problems.add(
            new Problem(
                n,
                content.indexOf('\t') >= 0
                    ? "key and value must be separated by a space, not a tab"
                    : "key without a value: " + content));
        continue;
      }
      String key = content.substring(0, space);
      if (key.indexOf('\t') >= 0) {
        problems.add(new Problem(n, "key and value must be separated by a space, not a tab"));
        continue;
      }
      String value = content.substring(space + 1).strip();
      if (value.isEmpty()) {
        problems.add(new Problem(n, "key " + key + " has an empty value"));
        continue;
      }
      entries.add(new Entry(n, key, value));
    }
    if (sectionName != null) {
      finishSection(sectionLine, sectionName, entries, sections, problems);
    }

    checkEmitterNames(sections, problems);
    problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new FluentBitConfig(sections, commands, problems);
  }

  private static Command command(int n, String line, List<Problem> problems) {
    int space = line.indexOf(' ');
    String name = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    String arg = space < 0 ? "" : line.substring(space + 1).strip();
    switch (name) {
      case "@INCLUDE" -> {
        if (arg.isEmpty()) {
          problems.add(new Problem(n, "@INCLUDE without a file"));
        }
      }
      case "@SET" -> {
        int eq = arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1) {
          problems.add(new Problem(n, "@SET needs KEY=VALUE"));
        }
      }
      default -> problems.add(new Problem(n, "unknown command " + name));
    }
    return new Command(n, name, arg);
  }

  private static void finishSection(
      int line, String name, List<Entry> entries, List<Section> sections, List<Problem> problems) {
    Section s = new Section(line, name, entries);
    sections.add(s);
    checkSection(s, problems);
  }

  /**
   * The checks of one section, whichever format it was read from: required and known keys of the plugins the
   * operator renders, well-formed rules and regexes.
   */
  static void checkSection(Section s, List<Problem> problems) {
    int line = s.line();
    String name = s.name();
    List<Entry> entries = s.entries();
    if (entries.isEmpty()) {
      problems.add(new Problem(line, "section [" + name + "] has no entries"));
      return;
    }
    String kind = name.toUpperCase(Locale.ROOT);
    if (kind.equals("INPUT") || kind.equals("FILTER") || kind.equals("OUTPUT")
        || kind.equals("PARSER")) {
      requireOnce(s, "Name", problems);
    }
    if (kind.equals("FILTER") || kind.equals("OUTPUT")) {
      List<String> match = s.values("Match");
      List<String> matchRegex = s.values("Match_Regex");
      if (match.isEmpty() && matchRegex.isEmpty()) {
        problems.add(new Problem(line, "[" + name + "] " + s.plugin() + " has no Match"));
      } else if (match.size() + matchRegex.size() > 1) {
        problems.add(new Problem(line, "[" + name + "] has more than one Match/Match_Regex"));
      }
      for (Entry e : entries) {
        if (e.key().equalsIgnoreCase("Match_Regex")) {
          compile(e, e.value(), problems);
        }
      }
    }
    if (kind.equals("FILTER")) {
      switch (s.plugin()) {
        case "rewrite_tag" -> checkRewriteTag(s, problems);
        case "grep" -> checkGrep(s, problems);
        default -> {}
      }
    }
    if (kind.equals("OUTPUT") && s.plugin().equals("cloudwatch_logs")) {
      checkCloudWatchLogs(s, problems);
    }
  }

  private static void checkRewriteTag(Section s, List<Problem> problems) {
    allowedKeys(s, FILTER_COMMON, REWRITE_TAG_KEYS, Set.of(), problems);
    singleValued(s, Set.of("emitter_name", "emitter_storage.type", "emitter_mem_buf_limit"),
        problems);
    boolean anyRule = false;
    for (Entry e : s.entries()) {
      if (!e.key().equalsIgnoreCase("Rule")) {
        continue;
      }
      anyRule = true;
      String[] parts = e.value().trim().split("[ \t]+");
      if (parts.length != 4) {
        problems.add(
            new Problem(
                e.line(),
                "rewrite_tag Rule needs 4 parts ($KEY REGEX NEW_TAG KEEP), found "
                    + parts.length));
        continue;
      }
      if (!RECORD_ACCESSOR.matcher(parts[0]).matches()) {
        problems.add(new Problem(e.line(), "rewrite_tag Rule key is not a record accessor: "
            + parts[0]));
      }
      compile(e, parts[1], problems);
      if (!parts[2].contains("$") && !TAG_LITERAL.matcher(parts[2]).matches()) {
        problems.add(new Problem(e.line(), "rewrite_tag new tag has invalid characters: "
            + parts[2]));
      }
      String keep = parts[3].toLowerCase(Locale.ROOT);
      if (!keep.equals("true") && !keep.equals("false")) {
        problems.add(new Problem(e.line(), "rewrite_tag KEEP must be true or false: " + parts[3]));
      }
    }
    if (!anyRule) {
      problems.add(new Problem(s.line(), "rewrite_tag without a Rule"));
    }
  }

  private static void checkGrep(Section s, List<Problem> problems) {
    allowedKeys(s, FILTER_COMMON, GREP_KEYS, Set.of(), problems);
    singleValued(s, Set.of("logical_op"), problems);
    int regex = 0;
    int exclude = 0;
    boolean regexBeforeExclude = false;
    for (Entry e : s.entries()) {
      boolean isRegex = e.key().equalsIgnoreCase("Regex");
      boolean isExclude = e.key().equalsIgnoreCase("Exclude");
      if (!isRegex && !isExclude) {
        continue;
      }
      if (isRegex) {
        regex++;
      } else {
        exclude++;
        regexBeforeExclude |= regex > 0;
      }
      int space = e.value().indexOf(' ');
      if (space < 0) {
        problems.add(new Problem(e.line(), "grep " + e.key() + " needs KEY REGEX"));
        continue;
      }
      String key = e.value().substring(0, space);
      String pattern = e.value().substring(space + 1).strip();
      if (pattern.isEmpty()) {
        problems.add(new Problem(e.line(), "grep " + e.key() + " needs KEY REGEX"));
        continue;
      }
      String accessor = key.startsWith("$") ? key : "$" + key;
      if (!RECORD_ACCESSOR.matcher(accessor).matches()) {
        problems.add(new Problem(e.line(), "grep key is not a record accessor: " + key));
      }
      compile(e, pattern, problems);
    }
    if (regex + exclude == 0) {
      problems.add(new Problem(s.line(), "grep without a Regex or Exclude rule"));
    }
    String op = s.value("Logical_Op").map(v -> v.toLowerCase(Locale.ROOT)).orElse("legacy");
    switch (op) {
      case "and", "or" -> {
        if (regex > 0 && exclude > 0) {
          problems.add(new Problem(s.line(), "grep Logical_Op cannot combine Regex and Exclude"));
        }
      }
      case "legacy" -> {
        // Legacy mode keeps a record as soon as one Regex matches and drops it as soon as one
        // does not, so a second Regex (or an Exclude after a Regex) is never evaluated.
        if (regex > 1) {
          problems.add(
              new Problem(
                  s.line(),
                  "grep in legacy mode only evaluates the first Regex; use Logical_Op or one"
                      + " grep filter per rule"));
        }
        if (regexBeforeExclude) {
          problems.add(new Problem(s.line(), "grep in legacy mode: Exclude after Regex is"
              + " never evaluated"));
        }
      }
      default -> problems.add(new Problem(s.line(), "grep Logical_Op must be AND, OR or legacy"));
    }
  }

  private static void checkCloudWatchLogs(Section s, List<Problem> problems) {
    allowedKeys(s, OUTPUT_COMMON, CLOUDWATCH_LOGS_KEYS, Set.of("tls.", "net."), problems);
    singleValued(s, CLOUDWATCH_LOGS_KEYS, problems);
    if (s.value("region").isEmpty()) {
      problems.add(new Problem(s.line(), "cloudwatch_logs needs region"));
    }
    if (s.value("log_group_name").isEmpty()) {
      problems.add(new Problem(s.line(), "cloudwatch_logs needs log_group_name"));
    }
    boolean name = s.value("log_stream_name").isPresent();
    boolean prefix = s.value("log_stream_prefix").isPresent();
    if (name == prefix) {
      problems.add(
          new Problem(
              s.line(),
              "cloudwatch_logs needs exactly one of log_stream_name and log_stream_prefix"));
    }
    for (Entry e : s.entries()) {
      String k = e.key().toLowerCase(Locale.ROOT);
      if ((k.equals("auto_create_group") || k.equals("auto_retry_requests"))
          && !BOOLEANS.contains(e.value().toLowerCase(Locale.ROOT))) {
        problems.add(new Problem(e.line(), e.key() + " must be a boolean: " + e.value()));
      }
      if (k.equals("log_stream_template") || k.equals("log_group_template")) {
        String err = templateProblem(e.value());
        if (err != null) {
          problems.add(new Problem(e.line(), e.key() + ": " + err));
        }
      }
    }
  }

  /**
   * Fluent Bit's record accessor templates: a variable may only be followed by {@code .}, {@code ,}
   * or the end of the template (cloudwatch_logs documentation, "Limitations").
   */
  static String templateProblem(String template) {
    if (template.chars().anyMatch(Character::isWhitespace)) {
      return "template contains whitespace";
    }
    int i = 0;
    while (i < template.length()) {
      if (template.charAt(i) != '$') {
        i++;
        continue;
      }
      Matcher m = RECORD_ACCESSOR.matcher(template).region(i, template.length());
      if (!m.lookingAt()) {
        return "invalid record accessor at position " + i;
      }
      int end = m.end();
      if (end < template.length()) {
        char next = template.charAt(end);
        if (next != '.' && next != ',') {
          return "a template variable must be followed by '.', ',' or the end, not '" + next
              + "'";
        }
      }
      i = end;
    }
    return null;
  }

  private static void allowedKeys(
      Section s, Set<String> common, Set<String> plugin, Set<String> prefixes,
      List<Problem> problems) {
    for (Entry e : s.entries()) {
      String k = e.key().toLowerCase(Locale.ROOT);
      if (common.contains(k) || plugin.contains(k)
          || prefixes.stream().anyMatch(k::startsWith)) {
        continue;
      }
      problems.add(new Problem(e.line(), "unknown " + s.plugin() + " key " + e.key()));
    }
  }

  private static void singleValued(Section s, Set<String> keys, List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (Entry e : s.entries()) {
      String k = e.key().toLowerCase(Locale.ROOT);
      if (keys.contains(k) && seen.merge(k, 1, Integer::sum) == 2) {
        problems.add(new Problem(e.line(), "duplicate key " + e.key()));
      }
    }
  }

  private static void requireOnce(Section s, String key, List<Problem> problems) {
    int n = s.values(key).size();
    if (n == 0) {
      problems.add(new Problem(s.line(), "[" + s.name() + "] has no " + key));
    } else if (n > 1) {
      problems.add(new Problem(s.line(), "[" + s.name() + "] has more than one " + key));
    }
  }

  static void checkEmitterNames(List<Section> sections, List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (Section s : sections) {
      if (!s.plugin().equals("rewrite_tag")) {
        continue;
      }
      s.value("Emitter_Name")
          .ifPresent(
              name -> {
                Integer first = seen.putIfAbsent(name, s.line());
                if (first != null) {
                  problems.add(
                      new Problem(
                          s.line(),
                          "Emitter_Name " + name + " already used by the filter on line "
                              + first));
                }
              });
    }
  }

  private static void compile(Entry e, String regex, List<Problem> problems) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException ex) {
      problems.add(
          new Problem(e.line(), "regular expression does not compile: " + ex.getDescription()));
    }
  }

  private static String leadingBlanks(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }

  private static String describe(String indent) {
    long tabs = indent.chars().filter(c -> c == '\t').count();
    long spaces = indent.length() - tabs;
    if (tabs == 0) {
      return spaces + " space" + (spaces == 1 ? "" : "s");
    }
    if (spaces == 0) {
      return tabs + " tab" + (tabs == 1 ? "" : "s");
    }
    return "a mix of " + tabs + " tab(s) and " + spaces + " space(s)";
  }
}
