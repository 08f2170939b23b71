package dev.kaizen.operator.logs;

import java.util.Map;

/** The log group a LogPipeline asks for, defaults resolved. */
public record DesiredLogGroup(String name, Integer retentionDays, String kmsKeyArn, Map<String, String> tags) {
  public DesiredLogGroup {
    tags = Map.copyOf(tags);
  }
}
