package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.core.ownership.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ownership verdict on each object a resource owns, by {@link OwnedObject#key}, as the planner and the deletion
 * plan see them. An object the kind did not list is never ours to touch.
 */
public record Verdicts(Map<String, Ownership> byKey, List<OwnedObject> objects) {

  public Verdicts {
    byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    objects = List.copyOf(objects);
  }

  /** The verdict on the object with this key; {@link Ownership#UNOWNED} for one the kind never listed. */
  public Ownership of(String key) {
    return byKey.getOrDefault(key, Ownership.UNOWNED);
  }

  /** The verdict on the root: the first object the kind lists. */
  public Ownership root() {
    return objects.isEmpty() ? Ownership.OWNED : of(objects.get(0).key());
  }

  /** Whether deleting the resource may delete this object: it exists and is ours (or becomes ours by rule). */
  public boolean deletable(String key) {
    Ownership ownership = of(key);
    return ownership == Ownership.OWNED || ownership == Ownership.REATTACH || ownership == Ownership.TAKE_OVER;
  }
}
