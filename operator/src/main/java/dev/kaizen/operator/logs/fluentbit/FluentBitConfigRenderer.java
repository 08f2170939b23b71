package dev.kaizen.operator.logs.fluentbit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the Fluent Bit configuration of one namespace's LogPipelines ({@link NamespaceRouting}), in YAML or in the
 * classic format.
 *
 * <p>The file is meant to be included by the cluster's Fluent Bit configuration <em>after</em> its {@code
 * kubernetes} filter, so that records already carry {@code kubernetes.namespace_name}, {@code kubernetes.labels},
 * {@code kubernetes.pod_name} and {@code kubernetes.container_name}.
 *
 * <p>Same input, byte-identical output: pipelines are sorted by name, labels and set values are sorted, nothing
 * depends on time or on hash iteration order.
 */
public final class FluentBitConfigRenderer {
  static final String INDENT = "    ";

  private static final int MAX_CONFIGMAP_KEY = 253;

  private FluentBitConfigRenderer() {}

  /** The output's alias, unique in the cluster: {@code kaizen.<namespace>.<name>} (shown in Fluent Bit's metrics). */
  public static String outputAlias(String namespace, String name) {
    return NamespaceRouting.TAG_PREFIX + "." + namespace + "." + name;
  }

  /**
   * The ConfigMap key holding a namespace's file: {@code <namespace>.yaml} or {@code <namespace>.conf}. A namespace is
   * a DNS-1123 label (at most 63 characters), so the key is always a valid ConfigMap key.
   */
  public static String key(String namespace, FluentBitFormat format) {
    if (!Labels.isDnsLabel(namespace)) {
      throw new IllegalArgumentException("invalid namespace: " + namespace);
    }
    return namespace + "." + format.extension();
  }

  /** The file of one namespace's pipelines (at least one, all of that namespace and input tag pattern). */
  public static String render(List<FluentBitPipeline> pipelines, FluentBitFormat format) {
    List<FluentBitPipeline> sorted = sortedChecked(pipelines);
    List<PluginSection> sections = NamespaceRouting.sections(sorted);
    return format == FluentBitFormat.YAML ? yaml(sorted, sections) : classic(sorted, sections);
  }

  /** The part of a file that belongs to no pipeline (the namespace's routing, the format's structure). */
  public static final String SHARED_PART = "";

