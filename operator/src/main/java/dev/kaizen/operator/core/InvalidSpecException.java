package dev.kaizen.operator.core;

/**
 * The spec cannot be acted on for a reason only the running operator can see (its configuration, or what status
 * recorded earlier). The message is one plain sentence for the {@code Stalled} condition.
 */
public class InvalidSpecException extends RuntimeException {
  public InvalidSpecException(String message) {
    super(message);
  }

  /** The Stalled condition's reason; a subclass names a more precise one (AccountNotAllowed, say). */
  public String reason() {
    return Reasons.INVALID_SPEC;
  }
}
