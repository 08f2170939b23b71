package dev.kaizen.operator.core;

/** How the reconcile loop reacts to a failure (DESIGN.md, "Errors"). */
public enum FailureKind {
  /** AWS, the Kubernetes API (429) or our own limiter said slow down: reschedule, no flip to Stalled. */
  THROTTLED,
  /**
   * Worth retrying as is: 5xx, timeouts, network, a concurrent change (the next observe sees it), clock skew (the
   * SDK corrects its offset from the refusal, so the next call is signed right).
   */
  TRANSIENT,
  /**
   * The operator's AWS role or Kubernetes service account may not do this: Stalled, rechecked slowly (a person
   * must grant access).
   */
  ACCESS_DENIED,
  /**
   * AWS or the Kubernetes API rejected the request (invalid, too large, a missing namespace) or a limit was
   * reached: Stalled until the spec (or the account, or the cluster) changes.
   */
  INVALID,
  /**
   * The same request will be refused for as long as the spec is the same (a port says so of its service's errors):
   * Stalled, and nothing is applied again until the spec changes or a person asks with {@code kaizen.dev/retry}.
   * Observing goes on, so status still shows what is there and what would change.
   */
  TERMINAL
}
