package dev.kaizen.operator.core.listing;

import dev.kaizen.operator.core.RateLimitedException;
import java.time.Duration;

/**
 * A light observe asked for a key that no complete listing covers yet (just after a restart, or a name prefix
 * seen for the first time). The key is unknown, never absent: the reconcile is rescheduled quietly, like one held
 * back by the rate limiter, until the refresher's pass covers it. Nothing was sent to AWS.
 */
public final class ListingPendingException extends RateLimitedException {
  private final String key;

  public ListingPendingException(String operation, String key, Duration retryAfter) {
    super(operation, retryAfter, "the shared " + operation + " listing does not cover " + key + " yet; retry in "
        + retryAfter.toMillis() + " ms");
    this.key = key;
  }

  @Override
  public String waitingFor() {
    return "the shared " + operation() + " listing has not yet covered " + key
        + " (drift is read from that listing, and an object it has not listed is unknown, not absent)";
  }
}
