package dev.kaizen.operator.core;

/**
 * One change of a plan once applied, and what it did. {@link Plan#applyTo} returns these in order.
 *
 * <p>Changes that take time (a Route 53 change that goes PENDING -> INSYNC, a DKIM verification) will need a
 * pending handle here: add it as one more component (e.g. {@code Optional<Pending> pending}) with a constructor
 * that keeps this two-argument form, so callers that only read {@link #change} and {@link #happened} stay as they
 * are.
 */
public record Applied<G>(Change<G> change, Happened happened) {

  /** The change's line ({@link Change#describe}), for events and logs. */
  public String describe() {
    return change.describe();
  }

  public boolean tookEffect() {
    return happened.tookEffect();
  }
}
