package dev.kaizen.operator.core;

import java.util.ArrayList;
import java.util.List;

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
   * Applies the changes in order and says what each did. Stops at the first failure, which is rethrown wrapped
   * with the change that failed (so the report can name it) and what the changes before it did.
   */
  public List<Applied<G>> applyTo(G ports) {
    List<Applied<G>> applied = new ArrayList<>();
    for (Change<G> change : changes) {
      try {
        applied.add(new Applied<>(change, change.applyTo(ports)));
      } catch (RuntimeException e) {
        throw new ChangeFailedException(change, applied, e);
      }
    }
    return List.copyOf(applied);
  }
}
