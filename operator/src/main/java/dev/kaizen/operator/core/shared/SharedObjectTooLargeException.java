package dev.kaizen.operator.core.shared;

/**
 * Our part would make a shared object larger than its service accepts. Raised before anything is written, so the
 * object is never truncated; the message is one plain sentence for the {@code Stalled} condition.
 */
public final class SharedObjectTooLargeException extends RuntimeException {
  public SharedObjectTooLargeException(String message) {
    super(message);
  }
}
