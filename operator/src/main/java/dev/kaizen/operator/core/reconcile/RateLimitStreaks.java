package dev.kaizen.operator.core.reconcile;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each resource's current run of reconciles held back by the operator's own rate limiter (or waiting for a
 * shared listing) began: short runs stay quiet, a long one is reported in status.
 */
final class RateLimitStreaks {
  private final Map<String, Instant> since = new ConcurrentHashMap<>();

  /** Notes one more held-back reconcile of {@code uid}; returns when its streak began. */
  Instant note(String uid, Instant now) {
    return since.computeIfAbsent(uid, key -> now);
  }

  /** The resource got through (or is gone): its streak is over. */
  void end(String uid) {
    since.remove(uid);
  }
}
