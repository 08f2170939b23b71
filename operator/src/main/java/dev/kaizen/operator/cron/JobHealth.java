package dev.kaizen.operator.cron;

import dev.kaizen.operator.cron.schedule.CronSchedule;
import dev.kaizen.operator.cron.schedule.DaylightSavingRule;
import dev.kaizen.operator.cron.schedule.NextRuns;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Whether a job has stopped succeeding: no success within two periods, i.e. the second scheduled run after its last
 * success (or, before any success, after its CronJob was made) has come and no run has succeeded since. One failed
 * or missed run is tolerated; two in a row are not.
 */
public final class JobHealth {
  private JobHealth() {}

  /**
   * @param since the last success, else when the CronJob was created
   * @return when the job became overdue, if it is
   */
  public static Optional<ZonedDateTime> overdueSince(CronSchedule schedule, ZoneId zone, Instant since, Instant now,
      DaylightSavingRule rule) {
    List<ZonedDateTime> runs = NextRuns.after(schedule, zone, since, 2, rule);
    if (runs.size() == 2 && !runs.get(1).toInstant().isAfter(now)) {
      return Optional.of(runs.get(1));
    }
    return Optional.empty();
  }
}
