package dev.kaizen.operator.aws;

/**
 * Who a call is made for, so that a shared rate-limit bucket can give every waiting caller its turn
 * ({@link FairBucket}). Passed explicitly with each call rather than carried in a thread-local: a reconcile hops
 * threads between attempts, and a gateway reading hidden state would be one more thing to get wrong.
 *
 * @param id the resource's uid, or a listing's name; {@link #UNQUEUED} for callers that never wait in line
 */
public record AwsCaller(String id) {
  /**
   * Takes a free token if there is one and never holds a place in line. For operations whose bucket no two
   * resources compete for hard (LogPipeline's per-operation CloudWatch Logs buckets); on a contended bucket it
   * only gets a token when no one is waiting.
   */
  public static final AwsCaller UNQUEUED = new AwsCaller("");

  /** The resource a reconcile works for, by uid (unique across namespaces and recreations). */
  public static AwsCaller resource(String uid) {
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException("a resource caller needs the resource's uid");
    }
    return new AwsCaller(uid);
  }

  /** A shared listing refreshed in the background, which must get its turn like any resource. */
  public static AwsCaller listing(String name) {
    return new AwsCaller("listing:" + name);
  }

  boolean queued() {
    return !id.isEmpty();
  }
}
