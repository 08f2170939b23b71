package dev.kaizen.operator.core.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter per resource (by uid), reset by the first success. Kept in memory: after a
 * restart a failing resource starts again at the base delay, which is harmless.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public Backoff(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  /** Records one more consecutive failure and returns how long to wait before the next attempt. */
  public Duration next(String uid) {
    int attempt = failures.merge(uid, 1, Integer::sum);
    long exponent = Math.min(attempt - 1, 20);
    long millis = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
    // Up to 20% jitter so resources throttled together do not come back together.
    long jitter = (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(Math.min(max.toMillis(), millis + jitter));
  }

  public void reset(String uid) {
    failures.remove(uid);
  }

  public int failures(String uid) {
    return failures.getOrDefault(uid, 0);
  }
}
