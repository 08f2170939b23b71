package dev.kaizen.operator.aws;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Who a call is made for, and in which attempt, so that a shared rate-limit bucket can give every waiting caller
 * its turn ({@link FairBucket}). A kind makes one per reconcile ({@link #resource}) and passes it with each AWS
 * call of that reconcile: explicitly rather than in a thread-local, because a gateway reading hidden state would be
 * one more thing to get wrong, and a reconcile may run its steps on different threads.
 *
 * @param id the resource's uid, or a listing's name; empty for {@link #UNQUEUED}
 * @param attempt tells one reconcile of the resource from the next: the calls of one attempt are repeated when it
 *     is retried, so a turn must hold enough tokens for all of them
 */
public record AwsCaller(String id, long attempt) {
  private static final AtomicLong ATTEMPTS = new AtomicLong();

  /**
   * Takes a free token if there is one and never holds a place in line. For operations whose bucket no two
   * resources compete for hard (LogPipeline's per-operation CloudWatch Logs buckets); on a contended bucket it
   * only gets a token when no one is waiting.
   */
  public static final AwsCaller UNQUEUED = new AwsCaller("", 0);

  /** One reconcile of the resource with this uid (unique across namespaces and recreations). */
  public static AwsCaller resource(String uid) {
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException("a resource caller needs the resource's uid");
    }
    return new AwsCaller(uid, ATTEMPTS.incrementAndGet());
  }

  /** One page of a shared listing refreshed in the background, which gets its turn like any resource. */
  public static AwsCaller listing(String name) {
    return new AwsCaller("listing:" + name, ATTEMPTS.incrementAndGet());
  }

  boolean queued() {
    return !id.isEmpty();
  }
}
