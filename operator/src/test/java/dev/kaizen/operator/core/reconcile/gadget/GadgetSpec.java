package dev.kaizen.operator.core.reconcile.gadget;

import dev.kaizen.operator.api.v1alpha1.common.KaizenSpec;
import java.util.ArrayList;
import java.util.List;

public class GadgetSpec extends KaizenSpec {
  /** The parts it owns, by name. */
  private List<String> parts = new ArrayList<>();
  /** Whether making a part takes time (the store answers with a handle, the part appears once it completes). */
  private boolean slow;
  /** Phases to go through in order, one side effect each. */
  private List<String> phases = new ArrayList<>();

  public List<String> getParts() {
    return parts;
  }

  public void setParts(List<String> parts) {
    this.parts = parts;
  }

  public boolean isSlow() {
    return slow;
  }

  public void setSlow(boolean slow) {
    this.slow = slow;
  }

  public List<String> getPhases() {
    return phases;
  }

  public void setPhases(List<String> phases) {
    this.phases = phases;
  }
}
