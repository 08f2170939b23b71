package dev.kaizen.operator.logs.fluentbit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one LogPipeline asks of the cluster's Fluent Bit: ship the container logs of the pods of
 * {@code namespace} selected by {@code matchLabels} and {@code matchExpressions} (both empty: every
 * pod of the namespace) to the CloudWatch Logs group {@code logGroupName} in {@code region}.
 *
 * <p>{@code logStreamPrefix} (optional, may be null or empty) is put in front of every log stream
 * name; streams are named {@code <prefix><pod name>.<container name>}. {@code inputTagMatch} is the
 * tag pattern of the container log records in the cluster's Fluent Bit, the one its
 * {@code kubernetes} filter matches (default {@value #DEFAULT_INPUT_TAG_MATCH}).
 *
 * <p>Every value is validated here, so whatever reaches the renderer is safe to put in a
 * configuration line.
 */
public record FluentBitPipeline(
    String namespace,
    String name,
    SortedMap<String, String> matchLabels,
    List<LabelRequirement> matchExpressions,
    String region,
    String logGroupName,
    String logStreamPrefix,
    String inputTagMatch) {

  public static final String DEFAULT_INPUT_TAG_MATCH = "kube.*";

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  // CloudWatch Logs: log group names are 1-512 chars of [\.\-_/#A-Za-z0-9].
  private static final Pattern LOG_GROUP = Pattern.compile("[._/#A-Za-z0-9-]{1,512}");
  // A stream name may not contain ':' or '*'; we are stricter: no '$' (a template variable),
  // no whitespace, nothing outside the log group alphabet.
  private static final Pattern STREAM_PREFIX = Pattern.compile("[._/#A-Za-z0-9-]{0,128}");
  private static final Pattern TAG_PATTERN = Pattern.compile("[A-Za-z0-9._*,-]{1,256}");

  public FluentBitPipeline {
    if (!Labels.isDnsLabel(namespace)) {
      throw new IllegalArgumentException("namespace is not a DNS-1123 label: " + namespace);
    }
    if (!Labels.isDnsSubdomain(name)) {
      throw new IllegalArgumentException("name is not a DNS-1123 subdomain: " + name);
    }
    TreeMap<String, String> labels = new TreeMap<>();
    if (matchLabels != null) {
      matchLabels.forEach(
          (k, v) -> {
            Labels.requireValidKey(k);
            Labels.requireValidValue(k, v);
            labels.put(k, v);
          });
    }
    matchLabels = Collections.unmodifiableSortedMap(labels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("invalid AWS region: " + region);
    }
    if (logGroupName == null || !LOG_GROUP.matcher(logGroupName).matches()) {
      throw new IllegalArgumentException("invalid CloudWatch Logs group name: " + logGroupName);
    }
    logStreamPrefix = logStreamPrefix == null ? "" : logStreamPrefix;
    if (!STREAM_PREFIX.matcher(logStreamPrefix).matches()) {
      throw new IllegalArgumentException("invalid log stream prefix: " + logStreamPrefix);
    }
    inputTagMatch =
        inputTagMatch == null || inputTagMatch.isEmpty() ? DEFAULT_INPUT_TAG_MATCH : inputTagMatch;
    if (!TAG_PATTERN.matcher(inputTagMatch).matches()) {
      throw new IllegalArgumentException("invalid input tag pattern: " + inputTagMatch);
    }
    // The copy rewrite_tag emits re-enters the pipeline from the start. If the input pattern also
    // matched the routed tag, the copy would be copied again, forever.
    String routed = NamespaceRouting.TAG_PREFIX + "." + namespace;
    if (TagMatch.matches(inputTagMatch, routed) || TagMatch.matches(inputTagMatch, routed + ",x")) {
      throw new IllegalArgumentException(
          "input tag pattern " + inputTagMatch + " would also match the routed tag " + routed + " and loop");
    }
  }

  /** A pipeline with an equality selector only, no stream prefix, the default input tag. */
  public static FluentBitPipeline of(
      String namespace,
      String name,
      Map<String, String> matchLabels,
      String region,
      String logGroupName) {
    return new FluentBitPipeline(
        namespace, name, toSorted(matchLabels), List.of(), region, logGroupName, null, null);
  }

  public FluentBitPipeline withMatchExpressions(List<LabelRequirement> expressions) {
    return new FluentBitPipeline(
        namespace, name, matchLabels, expressions, region, logGroupName, logStreamPrefix,
        inputTagMatch);
  }

  public FluentBitPipeline withLogStreamPrefix(String prefix) {
    return new FluentBitPipeline(
        namespace, name, matchLabels, matchExpressions, region, logGroupName, prefix,
        inputTagMatch);
  }

  public FluentBitPipeline withInputTagMatch(String tagMatch) {
    return new FluentBitPipeline(
        namespace, name, matchLabels, matchExpressions, region, logGroupName, logStreamPrefix,
        tagMatch);
  }

  private static SortedMap<String, String> toSorted(Map<String, String> m) {
    return m == null ? new TreeMap<>() : new TreeMap<>(m);
  }
}
