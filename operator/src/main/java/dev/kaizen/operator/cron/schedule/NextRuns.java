package dev.kaizen.operator.cron.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The run times of a schedule in a time zone, after a given instant, by a target's daylight-saving rule. */
public final class NextRuns {
  /** Far enough for a schedule on 29 February that skips a century year (8 years); more means it never runs. */
  private static final int MAX_DAYS = 366 * 9;

  private NextRuns() {}

  /** The first {@code count} runs strictly after {@code after}, in the zone's local time with its offset. */
  public static List<ZonedDateTime> after(CronSchedule schedule, ZoneId zone, Instant after, int count,
      DaylightSavingRule rule) {
    TreeSet<Instant> runs = new TreeSet<>();
    LocalDate day = LocalDate.ofInstant(after, zone);
    // A repeated hour may put a later local time before an earlier one's second occurrence: a day is completed
    // before stopping, and the runs sorted as instants.
    for (int i = 0; i < MAX_DAYS && runs.size() < count; i++, day = day.plusDays(1)) {
      if (!schedule.runsOn(day)) {
        continue;
      }
      for (int hour = 0; hour < 24; hour++) {
        if (!schedule.hasHour(hour)) {
          continue;
        }
        for (int minute = 0; minute < 60; minute++) {
          if (schedule.hasMinute(minute)) {
            instants(LocalDateTime.of(day, LocalTime.of(hour, minute)), zone, rule).stream()
                .filter(instant -> instant.isAfter(after)).forEach(runs::add);
          }
        }
      }
    }
    List<ZonedDateTime> first = new ArrayList<>();
    for (Instant run : runs) {
      if (first.size() == count) {
        break;
      }
      first.add(run.atZone(zone));
    }
    return first;
  }

  /** The instants a local time stands for under the rule: none in a gap, one or two in an overlap. */
  static List<Instant> instants(LocalDateTime local, ZoneId zone, DaylightSavingRule rule) {
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      return List.of(); // skipped by a daylight-saving change: both targets skip it
    }
    if (rule == DaylightSavingRule.FIRST_OCCURRENCE_ONLY) {
      // getValidOffsets lists the earlier offset (the first occurrence) first.
      return List.of(local.toInstant(offsets.get(0)));
    }
    return offsets.stream().map(local::toInstant).toList();
  }
}
