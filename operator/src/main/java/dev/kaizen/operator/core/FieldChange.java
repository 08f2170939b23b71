package dev.kaizen.operator.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One field a change alters, old value to new, as text ({@code retentionDays: 7 -> 30}); null means absent. Kept
 * beside a change's one-line reason so {@code kaizen plan --output json} can give both values without parsing text.
 */
public record FieldChange(String field, String from, String to) {

  /** {@code field from -> to}, with "absent" for a missing value. */
  public String describe() {
    return field + " " + shown(from) + " -> " + shown(to);
  }

  /** The changes in one reason: {@code pattern "ERROR" -> "ERROR WARN", metric ... -> ...}. */
  public static String describe(List<FieldChange> changes) {
    return changes.stream().map(FieldChange::describe).collect(Collectors.joining(", "));
  }

  /** Absent, as is, or quoted (with \" and \\) when a reader could not tell where it ends. */
  private static String shown(String value) {
    if (value == null) {
      return "absent";
    }
    boolean ambiguous = value.isEmpty() || value.contains(" ") || value.contains(",") || value.contains("\"")
        || value.contains("->");
    return ambiguous ? '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : value;
  }
}
