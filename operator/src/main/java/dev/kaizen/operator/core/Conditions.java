package dev.kaizen.operator.core;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The standard conditions with kstatus meaning: {@code Ready} (AWS matches the spec and is healthy),
 * {@code Reconciling} (work in flight or waiting on AWS), {@code Stalled} (needs a person). All three are
 * always present once a resource was reconciled, so tools never have to guess from an absence.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";

  private Conditions() {}

  /**
   * Sets one condition in place. {@code lastTransitionTime} only moves when the status value changes, so a
   * routine resync never looks like a transition.
   */
  public static void set(List<Condition> conditions, String type, boolean value, String reason, String message,
      Long generation, Instant now) {
    set(conditions, type, value ? "True" : "False", reason, message, generation, now);
  }

  /** As {@link #set(List, String, boolean, String, String, Long, Instant)}, for {@code True}/{@code False}/{@code Unknown}. */
  public static void set(List<Condition> conditions, String type, String status, String reason, String message,
      Long generation, Instant now) {
    Optional<Condition> existing = find(conditions, type);
    String transitionTime = existing.filter(c -> status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    Condition updated = new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transitionTime)
        .build();
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), updated), () -> conditions.add(updated));
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> Objects.equals(c.getType(), type)).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static Optional<String> reason(List<Condition> conditions, String type) {
    return find(conditions, type).map(Condition::getReason);
  }
}
