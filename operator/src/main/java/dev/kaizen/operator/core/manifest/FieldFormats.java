package dev.kaizen.operator.core.manifest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a field with a {@code pattern} expects, in words, so that a refused value is explained to a person
 * ({@code a KMS key ARN, not an alias ARN}) instead of showing the regular expression. Kept per kind, next to its
 * model; fields are named by their schema path with {@code [*]} for any list item or map value
 * ({@code spec.metricFilters[*].alarm.actions[*]}). A field without words falls back to showing its pattern.
 */
public final class FieldFormats {
  private final Map<String, Map<String, String>> byKind = new HashMap<>();

  private FieldFormats() {}

  public static FieldFormats none() {
    return new FieldFormats();
  }

  /** A copy that also knows the words for the fields of {@code group}/{@code kind}. */
  public FieldFormats with(String group, String kind, Map<String, String> wordsBySchemaPath) {
    FieldFormats copy = new FieldFormats();
    copy.byKind.putAll(byKind);
    copy.byKind.put(group + "/" + kind, Map.copyOf(wordsBySchemaPath));
    return copy;
  }

  /** The words for a field of a kind, e.g. {@code an SNS topic ARN, arn:aws:sns:<region>:<account id>:<name>}. */
  Optional<String> describe(CrdVersion crd, String schemaPath) {
    return Optional.ofNullable(byKind.getOrDefault(crd.group() + "/" + crd.kind(), Map.of()).get(schemaPath));
  }
}
