package dev.kaizen.operator.core;

import java.util.Optional;

/**
 * One change of a plan once applied, and what it did. {@link Plan#applyTo} returns these in order.
 *
 * @param pending for a change that takes time ({@link Change#awaiting}): the handle to ask whether it took effect
 */
public record Applied<G>(Change<G> change, Happened happened, Optional<String> pending) {

  public Applied(Change<G> change, Happened happened) {
    this(change, happened, Optional.empty());
  }

  /** The change's line ({@link Change#describe}), for events and logs. */
  public String describe() {
    return change.describe();
  }

  public boolean tookEffect() {
    return happened.tookEffect();
  }
}
