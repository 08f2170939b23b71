package dev.kaizen.operator.core;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A fact a plan writes to the resource's status before it makes any change: the phase a multi-step process is
 * entering, or a request being acknowledged. The loop writes it with optimistic locking (the resourceVersion it
 * read); when someone else wrote the resource since, the write fails and no change of the plan is made.
 *
 * @param describe one line for status.plan and logs, e.g. {@code enter phase Switching}
 * @param edit sets the fact on a status (applied to a copy for the locked write, then to the reconcile's status)
 */
public record StatusCommit(String describe, Consumer<KaizenStatus> edit) {
  public StatusCommit {
    Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(edit, "edit");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StatusCommit that && describe.equals(that.describe);
  }

  @Override
  public int hashCode() {
    return describe.hashCode();
  }

  @Override
  public String toString() {
    return describe;
  }
}
