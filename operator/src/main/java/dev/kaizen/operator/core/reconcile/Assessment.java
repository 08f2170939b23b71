package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.Optional;

/**
 * The result of observe + ownership + plan, before anything is applied: either a conflict that stops the
 * resource (with a condition reason and one sentence), or the plan. Shared by the operator and
 * {@code kaizen plan}, so the command line shows exactly what the operator would do.
 *
 * @param full whether the observation read everything one by one (ownership markers included)
 */
public record Assessment<O, G>(O observed, RootState root, Ownership ownership, Optional<Conflict> conflict,
    Plan<G> plan, boolean full) {

  /** Why the resource cannot proceed: a condition reason and one plain sentence. */
  public record Conflict(String reason, String message) {}

  /** The verdict to keep in status after a full observe. */
  public OwnershipStatus verdict() {
    String verdict = !root.exists() ? OwnershipStatus.ABSENT : switch (ownership) {
      case OWNED -> OwnershipStatus.OWNED;
      case REATTACH -> "Reattach";
      case TAKE_OVER -> "TakeOver";
      case ADOPT -> "Adopt";
      case UNOWNED -> "NameConflict";
      case FOREIGN -> "OwnedByAnother";
    };
    return new OwnershipStatus(verdict, root.identity().orElse(null));
  }
}
