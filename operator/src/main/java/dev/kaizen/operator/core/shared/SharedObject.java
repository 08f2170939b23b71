package dev.kaizen.operator.core.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * An object several owners write parts of (values of a TXT record set, statements of a resource policy, keys of a
 * ConfigMap), as read: absent, or its parts in stored order. {@link #edit} computes what one owner writes to set
 * or remove its own part; every other part is carried over as the same value at the same position, so changing
 * ours never changes anybody else's. Pure: no I/O.
 */
public final class SharedObject<V> {
  private final Optional<List<Part<V>>> parts;

  private SharedObject(Optional<List<Part<V>>> parts) {
    this.parts = parts.map(List::copyOf);
  }

  public static <V> SharedObject<V> absent() {
    return new SharedObject<>(Optional.empty());
  }

  /** An existing object with these parts, in stored order; keys must be unique. */
  public static <V> SharedObject<V> of(List<Part<V>> parts) {
    if (parts.stream().map(Part::key).distinct().count() != parts.size()) {
      throw new IllegalArgumentException("the parts of a shared object must have distinct keys");
    }
    return new SharedObject<>(Optional.of(parts));
  }

  public boolean exists() {
    return parts.isPresent();
  }

  public List<Part<V>> parts() {
    return parts.orElse(List.of());
  }

  public Optional<V> value(String key) {
    return parts().stream().filter(p -> p.key().equals(key)).map(Part::value).findFirst();
  }

  /** As {@link #edit(String, Optional, BiPredicate)}, our part being right when its value equals the desired one. */
  public SharedEdit<V> edit(String ourKey, Optional<V> desired) {
    return edit(ourKey, desired, Object::equals);
  }

  /**
   * The edit that gives our part (at {@code ourKey}) the {@code desired} value, or removes it when empty.
   *
   * @param alreadyRight whether a stored value (first argument) already says what the desired one says; a form
   *     whose storage has several spellings of one value (a TXT value split at another place) says so here, so
   *     that a value already right is never rewritten
   */
  public SharedEdit<V> edit(String ourKey, Optional<V> desired, BiPredicate<V, V> alreadyRight) {
    Optional<V> stored = value(ourKey);
    if (desired.isEmpty()) {
      if (stored.isEmpty()) {
        return new SharedEdit.Unchanged<>();
      }
      List<Part<V>> remaining = parts().stream().filter(p -> !p.key().equals(ourKey)).toList();
      return remaining.isEmpty() ? new SharedEdit.Delete<>() : new SharedEdit.Update<>(remaining);
    }
    Part<V> ours = new Part<>(ourKey, desired.get());
    if (!exists()) {
      return new SharedEdit.Create<>(List.of(ours));
    }
    if (stored.isPresent() && alreadyRight.test(stored.get(), desired.get())) {
      return new SharedEdit.Unchanged<>();
    }
    List<Part<V>> next = new ArrayList<>(parts().size() + 1);
    for (Part<V> part : parts()) {
      next.add(part.key().equals(ourKey) ? ours : part);
    }
    if (stored.isEmpty()) {
      next.add(ours);
    }
    return new SharedEdit.Update<>(next);
  }
}
