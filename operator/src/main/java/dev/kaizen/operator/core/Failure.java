package dev.kaizen.operator.core;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * A classified failure.
 *
 * @param kind how to react
 * @param reason a CamelCase condition reason, e.g. {@code AccessDenied}
 * @param message one human sentence for the condition message (never a stack trace)
 * @param retryAfter when the failure itself says when to come back (our own rate limiter does)
 * @param expected the classifier recognised it (throttling, our rate limiter, access denied, an invalid request,
 *     a conflict, a timeout, clock skew...): the message says everything, a stack trace would add only noise.
 *     Unexpected failures (anything unrecognised) may be a bug of ours: they are logged with their stack trace.
 */
public record Failure(FailureKind kind, String reason, String message, Optional<Duration> retryAfter,
    boolean expected) {

  /** A failure built by hand for a condition the code recognised: expected, so logged without a stack trace. */
  public Failure(FailureKind kind, String reason, String message, Optional<Duration> retryAfter) {
    this(kind, reason, message, retryAfter, true);
  }

  public boolean stalls() {
    return kind == FailureKind.ACCESS_DENIED || kind == FailureKind.INVALID || kind == FailureKind.TERMINAL;
  }

  /** Our own rate limiter: nothing was sent and nothing is wrong; a routine reschedule, not news. */
  public boolean routine() {
    return Reasons.RATE_LIMITED.equals(reason);
  }

  /**
   * Logs this failure as its nature deserves: a routine reschedule at DEBUG, an expected failure at INFO without
   * a stack trace, an unexpected one at WARN with it.
   *
   * @param subject what failed, e.g. {@code "LogPipeline shop/web"}
   * @param cause the exception that was classified into this failure
   */
  public void log(Logger log, String subject, Throwable cause) {
    if (routine()) {
      log.debug("{}: {}", subject, message);
    } else if (expected) {
      log.info("{}: {}", subject, message);
    } else {
      log.warn("{}: {}", subject, message, cause);
    }
  }
}
