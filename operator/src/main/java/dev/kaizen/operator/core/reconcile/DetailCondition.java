package dev.kaizen.operator.core.reconcile;

import java.util.Objects;

/**
 * A condition of the kind's own beside Ready/Reconciling/Stalled (e.g. {@code DkimVerified}, {@code StandbyVerified}),
 * set by the loop on every path of every reconcile, failures included, so it never lies stale.
 *
 * @param status {@code True}, {@code False} or {@code Unknown}
 */
public record DetailCondition(String type, String status, String reason, String message) {
  public DetailCondition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if (!status.equals("True") && !status.equals("False") && !status.equals("Unknown")) {
      throw new IllegalArgumentException("condition status must be True, False or Unknown: " + status);
    }
  }

  public static DetailCondition of(String type, boolean value, String reason, String message) {
    return new DetailCondition(type, value ? "True" : "False", reason, message);
  }

  public static DetailCondition unknown(String type, String reason, String message) {
    return new DetailCondition(type, "Unknown", reason, message);
  }
}
