package dev.kaizen.operator.core;

import java.util.List;
import java.util.function.Consumer;

/** An ordered list of changes that brings AWS to the desired state; empty means in sync. */
public record Plan<G>(List<Change<G>> changes) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public static <G> Plan<G> empty() {
    return new Plan<>(List.of());
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public int size() {
    return changes.size();
  }

  public List<String> describe() {
    return changes.stream().map(Change::describe).toList();
  }

  /**
   * Applies the changes in order and stops at the first failure, which is rethrown wrapped with the change
   * that failed so the report can name it.
   */
  public void applyTo(G gateway) {
    applyTo(gateway, applied -> {});
  }

  /** As {@link #applyTo(Object)}, telling {@code onApplied} each change's description once it took effect. */
  public void applyTo(G gateway, Consumer<String> onApplied) {
    for (Change<G> change : changes) {
      try {
        change.applyTo(gateway);
      } catch (RuntimeException e) {
        throw new ChangeFailedException(change, e);
      }
      onApplied.accept(change.describe());
    }
  }
}
