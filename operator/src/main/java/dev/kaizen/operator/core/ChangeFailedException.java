package dev.kaizen.operator.core;

/** A change of a plan failed; the cause is the AWS failure, classified by {@link FailureClassifier}. */
public final class ChangeFailedException extends RuntimeException {
  private final transient Change<?> change;

  public ChangeFailedException(Change<?> change, RuntimeException cause) {
    super(change.describe() + " failed", cause);
    this.change = change;
  }

  public Change<?> change() {
    return change;
  }
}
