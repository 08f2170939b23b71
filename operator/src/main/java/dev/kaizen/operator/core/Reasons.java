package dev.kaizen.operator.core;

/** CamelCase condition and event reasons shared by every kind. */
public final class Reasons {
  public static final String IN_SYNC = "InSync";
  /** Ready, but a shared listing cannot keep up with the resync interval: drift may be noticed late. */
  public static final String DRIFT_DETECTION_BEHIND = "DriftDetectionBehind";
  public static final String APPLYING = "ChangesApplied";
  public static final String PLAN_PENDING = "PlanPending";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String NAME_CONFLICT = "NameConflict";
  public static final String OWNED_BY_OTHER = "OwnedByAnother";
  public static final String ACCESS_DENIED = "AccessDenied";
  public static final String REJECTED_BY_AWS = "RejectedByAws";
  public static final String LIMIT_EXCEEDED = "LimitExceeded";
  public static final String THROTTLED = "Throttled";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String TRANSIENT_ERROR = "TransientError";
  /** An AWS call was given up after its timeout (SdkAwsClients.Timeouts). */
  public static final String AWS_TIMEOUT = "AwsTimeout";
  /** AWS refused a request's signature because the node's clock is off. */
  public static final String CLOCK_SKEW = "ClockSkew";
  /** The Kubernetes API refused a write that will not succeed as is (400, 404 namespace, 413, 422). */
  public static final String REJECTED_BY_KUBERNETES = "RejectedByKubernetes";
  /** A Kubernetes object changed between our read and our write (409); the next reconcile reads it again. */
  public static final String CONFLICT = "Conflict";
  /** Changes were made that take time (status.pending); the kind's own reason replaces this once it has looked. */
  public static final String WAITING_FOR_CHANGES = "WaitingForChanges";

  // Event-only reasons.
  public static final String CREATED = "Created";
  public static final String UPDATED = "Updated";
  public static final String DRIFT_CORRECTED = "DriftCorrected";
  public static final String ADOPTED = "Adopted";
  public static final String REATTACHED = "Reattached";
  public static final String DELETED = "Deleted";
  public static final String RETAINED = "Retained";
  public static final String STALLED = "Stalled";
  /** A change recorded in status.pending failed after it was made; it is planned again. */
  public static final String PENDING_CHANGE_FAILED = "PendingChangeFailed";

  private Reasons() {}
}
