package dev.kaizen.operator.cron.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleParserTest {

  private static String canonical(String expression) {
    return ScheduleParser.parse(expression).toStandard();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "* * * * *            | * * * * *",
      "*/15 * * * *         | */15 * * * *",
      "0-59/15 * * * *      | */15 * * * *",
      "5/20 * * * *         | 5,25,45 * * * *",
      "3/10 * * * *         | 3-59/10 * * * *",
      "10-20/5 * * * *      | 10,15,20 * * * *",
      "0,30 9-17 * * 1-5    | 0,30 9-17 * * 1-5",
      "0 2 * * MON-FRI      | 0 2 * * 1-5",
      "0 2 * * mon,wed,FRI  | 0 2 * * 1,3,5",
      "0 0 1 JAN,jul *      | 0 0 1 1,7 *",
      "0 0 * * 7            | 0 0 * * 0",
      "0 0 * * 0            | 0 0 * * 0",
      "0 0 * * 5-7          | 0 0 * * 0,5,6",
      "0 0 * * 0-6          | 0 0 * * 0-6",
      "0 0 */2 * *          | 0 0 */2 * *",
      "0 0 1-31 * *         | 0 0 1-31 * *",
      "0 */6 * * *          | 0 */6 * * *",
      "@hourly              | 0 * * * *",
      "@daily               | 0 0 * * *",
      "@midnight            | 0 0 * * *",
      "@weekly              | 0 0 * * 0",
      "@monthly             | 0 0 1 * *",
      "@yearly              | 0 0 1 1 *",
      "@ANNUALLY            | 0 0 1 1 *",
  })
  void everyFieldFormBecomesTheCanonicalExpressionKubernetesAccepts(String expression, String expected) {
    assertThat(canonical(expression)).isEqualTo(expected);
  }

  @Test
  void aStarDayFieldMeansBothMustMatchAndTwoRestrictedDayFieldsMeanEither() {
    CronSchedule both = ScheduleParser.parse("0 0 13 * 5"); // the 13th, or any Friday
    assertThat(both.daysEitherOr()).isTrue();
    assertThat(both.runsOn(LocalDate.of(2026, 11, 13))).as("Friday the 13th").isTrue();
    assertThat(both.runsOn(LocalDate.of(2026, 11, 20))).as("a Friday").isTrue();
    assertThat(both.runsOn(LocalDate.of(2026, 12, 13))).as("a Sunday the 13th").isTrue();
    assertThat(both.runsOn(LocalDate.of(2026, 12, 14))).as("a Monday the 14th").isFalse();

    CronSchedule fridays = ScheduleParser.parse("0 0 * * 5");
    assertThat(fridays.runsOn(LocalDate.of(2026, 12, 13))).isFalse();
    assertThat(fridays.runsOn(LocalDate.of(2026, 11, 20))).isTrue();
    // Kubernetes' parser: */2 restricts (it is not "*"), so with a restricted day-of-week it is "either".
    assertThat(ScheduleParser.parse("0 0 */2 * 1").daysEitherOr()).isTrue();
    assertThat(ScheduleParser.parse("0 0 */1 * 1").daysEitherOr()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0 25 * * *         | The hour 25 is out of range 0-23.",
      "60 * * * *         | The minute 60 is out of range 0-59.",
      "0 0 0 * *          | The day-of-month 0 is out of range 1-31.",
      "0 0 * 13 *         | The month 13 is out of range 1-12.",
      "0 0 * * 8          | The day-of-week 8 is out of range 0-7.",
      "0 0 * * MOM        | \"MOM\" is not a day-of-week name; names are SUN, MON, TUE, WED, THU, FRI, SAT.",
      "0 0 * JANUARY *    | \"JANUARY\" is not a month name; names are JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC.",
      "0 x * * *          | The hour field takes numbers 0-23, not \"x\".",
      "*/0 * * * *        | The minute value \"*/0\" has step 0: a step is at least 1.",
      "0 0 * * 5-1        | The day-of-week range \"5-1\" runs backwards: cron ranges do not wrap around; write two ranges (e.g. 5-7,0-1).",
      "0 0 * * ?          | The day-of-week value \"?\" uses ?, which is Quartz / EventBridge syntax, not standard cron: write *.",
      "0 0 L * *          | The day-of-month value \"L\" uses L, which is Quartz / EventBridge syntax, not standard cron.",
      "0 0 15W * *        | The day-of-month value \"15W\" uses W, which is Quartz / EventBridge syntax, not standard cron.",
      "0 0 * * 5#3        | The day-of-week value \"5#3\" uses #, which is Quartz / EventBridge syntax, not standard cron.",
      "0 0 1,,2 * *       | The day-of-month field \"1,,2\" has an empty list element.",
      "0 0 30 2 *         | The schedule \"0 0 30 2 *\" never runs: none of its months has day [30].",
      "0 0 * *            | The schedule \"0 0 * *\" has 4 fields; standard cron has 5 (minute hour day-of-month month day-of-week).",
      "0 0 0 * * *        | The schedule \"0 0 0 * * *\" has 6 fields; standard cron has 5 (minute hour day-of-month month day-of-week): a seconds or a year field is not standard cron.",
      "@reboot            | @reboot runs when a server boots; a scheduled job has no boot to run at.",
      "@every 5m          | \"@every 5m\" is not standard cron: write every: (e.g. every: 15m) instead.",
      "@often             | Unknown macro @often; known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly.",
      "CRON_TZ=UTC 0 0 * * * | The schedule \"CRON_TZ=UTC 0 0 * * *\" names a time zone: set spec.timeZone (or the job's timeZone) instead.",
  })
  void errorsNameTheFieldAndTheValue(String expression, String message) {
    assertThatThrownBy(() -> ScheduleParser.parse(expression)).isInstanceOf(ScheduleException.class)
        .hasMessage(message);
  }

  @Test
  void namesThatContainLOrWAreNamesNotQuartzMarks() {
    assertThat(canonical("0 0 * JUL WED")).isEqualTo("0 0 * 7 3");
    assertThat(canonical("0 0 29 2 *")).isEqualTo("0 0 29 2 *");
  }

  @ParameterizedTest(name = "every {0} at {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "15m               | -       | */15 * * * *",
      "1m                | -       | * * * * *",
      "30 minutes        | -       | 0,30 * * * *",
      "60m               | -       | 0 * * * *",
      "1h                | -       | 0 * * * *",
      "2h                | :30     | 30 */2 * * *",
      "24h               | -       | 0 0 * * *",
      "1d                | 04:30   | 30 4 * * *",
      "1d                | -       | 0 0 * * *",
      "day               | 23:05   | 5 23 * * *",
      "monday            | 04:30   | 30 4 * * 1",
      "Sundays           | 7:00    | 0 7 * * 0",
      "monday,thursday   | 12:00   | 0 12 * * 1,4",
      "weekday           | 06:15   | 15 6 * * 1-5",
      "weekend           | 10:00   | 0 10 * * 0,6",
  })
  void theReadableForms(String every, String at, String expected) {

    assertThat(ScheduleParser.every(every, at).toStandard()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "every {0} at {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "7m      | -      | every: 7m cannot be kept exactly by cron: the minutes must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60).",
      "5h      | -      | every: 5h cannot be kept exactly by cron: the hours must divide a day (1, 2, 3, 4, 6, 8, 12 or 24).",
      "2d      | 04:00  | every: 2d cannot be kept exactly by cron (months do not divide into 2-day periods): use every: 1d, day names, or a cron expression.",
      "15m     | 04:00  | every: 15m runs several times an hour; at: does not apply to it.",
      "1d      | 25:00  | at: \"25:00\" is not a time of day (hours 0-23, minutes 0-59).",
      "1d      | 4pm    | at: \"4pm\" is not a time of day; write HH:MM on the 24-hour clock, e.g. \"04:30\".",
      "2h      | 30:00  | at: \"30:00\" is not a minute past the hour; write e.g. \":30\".",
      "mondays and fridays | - | every: mondays and fridays is not understood; write a number and a unit (15m, 2h, 1d), day names (monday, monday,thursday), weekday or weekend.",
  })
  void readableFormErrors(String every, String at, String message) {
    assertThatThrownBy(() -> ScheduleParser.everyAsCron(every, at)).isInstanceOf(ScheduleException.class)
        .hasMessage(message);
  }
}
