package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.Optional;

/**
 * The result of observe + ownership + plan, before anything is applied: either a conflict that stops the
 * resource (with a condition reason and one sentence), or the plan. Shared by the operator and
 * {@code kaizen plan}, so the command line shows exactly what the operator would do.
 */
public record Assessment<O, G>(O observed, RootState root, Ownership ownership, Optional<Conflict> conflict,
    Plan<G> plan) {

  /** Why the resource cannot proceed: a condition reason and one plain sentence. */
  public record Conflict(String reason, String message) {}
}
