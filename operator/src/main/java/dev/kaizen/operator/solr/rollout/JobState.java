package dev.kaizen.operator.solr.rollout;

/** What a rollout Job (reindex, catch-up) is doing, as Kubernetes reports it. */
public record JobState(State state, String message) {
  public enum State { RUNNING, SUCCEEDED, FAILED }

  public static JobState running() {
    return new JobState(State.RUNNING, "running");
  }

  public static JobState succeeded() {
    return new JobState(State.SUCCEEDED, "succeeded");
  }

  public static JobState failed(String message) {
    return new JobState(State.FAILED, message);
  }
}
