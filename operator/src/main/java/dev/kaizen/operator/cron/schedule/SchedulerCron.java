package dev.kaizen.operator.cron.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Translates a standard cron schedule into EventBridge Scheduler's {@code cron(minutes hours day-of-month month
 * day-of-week year)}. Its differences, from the Scheduler user guide ("Cron-based schedules"): six fields (a year
 * field, here {@code *}); day-of-week numbered 1-7 for Sunday-Saturday (standard cron: 0-6, and 7 for Sunday); and
 * one of day-of-month and day-of-week must be {@code ?}, so a schedule restricting both cannot be written.
 *
 * <p>Standard cron runs a schedule restricting both day fields on a day matching either. Two Scheduler schedules
 * (one per day field) would run twice on a day matching both, and Scheduler cannot exclude those days, so no exact
 * equivalent exists: such a schedule is refused with a sentence saying how to split it, never translated into a
 * schedule that runs at other times.
 */
public final class SchedulerCron {
  private SchedulerCron() {}

  public static String translate(CronSchedule schedule) {
    if (schedule.daysEitherOr()) {
      throw new ScheduleException("The schedule restricts both day-of-month and day-of-week, which standard cron reads"
          + " as \"either\"; EventBridge Scheduler allows only one of them per schedule, and two schedules would run"
          + " twice on days matching both: split it into two jobs, one per day field.");
    }
    String dayOfMonth;
    String dayOfWeek;
    if (!schedule.dayOfWeekStar()) {
      dayOfMonth = "?";
      dayOfWeek = schedulerWeekdays(schedule.values(CronField.DAY_OF_WEEK));
    } else {
      dayOfMonth = schedule.dayOfMonthStar() ? "*" : schedule.renderForAws(CronField.DAY_OF_MONTH);
      dayOfWeek = "?";
    }
    return "cron(" + String.join(" ", schedule.renderForAws(CronField.MINUTE), schedule.renderForAws(CronField.HOUR),
        dayOfMonth, schedule.renderForAws(CronField.MONTH), dayOfWeek, "*") + ")";
  }

  /** Sunday = 0 ... Saturday = 6 becomes Scheduler's Sunday = 1 ... Saturday = 7. */
  static String schedulerWeekdays(List<Integer> standard) {
    if (standard.size() == 7) {
      return "*";
    }
    List<Integer> shifted = standard.stream().map(day -> day + 1).toList();
    // Lists and ranges only: a step renders differently once shifted, and weekdays are few.
    return CronSchedule.renderValues(CronField.DAY_OF_WEEK, shifted, "-").contains("/")
        ? shifted.stream().map(String::valueOf).collect(Collectors.joining(","))
        : CronSchedule.renderValues(CronField.DAY_OF_WEEK, shifted, "-");
  }
}
