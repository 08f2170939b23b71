package dev.kaizen.operator.core;

import java.time.Duration;

/**
 * Thrown before an AWS call that would exceed the operator's client-side share of a quota. Nothing was sent;
 * the reconcile is rescheduled for when a token is free instead of sleeping in the shared pool.
 */
public class RateLimitedException extends RuntimeException {
  private final String operation;
  private final transient Duration retryAfter;

  public RateLimitedException(String operation, Duration retryAfter) {
    this(operation, retryAfter,
        "client-side rate limit for " + operation + " reached; next token in " + retryAfter.toMillis() + " ms");
  }

  protected RateLimitedException(String operation, Duration retryAfter, String message) {
    super(message);
    this.operation = operation;
    this.retryAfter = retryAfter;
  }

  public String operation() {
    return operation;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** What the resource is waiting for, as one sentence for a condition (no trailing period). */
  public String waitingFor() {
    return "the operator's share of the AWS quota for " + operation + " is used up for now";
  }
}
