package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus;
import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus.ObjectOwnership;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.List;
import java.util.Optional;

/**
 * The result of observe + ownership + plan, before anything is applied: either a conflict that stops the
 * resource (with a condition reason and one sentence naming every object in conflict), or the plan. Shared by the
 * operator and {@code kaizen plan}, so the command line shows exactly what the operator would do.
 *
 * @param full whether the observation read everything one by one (ownership markers included)
 */
public record Assessment<O, G>(O observed, List<OwnedObject> objects, Verdicts verdicts, Optional<Conflict> conflict,
    Plan<G> plan, boolean full) {

  /** Why the resource cannot proceed: a condition reason and one plain sentence. */
  public record Conflict(String reason, String message) {}

  /** The root object: the first the kind lists. */
  public OwnedObject root() {
    return objects.get(0);
  }

  /** The verdicts to keep in status after a full observe: one per object, the root's (or a conflict's) on top. */
  public OwnershipStatus verdict() {
    List<ObjectOwnership> each = objects.stream()
        .map(o -> new ObjectOwnership(o.key(), verdictOf(o), o.identity().orElse(null))).toList();
    String top = each.stream().map(ObjectOwnership::getVerdict)
        .filter(v -> !OwnershipStatus.OWNED.equals(v) && !OwnershipStatus.ABSENT.equals(v))
        .findFirst().orElse(each.isEmpty() ? OwnershipStatus.ABSENT : each.get(0).getVerdict());
    String root = objects.isEmpty() ? null : objects.get(0).identity().orElse(null);
    return new OwnershipStatus(top, root, each);
  }

  private String verdictOf(OwnedObject object) {
    if (!object.exists()) {
      return OwnershipStatus.ABSENT;
    }
    return name(verdicts.of(object.key()));
  }

  /** The word status.ownership uses for a verdict. */
  private static String name(Ownership ownership) {
    return switch (ownership) {
      case OWNED -> OwnershipStatus.OWNED;
      case REATTACH -> "Reattach";
      case TAKE_OVER -> "TakeOver";
      case ADOPT -> "Adopt";
      case UNOWNED -> "NameConflict";
      case FOREIGN -> "OwnedByAnother";
    };
  }
}
