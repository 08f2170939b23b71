package dev.kaizen.operator.core;

import java.util.List;

/**
 * A change of a plan failed; the cause is the AWS failure, classified by {@link FailureClassifier}. It keeps what
 * the changes applied before it did, so they are still logged and reported.
 */
public final class ChangeFailedException extends RuntimeException {
  private final transient Change<?> change;
  private final transient List<Applied<?>> appliedBefore;

  public ChangeFailedException(Change<?> change, List<? extends Applied<?>> appliedBefore, RuntimeException cause) {
    super(change.describe() + " failed", cause);
    this.change = change;
    this.appliedBefore = List.copyOf(appliedBefore);
  }

  public Change<?> change() {
    return change;
  }

  /** The changes applied before the one that failed, in order, with what each did. */
  public List<Applied<?>> appliedBefore() {
    return appliedBefore;
  }
}
