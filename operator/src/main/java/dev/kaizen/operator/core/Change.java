package dev.kaizen.operator.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One step of a {@link Plan}: a single call (an AWS operation, or a write to a Kubernetes object), the object it
 * acts on, why it is needed, and what it is meant to do ({@link Effect}). Changes are plain values built by a pure
 * planner, through small named factories per kind (e.g. {@code LogGroupChanges.createLogGroup}); only
 * {@link #applyTo} performs I/O, through the kind's ports.
 *
 * <p>Two changes are equal when they say the same line with the same effect: the action is code, and the line is
 * what status, events and {@code kaizen plan} show.
 *
 * @param <G> the kind's ports (the gateways through which it talks to AWS and Kubernetes)
 */
public final class Change<G> {
  private final Effect effect;
  private final String operation;
  private final String target;
  private final String reason;
  private final List<FieldChange> differences;
  private final Function<Change<G>, Function<? super G, Applied<G>>> actionOf;
  private final Function<? super G, Applied<G>> action;

  private Change(Effect effect, String operation, String target, String reason,
      Function<Change<G>, Function<? super G, Applied<G>>> action) {
    this(effect, operation, target, reason, List.of(), action);
  }

  private Change(Effect effect, String operation, String target, String reason, List<FieldChange> differences,
      Function<Change<G>, Function<? super G, Applied<G>>> action) {
    this.effect = Objects.requireNonNull(effect, "effect");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.target = Objects.requireNonNull(target, "target");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.differences = List.copyOf(differences);
    this.actionOf = action;
    this.action = Objects.requireNonNull(action.apply(this), "action");
  }

  /**
   * The same change, also naming each field it alters with its old and new value (what the reason says in words), for
   * readers that want the values apart ({@code kaizen plan --output json}).
   */
  public Change<G> withDifferences(List<FieldChange> differences) {
    return new Change<>(effect, operation, target, reason, differences, actionOf);
  }

  /** The fields this change alters, old -> new; empty when the planner named none (a create, a delete). */
  public List<FieldChange> differences() {
    return differences;
  }

  /** A change whose action, once it returns, did what {@code effect} declares. */
  public static <G> Change<G> of(Effect effect, String operation, String target, String reason,
      Consumer<? super G> action) {
    Objects.requireNonNull(action, "action");
    return new Change<>(effect, operation, target, reason, self -> ports -> {
      action.accept(ports);
      return new Applied<>(self, effect.happened());
    });
  }

  /**
   * A change whose action says what it did, refining the declared effect: a delete that found the object already
   * gone answers {@link Happened#NOTHING}, as does a create that finds its object already made by us.
   */
  public static <G> Change<G> reporting(Effect effect, String operation, String target, String reason,
      Function<? super G, Happened> action) {
    Objects.requireNonNull(action, "action");
    return new Change<>(effect, operation, target, reason, self -> ports -> new Applied<>(self,
        Objects.requireNonNull(action.apply(ports), () -> self.describe() + ": the action reported no result")));
  }

  /**
   * A change that takes time to take effect (a Route 53 change going PENDING -> INSYNC, a Job): its action returns a
   * handle to ask about it later, which the loop keeps in {@code status.pending} until the kind says it took effect,
   * so a restart waits for it instead of making it again.
   */
  public static <G> Change<G> awaiting(Effect effect, String operation, String target, String reason,
      Function<? super G, String> action) {
    Objects.requireNonNull(action, "action");
    return new Change<>(effect, operation, target, reason, self -> ports -> new Applied<>(self, effect.happened(),
        java.util.Optional.of(Objects.requireNonNull(action.apply(ports), () -> self.describe() + ": no handle"))));
  }

  /** The operation this change stands for, e.g. {@code PutRetentionPolicy}. */
  public String operation() {
    return operation;
  }

  /** The object it acts on, e.g. the log group name. */
  public String target() {
    return target;
  }

  /** Why it is needed, e.g. {@code 7 -> 30 days} or {@code absent}. */
  public String reason() {
    return reason;
  }

  /** What it is meant to do to its target. */
  public Effect effect() {
    return effect;
  }

  /** Performs the change and says what it did (and, for a change that takes time, how to ask about it). */
  public Applied<G> applyTo(G ports) {
    return action.apply(ports);
  }

  /** One line for status, events and the command line: {@code PutRetentionPolicy /shop/web: 7 -> 30 days}. */
  public String describe() {
    return operation + " " + target + ": " + reason;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Change<?> change && effect == change.effect && operation.equals(change.operation)
        && target.equals(change.target) && reason.equals(change.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(effect, operation, target, reason);
  }

  @Override
  public String toString() {
    return describe() + " (" + effect + ")";
  }
}
