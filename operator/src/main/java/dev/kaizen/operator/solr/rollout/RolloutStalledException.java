package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.core.InvalidSpecException;

/**
 * A rollout that cannot go on without a person (a failed step, a rollback): reported as Stalled with its own reason,
 * so a GitOps tool never reads a failed rollout as current. Live traffic is untouched by it.
 */
public final class RolloutStalledException extends InvalidSpecException {
  private final String reason;

  public RolloutStalledException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  @Override
  public String reason() {
    return reason;
  }
}
