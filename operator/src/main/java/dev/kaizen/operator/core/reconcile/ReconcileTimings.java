package dev.kaizen.operator.core.reconcile;

import java.time.Duration;

/**
 * When to look again. Replaces the framework's defaults (a 10-hour maximum interval, 5 retries then give up)
 * that would let drift go unnoticed for hours.
 *
 * @param resync how often every resource is re-checked against the shared, batched observation; drift is
 *     noticed within this interval (the snapshot it reads is at most half of it old, see {@link #snapshotMaxAge})
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

  /** The framework re-queues every resource at half the resync so a snapshot refresh is always in time. */
  public Duration requeue() {
    return resync.dividedBy(2);
  }

  /** Shared snapshots older than this are refreshed before use. */
  public Duration snapshotMaxAge() {
    return resync.dividedBy(2);
  }
}
