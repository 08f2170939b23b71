package dev.kaizen.operator.logs;

import java.util.Map;

/**
 * The log group a LogPipeline asks for, defaults resolved.
 *
 * @param tags the spec's own tags (managed: a key removed from the spec is removed from the group)
 * @param defaultTags the account's default tags, under the spec's (added or brought back, never removed:
 *     {@link dev.kaizen.operator.core.shared.DefaultTags})
 */
public record DesiredLogGroup(String name, Integer retentionDays, String kmsKeyArn, Map<String, String> tags,
    Map<String, String> defaultTags) {
  public DesiredLogGroup {
    tags = Map.copyOf(tags);
    defaultTags = Map.copyOf(defaultTags);
  }

  /** In an account without default tags. */
  public DesiredLogGroup(String name, Integer retentionDays, String kmsKeyArn, Map<String, String> tags) {
    this(name, retentionDays, kmsKeyArn, tags, Map.of());
  }
}
