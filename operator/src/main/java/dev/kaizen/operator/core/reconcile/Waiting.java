package dev.kaizen.operator.core.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * What a resource is waiting for, as its kind says it: the {@code Reconciling} reason, one sentence, and when to
 * look again (a Route 53 change is checked within seconds, a DKIM verification every few minutes).
 */
public record Waiting(String reason, String message, Duration recheckAfter) {
  public Waiting {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recheckAfter, "recheckAfter");
  }
}
