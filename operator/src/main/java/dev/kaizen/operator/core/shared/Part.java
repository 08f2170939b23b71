package dev.kaizen.operator.core.shared;

import java.util.Objects;

/**
 * One part of a shared object, as stored: the key that tells it apart from the object's other parts, and its exact
 * stored value (never re-rendered, so a part we do not own is written back exactly as it was read).
 */
public record Part<V>(String key, V value) {
  public Part {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
