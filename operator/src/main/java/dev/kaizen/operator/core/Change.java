package dev.kaizen.operator.core;

/**
 * One step of a {@link Plan}: a single AWS call, the object it acts on and why it is needed. Changes are plain
 * values built by a pure planner; only {@link #applyTo} performs I/O, through the kind's gateway.
 *
 * @param <G> the kind's gateway (the port through which it talks to AWS)
 */
public interface Change<G> {

  /** The AWS API operation this change stands for, e.g. {@code PutRetentionPolicy}. */
  String operation();

  /** The object it acts on, e.g. the log group name. */
  String target();

  /** Why it is needed, e.g. {@code 7 -> 30 days} or {@code absent}. */
  String reason();

  /** Performs the change. */
  void applyTo(G gateway);

  /** One line for status, events and the command line: {@code PutRetentionPolicy /shop/web: 7 -> 30 days}. */
  default String describe() {
    return operation() + " " + target() + ": " + reason();
  }
}
