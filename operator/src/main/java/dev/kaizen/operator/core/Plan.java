package dev.kaizen.operator.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of changes that brings the owned objects to the desired state; empty means in sync.
 *
 * @param commit a fact about the resource that must be in its status before any change is made (entering a phase,
 *     acknowledging a request): the loop writes it with optimistic locking first, and a conflict aborts the changes
 */
public record Plan<G>(List<Change<G>> changes, Optional<StatusCommit> commit) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public Plan(List<Change<G>> changes) {
    this(changes, Optional.empty());
  }

  public static <G> Plan<G> empty() {
    return new Plan<>(List.of());
  }

  /** This plan, with {@code commit} written to status (locked) before its first change. One per plan. */
  public Plan<G> committingFirst(StatusCommit commit) {
    if (this.commit.isPresent()) {
      throw new IllegalStateException("one status commit per plan (one phase per reconcile): " + this.commit.get());
    }
    return new Plan<>(changes, Optional.of(commit));
  }

  /** Nothing to do: no change and nothing to commit. */
  public boolean isEmpty() {
    return changes.isEmpty() && commit.isEmpty();
  }

  public int size() {
    return changes.size();
  }

  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    commit.ifPresent(c -> lines.add(c.describe()));
    changes.stream().map(Change::describe).forEach(lines::add);
    return lines;
  }

  /**
   * Applies the changes in order and says what each did. Stops at the first failure, which is rethrown wrapped
   * with the change that failed (so the report can name it) and what the changes before it did.
   */
  public List<Applied<G>> applyTo(G ports) {
    List<Applied<G>> applied = new ArrayList<>();
    for (Change<G> change : changes) {
      try {
        applied.add(change.applyTo(ports));
      } catch (RuntimeException e) {
        throw new ChangeFailedException(change, applied, e);
      }
    }
    return List.copyOf(applied);
  }
}
