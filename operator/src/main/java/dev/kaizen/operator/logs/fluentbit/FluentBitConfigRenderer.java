package dev.kaizen.operator.logs.fluentbit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the Fluent Bit classic-format snippet for one LogPipeline.
 *
 * <p>The snippet is meant to be {@code @INCLUDE}d by the cluster's Fluent Bit configuration
 * <em>after</em> its {@code kubernetes} filter, so that records already carry
 * {@code kubernetes.namespace_name}, {@code kubernetes.labels}, {@code kubernetes.pod_name} and
 * {@code kubernetes.container_name}. It contains, in order:
 *
 * <ol>
 *   <li>a {@code rewrite_tag} filter on the input tag pattern that copies (KEEP {@code true}: the
 *       original record continues untouched to the cluster's own outputs and to other pipelines)
 *       every record whose {@code $kubernetes['namespace_name']} is exactly the namespace, under
 *       the pipeline tag {@code kaizen.<namespace>.<name>};
 *   <li>one {@code grep} filter per selector requirement on the pipeline tag, each with a single
 *       rule (so the result does not depend on grep's {@code Logical_Op} or on its legacy
 *       first-match semantics: consecutive filters are a conjunction on every Fluent Bit version);
 *   <li>a {@code cloudwatch_logs} output on the pipeline tag, {@code auto_create_group Off} (the
 *       operator owns the group), one stream per container: {@code
 *       <prefix><pod_name>.<container_name>}.
 * </ol>
 *
 * <p>Same input, byte-identical output: labels and set values are sorted, nothing depends on time
 * or on hash iteration order.
 */
public final class FluentBitConfigRenderer {

  static final String TAG_PREFIX = "kaizen";
  static final String INDENT = "    ";
  static final String NAMESPACE_KEY = "$kubernetes['namespace_name']";
  static final String STREAM_TEMPLATE = "$kubernetes['pod_name'].$kubernetes['container_name']";
  /** Used by cloudwatch_logs only when the stream template cannot be resolved for a record. */
  static final String FALLBACK_STREAM_PREFIX = "unresolved.";

  private static final int MAX_CONFIGMAP_KEY = 253;

  private FluentBitConfigRenderer() {}

  /**
   * The tag the pipeline's records travel under: {@code kaizen.<namespace>.<name>}. A namespace
   * (a DNS-1123 label) has no dot, so distinct (namespace, name) pairs give distinct tags; both
   * only use characters Fluent Bit allows in a rewritten tag ({@code a-z 0-9 . -}).
   */
  public static String tag(String namespace, String name) {
    return TAG_PREFIX + "." + namespace + "." + name;
  }

  /** The rewrite_tag emitter's name; Fluent Bit refuses two emitters with the same name. */
  public static String emitterName(String namespace, String name) {
    return tag(namespace, name) + ".emitter";
  }

  /**
   * The ConfigMap key holding this pipeline's snippet: {@code <namespace>.<name>.conf}. When that is
   * longer than a ConfigMap key may be (253), the name is shortened and a hash of the full
   * namespace/name appended, which keeps the key unique and stable.
   */
  public static String key(String namespace, String name) {
    if (!Labels.isDnsLabel(namespace) || !Labels.isDnsSubdomain(name)) {
      throw new IllegalArgumentException("invalid namespace/name: " + namespace + "/" + name);
    }
    String plain = namespace + "." + name + ".conf";
    if (plain.length() <= MAX_CONFIGMAP_KEY) {
      return plain;
    }
    String hash = sha256Hex(namespace + "/" + name).substring(0, 16);
    String suffix = "-" + hash + ".conf";
    int room = MAX_CONFIGMAP_KEY - namespace.length() - 1 - suffix.length();
    String shortName = name.substring(0, room);
    return namespace + "." + shortName + suffix;
  }

  public static String render(FluentBitPipeline p) {
    String tag = tag(p.namespace(), p.name());
    List<Section> sections = new ArrayList<>();

    sections.add(
        new Section(
            "FILTER",
            List.of(
                kv("Name", "rewrite_tag"),
                kv("Match", p.inputTagMatch()),
                kv(
                    "Rule",
                    NAMESPACE_KEY + " " + anchored(p.namespace()) + " " + tag + " true"),
                kv("Emitter_Name", emitterName(p.namespace(), p.name())))));

    for (Map.Entry<String, String> label : p.matchLabels().entrySet()) {
      sections.add(grep(tag, "Regex", labelKey(label.getKey()), anchored(label.getValue())));
    }
    for (LabelRequirement r : p.matchExpressions()) {
      String key = labelKey(r.key());
      switch (r.operator()) {
        case In -> sections.add(grep(tag, "Regex", key, anchoredAlternatives(r.values())));
        case NotIn -> sections.add(grep(tag, "Exclude", key, anchoredAlternatives(r.values())));
        case Exists -> sections.add(grep(tag, "Regex", key, "^.*$"));
        case DoesNotExist -> sections.add(grep(tag, "Exclude", key, "^.*$"));
      }
    }

    String prefix = p.logStreamPrefix();
    sections.add(
        new Section(
            "OUTPUT",
            List.of(
                kv("Name", "cloudwatch_logs"),
                kv("Match", tag),
                kv("region", p.region()),
                kv("log_group_name", p.logGroupName()),
                kv("log_stream_prefix", prefix + FALLBACK_STREAM_PREFIX),
                kv("log_stream_template", prefix + STREAM_TEMPLATE),
                kv("auto_create_group", "Off"))));

    int width = 0;
    for (Section s : sections) {
      for (String[] e : s.entries) {
        width = Math.max(width, e[0].length());
      }
    }

    StringBuilder out = new StringBuilder();
    header(out, p);
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      out.append('\n').append('[').append(s.name).append("]\n");
      for (String[] e : s.entries) {
        out.append(INDENT).append(e[0]).append(" ".repeat(width + 1 - e[0].length()));
        out.append(e[1]).append('\n');
      }
    }
    return out.toString();
  }

  private static void header(StringBuilder out, FluentBitPipeline p) {
    out.append("# LogPipeline ").append(p.namespace()).append('/').append(p.name()).append('\n');
    out.append("# Generated by kaizen-operator; edit the LogPipeline, not this text.\n");
    out.append("# Pods: namespace ").append(p.namespace()).append(", selector ");
    out.append(selectorText(p)).append('\n');
    out.append("# To: CloudWatch Logs group ").append(p.logGroupName());
    out.append(" in ").append(p.region()).append('\n');
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

  private static Section grep(String tag, String rule, String key, String regex) {
    return new Section(
        "FILTER", List.of(kv("Name", "grep"), kv("Match", tag), kv(rule, key + " " + regex)));
  }

  /** Record accessor of a pod label: {@code $kubernetes['labels']['<key>']}. */
  static String labelKey(String labelKey) {
    // Label keys are [A-Za-z0-9._/-]: no quote, bracket or space can end the accessor early.
    return "$kubernetes['labels']['" + labelKey + "']";
  }

  static String anchored(String literal) {
    return "^" + escapeRegex(literal) + "$";
  }

  static String anchoredAlternatives(List<String> literals) {
    return "^("
        + literals.stream().map(FluentBitConfigRenderer::escapeRegex).collect(Collectors.joining("|"))
        + ")$";
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

  private static String[] kv(String k, String v) {
    return new String[] {k, v};
  }

  private record Section(String name, List<String[]> entries) {}

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
