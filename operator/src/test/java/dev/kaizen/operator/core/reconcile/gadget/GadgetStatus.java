package dev.kaizen.operator.core.reconcile.gadget;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;

public class GadgetStatus extends KaizenStatus {
  /** The phase entered last. */
  private String phase;
  /** Written by someone else in tests (a concurrent writer). */
  private String note;

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
