package dev.kaizen.operator.cron.schedule;

/**
 * What a scheduler does with a local time that a daylight-saving change skips or repeats. The targets differ, so
 * each one's next runs are computed by its own rule.
 */
public enum DaylightSavingRule {
  /**
   * Kubernetes' CronJob controller (robfig/cron's {@code Next} in the CronJob's time zone): it runs at every instant
   * whose local time matches, so a time in a skipped hour does not run that day, and a time in a repeated hour runs
   * twice (once at each offset).
   */
  EVERY_MATCHING_INSTANT,
  /**
   * EventBridge Scheduler ("Daylight saving time" in its schedule types guide): a time in a skipped hour does not run
   * that day, and a time in a repeated hour runs once, at its first occurrence.
   */
  FIRST_OCCURRENCE_ONLY
}
