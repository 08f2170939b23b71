package dev.kaizen.operator.core;

import java.time.Duration;

/**
 * Thrown before an AWS call that would exceed the operator's client-side share of a quota. Nothing was sent;
 * the reconcile is rescheduled for when a token is free instead of sleeping in the shared pool.
 */
public final class RateLimitedException extends RuntimeException {
  private final String operation;
  private final transient Duration retryAfter;

  public RateLimitedException(String operation, Duration retryAfter) {
    super("client-side rate limit for " + operation + " reached; next token in " + retryAfter.toMillis() + " ms");
    this.operation = operation;
    this.retryAfter = retryAfter;
  }

  public String operation() {
    return operation;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
