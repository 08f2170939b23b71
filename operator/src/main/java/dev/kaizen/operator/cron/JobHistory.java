package dev.kaizen.operator.cron;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the Jobs a CronJob made say about its runs: when the newest started, when one last succeeded, and the newest
 * one's result. Read from the Jobs themselves (their conditions), not from the CronJob's status, so a run is judged
 * by how it ended.
 */
public record JobHistory(Optional<Instant> lastScheduleTime, Optional<Instant> lastSuccessfulTime,
    Optional<String> lastResult) {
  /** Set by the CronJob controller (Kubernetes 1.28+) on each Job: the time the run was scheduled for. */
  public static final String SCHEDULED_AT = "batch.kubernetes.io/cronjob-scheduled-timestamp";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String RUNNING = "Running";

  public static JobHistory of(List<Job> jobs) {
    Optional<Job> newest = jobs.stream().max(Comparator.comparing(JobHistory::scheduledAt));
    Optional<Instant> lastSuccess = jobs.stream().filter(job -> SUCCEEDED.equals(result(job)))
        .map(JobHistory::succeededAt).max(Comparator.naturalOrder());
    return new JobHistory(newest.map(JobHistory::scheduledAt), lastSuccess, newest.map(JobHistory::result));
  }

  static Instant scheduledAt(Job job) {
    var annotations = job.getMetadata().getAnnotations();
    String scheduled = annotations == null ? null : annotations.get(SCHEDULED_AT);
    if (scheduled != null) {
      return Instant.parse(scheduled);
    }
    if (job.getStatus() != null && job.getStatus().getStartTime() != null) {
      return Instant.parse(job.getStatus().getStartTime());
    }
    return job.getMetadata().getCreationTimestamp() == null ? Instant.EPOCH
        : Instant.parse(job.getMetadata().getCreationTimestamp());
  }

  static String result(Job job) {
    if (condition(job, "Complete")) {
      return SUCCEEDED;
    }
    return condition(job, "Failed") ? FAILED : RUNNING;
  }

  private static Instant succeededAt(Job job) {
    if (job.getStatus() != null && job.getStatus().getCompletionTime() != null) {
      return Instant.parse(job.getStatus().getCompletionTime());
    }
    return conditions(job).stream().filter(c -> "Complete".equals(c.getType()) && c.getLastTransitionTime() != null)
        .map(c -> Instant.parse(c.getLastTransitionTime())).findFirst().orElseGet(() -> scheduledAt(job));
  }

  private static boolean condition(Job job, String type) {
    return conditions(job).stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<JobCondition> conditions(Job job) {
    return job.getStatus() == null || job.getStatus().getConditions() == null ? List.of()
        : job.getStatus().getConditions();
  }
}
