package dev.kaizen.operator.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A classified failure.
 *
 * @param kind how to react
 * @param reason a CamelCase condition reason, e.g. {@code AccessDenied}
 * @param message one human sentence for the condition message (never a stack trace)
 * @param retryAfter when the failure itself says when to come back (our own rate limiter does)
 */
public record Failure(FailureKind kind, String reason, String message, Optional<Duration> retryAfter) {

  /** Temporary until the classifier says it: anything but an unclassified transient failure is expected. */
  public boolean expected() {
    return kind != FailureKind.TRANSIENT;
  }

  public boolean stalls() {
    return kind == FailureKind.ACCESS_DENIED || kind == FailureKind.INVALID;
  }
}
