package dev.kaizen.operator.core.reconcile;

import java.util.Objects;
import java.util.Optional;

/**
 * What a kind found when it asked about a pending change ({@link Kind#poll}): it took effect, it is still under
 * way (with what to say meanwhile), or it failed (with one sentence; the change is then planned again).
 */
public record PendingState(State state, Optional<Waiting> waiting, Optional<String> failure) {
  public enum State { DONE, WAITING, FAILED }

  public static final PendingState DONE = new PendingState(State.DONE, Optional.empty(), Optional.empty());

  public PendingState {
    Objects.requireNonNull(state, "state");
  }

  public static PendingState waiting(Waiting waiting) {
    return new PendingState(State.WAITING, Optional.of(waiting), Optional.empty());
  }

  public static PendingState failed(String sentence) {
    return new PendingState(State.FAILED, Optional.empty(), Optional.of(sentence));
  }
}