  private static final Pattern HEADER_LINE = Pattern.compile("^# (\\S+): pods .*");
  private static final Pattern ALIAS_LINE =
      Pattern.compile("^\\s*(?:- )?alias:?\\s+'?" + NamespaceRouting.TAG_PREFIX + "\\.[^.\\s']+\\.([^'\\s]+)'?\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A namespace's file cut into its pipelines' parts (each one's header line and output, by pipeline name) and the
   * {@link #SHARED_PART}, in either format; a text edited by hand is cut the same way, whatever it holds. Comparing
   * two versions part by part tells whose output a change touched.
   */
  public static Map<String, String> parts(String file) {
    Map<String, StringBuilder> parts = new java.util.TreeMap<>();
    List<String> block = new ArrayList<>();
    for (String line : file.split("\n", -1)) {
      if (line.isBlank()) {
        continue; // Fluent Bit reads none; how many there are says nothing about anyone's part
      }
      boolean sectionStart = line.startsWith("[") || line.startsWith("    - ");
      boolean structure = !line.startsWith(" ") && !line.startsWith("[") || line.matches("^ {1,3}\\S.*");
      if (sectionStart || structure) {
        addBlock(parts, block);
        block = new ArrayList<>();
      }
      var header = HEADER_LINE.matcher(line);
      if (header.matches()) {
        parts.computeIfAbsent(header.group(1), k -> new StringBuilder()).append(line).append('\n');
      } else if (structure) {
        parts.computeIfAbsent(SHARED_PART, k -> new StringBuilder()).append(line).append('\n');
      } else {
        block.add(line);
      }
    }
    addBlock(parts, block);
    Map<String, String> texts = new java.util.TreeMap<>();
    parts.forEach((owner, text) -> texts.put(owner, text.toString()));
    return texts;
  }

  /** A filter or output goes to the pipeline its alias names, else to the shared part. */
  private static void addBlock(Map<String, StringBuilder> parts, List<String> block) {
    if (block.isEmpty()) {
      return;
    }
    String owner = block.stream().map(ALIAS_LINE::matcher).filter(java.util.regex.Matcher::matches)
        .map(m -> m.group(1)).findFirst().orElse(SHARED_PART);
    StringBuilder text = parts.computeIfAbsent(owner, k -> new StringBuilder());
    block.forEach(line -> text.append(line).append('\n'));
  }

  private static List<FluentBitPipeline> sortedChecked(List<FluentBitPipeline> pipelines) {
    if (pipelines.isEmpty()) {
      throw new IllegalArgumentException("a namespace file needs at least one pipeline");
    }
    FluentBitPipeline first = pipelines.get(0);
    for (FluentBitPipeline p : pipelines) {
      if (!p.namespace().equals(first.namespace()) || !p.inputTagMatch().equals(first.inputTagMatch())) {
        throw new IllegalArgumentException("the pipelines of one file share a namespace and an input tag pattern");
      }
    }
    List<FluentBitPipeline> sorted = new ArrayList<>(pipelines);
    sorted.sort(Comparator.comparing(FluentBitPipeline::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("pipeline " + sorted.get(i).name() + " appears twice");
      }
    }
    return sorted;
  }

  private static String classic(List<FluentBitPipeline> pipelines, List<PluginSection> sections) {
    int width = 0;
    for (PluginSection s : sections) {
      for (Map.Entry<String, String> e : s.properties()) {
        width = Math.max(width, e.getKey().length());
      }
    }
    StringBuilder out = new StringBuilder();
    header(out, pipelines, "# ");
    for (PluginSection s : sections) {
      out.append('\n').append('[').append(s.kind()).append("]\n");
      for (Map.Entry<String, String> e : s.properties()) {
        out.append(INDENT).append(e.getKey()).append(" ".repeat(width + 1 - e.getKey().length()));
        out.append(e.getValue()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Fluent Bit's YAML format: {@code pipeline.filters} and {@code pipeline.outputs}, property names in lower case.
   * Every value is written as a single-quoted scalar (a quote doubled), so regexes, accessors and {@code Off} stay
   * strings.
   */
  private static String yaml(List<FluentBitPipeline> pipelines, List<PluginSection> sections) {
    StringBuilder out = new StringBuilder();
    header(out, pipelines, "# ");
    out.append("pipeline:\n");
    for (String kind : List.of("FILTER", "OUTPUT")) {
      out.append("  ").append(kind.equals("FILTER") ? "filters" : "outputs").append(":\n");
      for (PluginSection s : sections) {
        if (!s.kind().equals(kind)) {
          continue;
        }
        String lead = "    - ";
        for (Map.Entry<String, String> e : s.properties()) {
          out.append(lead).append(e.getKey().toLowerCase(Locale.ROOT)).append(": ")
              .append(singleQuoted(e.getValue())).append('\n');
          lead = "      ";
        }
      }
    }
    return out.toString();
  }

  static String singleQuoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static void header(StringBuilder out, List<FluentBitPipeline> pipelines, String comment) {
    FluentBitPipeline first = pipelines.get(0);
    out.append(comment).append("LogPipelines of namespace ").append(first.namespace()).append('\n');
    out.append(comment).append("Generated by kaizen-operator; edit the LogPipelines, not this text.\n");
    for (FluentBitPipeline p : pipelines) {
      out.append(comment).append(p.name()).append(": pods ").append(selectorText(p)).append(" -> CloudWatch Logs ")
          .append(p.logGroupName()).append(" in ").append(p.region()).append('\n');
    }
  }

  static String selectorText(FluentBitPipeline p) {
    List<String> parts = new ArrayList<>();
    p.matchLabels().forEach((k, v) -> parts.add(k + "=" + v));
    for (LabelRequirement r : p.matchExpressions()) {
      switch (r.operator()) {
        case In -> parts.add(r.key() + " in (" + String.join(",", r.values()) + ")");
        case NotIn -> parts.add(r.key() + " notin (" + String.join(",", r.values()) + ")");
        case Exists -> parts.add(r.key());
        case DoesNotExist -> parts.add("!" + r.key());
      }
    }
    return parts.isEmpty() ? "(all pods)" : String.join(",", parts);
  }

  /** Record accessor of a pod label: {@code $kubernetes['labels']['<key>']}. */
  static String labelKey(String labelKey) {
    // Label keys are [A-Za-z0-9._/-]: no quote, bracket or space can end the accessor early.
    return "$kubernetes['labels']['" + labelKey + "']";
  }

  static String anchored(String literal) {
    return "^" + escapeRegex(literal) + "$";
  }

  /**
   * Escapes a literal for Fluent Bit's regex engine (Onigmo, Ruby syntax): every character that is
   * not a letter, digit, {@code _} or {@code -} gets a backslash. {@code \Q...\E} is not used, as
   * Onigmo's Ruby syntax does not support it.
   */
  static String escapeRegex(String literal) {
    StringBuilder b = new StringBuilder(literal.length() * 2);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        b.append(c);
      } else if (c == ' ' || c < 0x20) {
        // A space would split the rule; control characters cannot occur in a label.
        throw new IllegalArgumentException("cannot put a space or control character in a rule");
      } else {
        b.append('\\').append(c);
      }
    }
    return b.toString();
  }
}
