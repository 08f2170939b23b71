package dev.kaizen.lab.demo;

import java.util.List;
import java.util.Map;

/**
 * One resource as the demo shows it: its conditions as the operator last wrote them, and the plan in its status.
 *
 * @param conditions condition type -> its status, reason and message
 */
public record ResourceState(String kind, String namespace, String name, long generation, long observedGeneration,
    Map<String, Condition> conditions, List<String> plan) {

  public record Condition(String status, String reason, String message) {}

  /** kind/namespace/name (kind/name for a cluster-scoped kind). */
  public String id() {
    return kind + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
  }

  public boolean ready() {
    return is("Ready", "True");
  }

  public boolean stalled() {
    return is("Stalled", "True");
  }

  /** mode: Plan, with changes to show: Ready=False PlanPending, the plan in status. */
  public boolean planPending() {
    return "PlanPending".equals(reason("Ready"));
  }

  /** Nothing more will happen without a person (or drift): Ready, Stalled or a plan waiting, for its generation. */
  public boolean settled() {
    return observedGeneration >= generation && (ready() || stalled() || planPending());
  }

  /** Ready, Stalled, PlanPending, or the condition that says what it waits for. */
  public String state() {
    if (stalled()) {
      return "Stalled";
    }
    if (ready()) {
      return "Ready";
    }
    if (planPending()) {
      return "PlanPending";
    }
    return conditions.isEmpty() ? "New" : is("Reconciling", "True") ? "Reconciling" : "NotReady";
  }

  /** The reason that explains the state (Stalled's, else Ready's). */
  public String reason() {
    return stalled() ? reason("Stalled") : reason("Ready");
  }

  /** The sentence that goes with {@link #reason()}. */
  public String message() {
    Condition condition = conditions.get(stalled() ? "Stalled" : "Ready");
    return condition == null ? "" : condition.message();
  }

  public String reason(String type) {
    Condition condition = conditions.get(type);
    return condition == null ? "" : condition.reason();
  }

  private boolean is(String type, String status) {
    Condition condition = conditions.get(type);
    return condition != null && status.equals(condition.status());
  }
}
