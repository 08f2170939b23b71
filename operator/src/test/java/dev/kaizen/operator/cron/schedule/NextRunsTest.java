package dev.kaizen.operator.cron.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Next runs across Europe/Berlin's changes of 2026: 29 March 02:00 -> 03:00, 25 October 03:00 -> 02:00. */
class NextRunsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static List<String> runs(String schedule, String after, int count, DaylightSavingRule rule) {
    return NextRuns.after(ScheduleParser.parse(schedule), BERLIN, Instant.parse(after), count, rule).stream()
        .map(ZonedDateTime::toOffsetDateTime).map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).toList();
  }

  @Test
  void aTimeInTheSkippedHourDoesNotRunThatDayOnEitherTarget() {
    for (DaylightSavingRule rule : DaylightSavingRule.values()) {
      assertThat(runs("30 2 * * *", "2026-03-27T12:00:00Z", 3, rule)).as(rule.name()).containsExactly(
          "2026-03-28T02:30:00+01:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00");
    }
  }

  @Test
  void aTimeInTheRepeatedHourRunsTwiceOnKubernetesAndOnceOnScheduler() {
    assertThat(runs("30 2 * * *", "2026-10-24T12:00:00Z", 3, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00", "2026-10-26T02:30:00+01:00");
    assertThat(runs("30 2 * * *", "2026-10-24T12:00:00Z", 3, DaylightSavingRule.FIRST_OCCURRENCE_ONLY))
        .containsExactly("2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00", "2026-10-27T02:30:00+01:00");
  }

  @Test
  void runsInARepeatedHourComeInTheOrderTheyHappen() {
    assertThat(runs("15,45 2 * * *", "2026-10-24T12:00:00Z", 4, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2026-10-25T02:15:00+02:00", "2026-10-25T02:45:00+02:00", "2026-10-25T02:15:00+01:00",
            "2026-10-25T02:45:00+01:00");
  }

  @Test
  void theLocalTimeStaysPutAcrossTheChangeOutsideTheChangedHour() {
    assertThat(runs("0 4 * * *", "2026-03-28T12:00:00Z", 2, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2026-03-29T04:00:00+02:00", "2026-03-30T04:00:00+02:00");
  }

  @Test
  void eitherOrDaysAndRareDates() {
    // the 13th or a Friday, from Wednesday 11 November 2026
    assertThat(runs("0 12 13 * 5", "2026-11-11T00:00:00Z", 3, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2026-11-13T12:00:00+01:00", "2026-11-20T12:00:00+01:00", "2026-11-27T12:00:00+01:00");
    assertThat(runs("0 0 29 2 *", "2026-01-01T00:00:00Z", 2, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2028-02-29T00:00:00+01:00", "2032-02-29T00:00:00+01:00");
    assertThat(runs("0 0 * * 7", "2026-11-30T00:00:00Z", 1, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2026-12-06T00:00:00+01:00");
  }

  @Test
  void strictlyAfterTheGivenInstant() {
    assertThat(runs("*/15 * * * *", "2026-11-30T10:15:00Z", 2, DaylightSavingRule.EVERY_MATCHING_INSTANT))
        .containsExactly("2026-11-30T11:30:00+01:00", "2026-11-30T11:45:00+01:00");
  }
}
