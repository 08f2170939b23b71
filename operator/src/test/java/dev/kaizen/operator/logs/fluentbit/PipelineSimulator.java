package dev.kaizen.operator.logs.fluentbit;

import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Entry;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs records through a parsed configuration the way Fluent Bit routes them, for the plugins we
 * render: filters in file order on records whose tag they match; {@code rewrite_tag} (first
 * matching rule wins, the copy re-enters the pipeline from the start, KEEP decides the original's
 * fate); {@code grep} with the rule semantics of {@code plugins/filter_grep/grep.c} (legacy, AND,
 * OR; a missing key never matches); outputs take every surviving record whose tag they match.
 * Regexes are searched (not fully matched), as Onigmo's {@code onig_search} does.
 */
final class PipelineSimulator {

  record Delivery(String output, String tag, Map<String, Object> record) {}

  /**
   * What one input record cost: {@code processed} counts every time a filter or an output handled a record (the
   * input record and every copy rewrite_tag emitted), {@code copies} the records rewrite_tag emitted.
   */
  record Cost(List<Delivery> deliveries, int processed, int copies) {}

  private final List<Section> filters;
  private final List<Section> outputs;

  PipelineSimulator(FluentBitConfig config) {
    this.filters =
        config.sections().stream().filter(s -> s.name().equalsIgnoreCase("FILTER")).toList();
    this.outputs =
        config.sections().stream().filter(s -> s.name().equalsIgnoreCase("OUTPUT")).toList();
  }

  /** Every (output, tag, record) that leaves Fluent Bit for one input record. */
  List<Delivery> run(String tag, Map<String, Object> record) {
    return measure(tag, record).deliveries();
  }

  Cost measure(String tag, Map<String, Object> record) {
    int processed = 0;
    int copies = 0;
    List<Delivery> out = new ArrayList<>();
    Deque<String> pendingTags = new ArrayDeque<>();
    pendingTags.add(tag);
    int guard = 0;
    while (!pendingTags.isEmpty()) {
      if (++guard > 10_000) {
        throw new IllegalStateException("records loop through rewrite_tag");
      }
      String t = pendingTags.poll();
      boolean alive = true;
      for (Section f : filters) {
        if (!alive) {
          break;
        }
        if (!matches(f, t)) {
          continue;
        }
        processed++;
        switch (f.plugin()) {
          case "rewrite_tag" -> {
            for (String rule : f.values("Rule")) {
              String[] parts = rule.trim().split("[ \t]+");
              Optional<String> v = access(parts[0], record);
              if (v.isPresent() && Pattern.compile(parts[1]).matcher(v.get()).find()) {
                pendingTags.add(newTag(parts[2], record));
                copies++;
                alive = Boolean.parseBoolean(parts[3]);
                break;
              }
            }
          }
          case "grep" -> alive = grepKeeps(f, record);
          default -> throw new IllegalArgumentException("simulator has no " + f.plugin());
        }
      }
      if (alive) {
        for (Section o : outputs) {
          if (matches(o, t)) {
            processed++;
            out.add(new Delivery(o.plugin() + ":" + o.value("log_group_name").orElse(""), t,
                record));
          }
        }
      }
    }
    return new Cost(out, processed, copies);
  }

  /**
   * rewrite_tag's NEW_TAG: literal text with record accessors substituted; a key the record lacks adds nothing
   * (flb_ra_translate, not flb_ra_translate_check, in filter_rewrite_tag).
   */
  static String newTag(String template, Map<String, Object> record) {
    Matcher m = FluentBitConfigParser.RECORD_ACCESSOR.matcher(template);
    StringBuilder tag = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(tag, Matcher.quoteReplacement(access(m.group(), record).orElse("")));
    }
    m.appendTail(tag);
    return tag.toString();
  }

  private static boolean grepKeeps(Section f, Map<String, Object> record) {
    String op = f.value("Logical_Op").map(v -> v.toLowerCase(Locale.ROOT)).orElse("legacy");
    List<Entry> rules =
        f.entries().stream()
            .filter(e -> e.key().equalsIgnoreCase("Regex") || e.key().equalsIgnoreCase("Exclude"))
            .toList();
    if (op.equals("legacy")) {
      for (Entry e : rules) {
        boolean hit = ruleMatches(e, record);
        boolean isRegex = e.key().equalsIgnoreCase("Regex");
        if (!hit && isRegex) {
          return false;
        }
        if (hit) {
          return isRegex;
        }
      }
      return true;
    }
    boolean isRegex = rules.get(0).key().equalsIgnoreCase("Regex");
    boolean result = op.equals("and");
    for (Entry e : rules) {
      boolean hit = ruleMatches(e, record);
      result = op.equals("and") ? result && hit : result || hit;
    }
    return isRegex == result;
  }

  private static boolean ruleMatches(Entry e, Map<String, Object> record) {
    int space = e.value().indexOf(' ');
    String key = e.value().substring(0, space);
    String regex = e.value().substring(space + 1).strip();
    Optional<String> v = access(key.startsWith("$") ? key : "$" + key, record);
    return v.isPresent() && Pattern.compile(regex).matcher(v.get()).find();
  }

  private static boolean matches(Section s, String tag) {
    Optional<String> m = s.value("Match");
    if (m.isPresent()) {
      return TagMatch.matches(m.get(), tag);
    }
    return s.value("Match_Regex").map(r -> Pattern.compile(r).matcher(tag).matches()).orElse(false);
  }

  private static final Pattern SUBKEY = Pattern.compile("\\['([^']+)'\\]");

  /** Evaluates {@code $root['a']['b']}; only string values count, as in Fluent Bit. */
  static Optional<String> access(String accessor, Map<String, Object> record) {
    int bracket = accessor.indexOf('[');
    String root = accessor.substring(1, bracket < 0 ? accessor.length() : bracket);
    Object cur = record.get(root);
    if (bracket >= 0) {
      Matcher m = SUBKEY.matcher(accessor.substring(bracket));
      while (m.find()) {
        if (!(cur instanceof Map<?, ?> map)) {
          return Optional.empty();
        }
        cur = map.get(m.group(1));
      }
    }
    return cur instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
