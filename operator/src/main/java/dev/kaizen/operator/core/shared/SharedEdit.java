package dev.kaizen.operator.core.shared;

import java.util.List;

/**
 * What one partial owner must write to a shared object to get its own part right. {@link Update} and {@link Create}
 * carry the object's whole new content, in stored order.
 */
public sealed interface SharedEdit<V> {

  /** Our part is already right (or already absent): no write. */
  record Unchanged<V>() implements SharedEdit<V> {}

  /** The object does not exist: create it with these parts (only ours, since nobody else has written any). */
  record Create<V>(List<Part<V>> parts) implements SharedEdit<V> {
    public Create {
      parts = List.copyOf(parts);
    }
  }

  /** The object exists: write these parts; every part not ours is the one read, at the position it had. */
  record Update<V>(List<Part<V>> parts) implements SharedEdit<V> {
    public Update {
      parts = List.copyOf(parts);
    }
  }

  /** We removed the last part: the object itself goes (the last owner removes it, never earlier). */
  record Delete<V>() implements SharedEdit<V> {}

  default boolean writes() {
    return !(this instanceof Unchanged);
  }
}
