package dev.kaizen.operator.logs.fluentbit;

import static dev.kaizen.operator.logs.fluentbit.PluginSection.property;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The routing of one namespace's LogPipelines: one routing step for the namespace, whatever the number of its
 * pipelines, then one output per pipeline.
 *
 * <ol>
 *   <li>One {@code rewrite_tag} filter on the input tag pattern copies each record of the namespace once (KEEP
 *       {@code true}: the original continues to the cluster's own outputs) under a tag that carries the namespace
 *       and the values of every pod label the namespace's selectors use, in key order, comma-separated:
 *       {@code kaizen.shop,<app>,<tier>}. Label values never contain a comma, so each field is one value.
 *   <li>Each pipeline's {@code cloudwatch_logs} output selects its records with {@code Match_Regex} on that tag:
 *       its selector as a regular expression over the fields. Fluent Bit routes by tag per chunk, so a record
 *       costs one rewrite and one write per group it goes to; before, each pipeline copied every record of the
 *       namespace and filtered the copy with grep.
 * </ol>
 *
 * <p>Departure from Kubernetes selector semantics: the tag cannot tell an absent label from one with an empty
 * value (a missing key adds nothing to the tag), so {@code Exists} needs a non-empty value and {@code DoesNotExist}
 * accepts an empty one.
 */
final class NamespaceRouting {
  static final String TAG_PREFIX = "kaizen";
  static final String NAMESPACE_KEY = "$kubernetes['namespace_name']";
  static final String STREAM_TEMPLATE = "$kubernetes['pod_name'].$kubernetes['container_name']";
  /** Used by cloudwatch_logs only when the stream template cannot be resolved for a record. */
  static final String FALLBACK_STREAM_PREFIX = "unresolved.";
  /** Anything in one field: label values are {@code [A-Za-z0-9._-]}, never a comma. */
  private static final String ANY_VALUE = "[^,]*";
  private static final String FIELD_END = "(?:,|$)";

  private NamespaceRouting() {}

  /** The tag the namespace's copies travel under, before record accessors are filled in. */
  static String routedTag(String namespace, List<String> labelKeys) {
    StringBuilder tag = new StringBuilder(TAG_PREFIX).append('.').append(namespace);
    labelKeys.forEach(key -> tag.append(',').append(FluentBitConfigRenderer.labelKey(key)));
    return tag.toString();
  }

  static String emitterName(String namespace) {
    return TAG_PREFIX + "." + namespace + ".emitter";
  }

  /** Every label key a selector of the namespace uses, sorted: the fields of the routed tag. */
  static List<String> labelKeys(List<FluentBitPipeline> pipelines) {
    TreeSet<String> keys = new TreeSet<>();
    for (FluentBitPipeline p : pipelines) {
      keys.addAll(p.matchLabels().keySet());
      p.matchExpressions().forEach(r -> keys.add(r.key()));
    }
    return List.copyOf(keys);
  }

  static List<PluginSection> sections(List<FluentBitPipeline> pipelines) {
    FluentBitPipeline first = pipelines.get(0);
    List<String> keys = labelKeys(pipelines);
    List<PluginSection> sections = new ArrayList<>();
    sections.add(new PluginSection("FILTER", List.of(
        property("Name", "rewrite_tag"),
        property("Match", first.inputTagMatch()),
        property("Rule", NAMESPACE_KEY + " " + FluentBitConfigRenderer.anchored(first.namespace()) + " "
            + routedTag(first.namespace(), keys) + " true"),
        property("Emitter_Name", emitterName(first.namespace())))));
    for (FluentBitPipeline p : pipelines) {
      String prefix = p.logStreamPrefix();
      sections.add(new PluginSection("OUTPUT", List.of(
          property("Name", "cloudwatch_logs"),
          property("Alias", FluentBitConfigRenderer.outputAlias(p.namespace(), p.name())),
          property("Match_Regex", selectorRegex(p, keys)),
          property("region", p.region()),
          property("log_group_name", p.logGroupName()),
          property("log_stream_prefix", prefix + FALLBACK_STREAM_PREFIX),
          property("log_stream_template", prefix + STREAM_TEMPLATE),
          property("auto_create_group", "Off"))));
    }
    return sections;
  }

  /** The pipeline's selector over the routed tag's fields: one field per key, each checked by look-aheads. */
  static String selectorRegex(FluentBitPipeline p, List<String> keys) {
    StringBuilder regex = new StringBuilder("^")
        .append(FluentBitConfigRenderer.escapeRegex(TAG_PREFIX + "." + p.namespace()));
    for (String key : keys) {
      regex.append(',');
      String value = p.matchLabels().get(key);
      if (value != null) {
        regex.append("(?=").append(FluentBitConfigRenderer.escapeRegex(value)).append(FIELD_END).append(')');
      }
      for (LabelRequirement r : p.matchExpressions()) {
        if (r.key().equals(key)) {
          regex.append(requirement(r));
        }
      }
      regex.append(ANY_VALUE);
    }
    return regex.append('$').toString();
  }

  private static String requirement(LabelRequirement r) {
    String values = r.values().stream().map(FluentBitConfigRenderer::escapeRegex)
        .collect(Collectors.joining("|", "(?:", ")"));
    return switch (r.operator()) {
      case In -> "(?=" + values + FIELD_END + ")";
      case NotIn -> "(?!" + values + FIELD_END + ")";
      case Exists -> "(?=[^,])";
      case DoesNotExist -> "(?=" + FIELD_END + ")";
    };
  }
}
