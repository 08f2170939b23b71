package dev.kaizen.operator.core.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A field path in the form kubectl prints: {@code spec.logGroup.name}, map keys and list indexes in brackets
 * ({@code spec.logGroup.tags[aws:x]}, {@code spec.filters[0].name}). Immutable; each step returns a new path.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(List.of());

  private final List<String> segments;

  private FieldPath(List<String> segments) {
    this.segments = segments;
  }

  public static FieldPath root() {
    return ROOT;
  }

  /** A declared property of an object. */
  public FieldPath child(String property) {
    return append((segments.isEmpty() ? "" : ".") + property);
  }

  /** An entry of a map ({@code additionalProperties}), whose key may contain any character. */
  public FieldPath key(String key) {
    return append("[" + key + "]");
  }

  public FieldPath index(int index) {
    return append("[" + index + "]");
  }

  /**
   * Appends a rule's {@code fieldPath}, a relative JSON path such as {@code .name} or {@code .tags['x']},
   * as written: it is only shown to people, never navigated.
   */
  public FieldPath relative(String fieldPath) {
    if (fieldPath == null || fieldPath.isBlank()) {
      return this;
    }
    String suffix = fieldPath.strip();
    if (segments.isEmpty() && suffix.startsWith(".")) {
      suffix = suffix.substring(1);
    } else if (!segments.isEmpty() && !suffix.startsWith(".") && !suffix.startsWith("[")) {
      suffix = "." + suffix;
    }
    return append(suffix);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  private FieldPath append(String segment) {
    List<String> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(segment);
    return new FieldPath(List.copyOf(next));
  }

  @Override
  public String toString() {
    return String.join("", segments);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && other.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
