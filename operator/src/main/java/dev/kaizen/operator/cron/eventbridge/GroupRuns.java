package dev.kaizen.operator.cron.eventbridge;

import java.time.Duration;

/**
 * What CloudWatch says of a schedule group's runs over a recent window (namespace {@code AWS/Scheduler}, dimension
 * {@code ScheduleGroup}, Sum): Scheduler publishes per account and per group, never per schedule or per run.
 *
 * @param window how far back
 * @param attempts InvocationAttemptCount: calls of the targets, retries included
 * @param targetErrors TargetErrorCount: calls the target refused or failed (a retry may still have succeeded)
 * @param dropped InvocationDroppedCount: runs given up after the retry policy was exhausted
 * @param deadLettered InvocationsSentToDeadLetterCount: runs sent to the dead-letter queue
 */
public record GroupRuns(Duration window, long attempts, long targetErrors, long dropped, long deadLettered) {
  /** Runs were lost: dropped, or delivered to the dead-letter queue instead of the target. */
  public boolean runsLost() {
    return dropped > 0 || deadLettered > 0;
  }
}
