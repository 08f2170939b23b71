package dev.kaizen.operator.core;

/** How the reconcile loop reacts to a failure (DESIGN.md, "Errors"). */
public enum FailureKind {
  /** AWS or our own limiter said slow down: reschedule with backoff, no condition flip to Stalled. */
  THROTTLED,
  /** Worth retrying as is: 5xx, timeouts, network, a concurrent change (the next observe sees it). */
  TRANSIENT,
  /** The operator's role may not do this: Stalled, rechecked slowly (a person must grant access). */
  ACCESS_DENIED,
  /** AWS rejected the request or a limit was reached: Stalled until the spec (or the account) changes. */
  INVALID
}
