package dev.kaizen.operator.core.reconcile;

import java.time.Duration;

/**
 * When to look again. Replaces the framework's defaults (a 10-hour maximum interval, 5 retries then give up)
 * that would let drift go unnoticed for hours.
 *
 * @param resync how often every resource is re-checked against the shared, batched observation; drift is
 *     noticed within this interval (see {@link #listingInterval})
 * @param fullObserve how often each resource re-reads everything it owns one by one (tags, say), spread out
 *     per resource so they do not all come at once
 * @param confirm how soon after applying changes the result is observed again before reporting Ready
 * @param backoffBase first delay after a transient failure or throttling, doubled per consecutive failure
 * @param backoffMax the longest delay between retries of a failing resource
 * @param stalledRecheck how often a Stalled resource is looked at again (a person may have fixed AWS)
 */
public record ReconcileTimings(Duration resync, Duration fullObserve, Duration confirm, Duration backoffBase,
    Duration backoffMax, Duration stalledRecheck) {

  public static ReconcileTimings defaults() {
    return new ReconcileTimings(Duration.ofMinutes(10), Duration.ofHours(6), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(10));
  }

  /** The same timings with another resync; a Stalled resource is rechecked at the same interval. */
  public ReconcileTimings withResync(Duration newResync) {
    return new ReconcileTimings(newResync, fullObserve, confirm, backoffBase, backoffMax, newResync);
  }

  public ReconcileTimings withFullObserve(Duration newFullObserve) {
    return new ReconcileTimings(resync, newFullObserve, confirm, backoffBase, backoffMax, stalledRecheck);
  }

  /** The framework re-queues every resource at half the resync, so each reads the shared listings twice per resync. */
  public Duration requeue() {
    return resync.dividedBy(2);
  }

  /**
   * How often each shared listing starts a pass: a quarter of the resync. What a reconcile reads is then at most a
   * quarter plus one pass old, and it reads at least every half: drift is noticed within the resync as long as a
   * pass takes less than a quarter of it (2.5 min at the default: 375 pages of DescribeLogGroups).
   */
  public Duration listingInterval() {
    return resync.dividedBy(4);
  }

  /** A shared listing with no complete pass for longer than the resync is behind, and says so on resources. */
  public Duration listingBehindAfter() {
    return resync;
  }

  /**
   * How long a resource may be held back by the operator's own rate limiter (or wait for a listing to cover it, or
   * be throttled by AWS) quietly; past this its status says what it waits for. A tenth of the resync (1 min at the
   * default), and never less than two backoff steps: the retry after one AWS throttle (backoffBase, jitter
   * included) must still be quiet, or a short resync (the bench's time scale) would report every single throttle.
   */
  public Duration rateLimitedQuietFor() {
    Duration tenth = resync.dividedBy(10);
    Duration twoSteps = backoffBase.multipliedBy(2);
    return tenth.compareTo(twoSteps) >= 0 ? tenth : twoSteps;
  }
}
