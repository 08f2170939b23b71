package dev.kaizen.operator.cron.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchedulerCronTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "* * * * *          | cron(* * * * ? *)",
      "*/15 * * * *       | cron(0/15 * * * ? *)",
      "5/20 * * * *       | cron(5,25,45 * * * ? *)",
      "30 4 * * *         | cron(30 4 * * ? *)",
      "0 0 1 * *          | cron(0 0 1 * ? *)",
      "0 0 */2 * *        | cron(0 0 1/2 * ? *)",
      "0 0 1,15 1-3 *     | cron(0 0 1,15 1-3 ? *)",
      // day-of-week: standard 0-6 (and 7) for Sunday-Saturday, Scheduler 1-7
      "0 0 * * 0          | cron(0 0 ? * 1 *)",
      "0 0 * * 7          | cron(0 0 ? * 1 *)",
      "0 0 * * SUN        | cron(0 0 ? * 1 *)",
      "0 0 * * 6          | cron(0 0 ? * 7 *)",
      "0 0 * * SAT        | cron(0 0 ? * 7 *)",
      "0 9 * * 1-5        | cron(0 9 ? * 2-6 *)",
      "0 9 * * MON-FRI    | cron(0 9 ? * 2-6 *)",
      "0 9 * * 5-7        | cron(0 9 ? * 1,6,7 *)",
      "0 9 * * 0,6        | cron(0 9 ? * 1,7 *)",
      "0 9 * * */2        | cron(0 9 ? * 1,3,5,7 *)",
      "0 9 * * 0-6        | cron(0 9 ? * * *)",
      "0 9 1-31 * *       | cron(0 9 * * ? *)",
      "3/10 * * * *       | cron(3/10 * * * ? *)",
      "@weekly            | cron(0 0 ? * 1 *)",
      "@monthly           | cron(0 0 1 * ? *)",
      "@yearly            | cron(0 0 1 1 ? *)",
  })
  void translatesExactly(String standard, String scheduler) {
    assertThat(SchedulerCron.translate(ScheduleParser.parse(standard))).isEqualTo(scheduler);
  }

  @Test
  void dayOfMonthOrDayOfWeekHasNoExactEquivalentAndIsRefused() {
    assertThatThrownBy(() -> SchedulerCron.translate(ScheduleParser.parse("0 0 1 * MON")))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("restricts both day-of-month and day-of-week")
        .hasMessageContaining("split it into two jobs");
    // */2 in day-of-month restricts it (Kubernetes' reading), so with a weekday it is "either" too.
    assertThatThrownBy(() -> SchedulerCron.translate(ScheduleParser.parse("0 0 */2 * 1")))
        .isInstanceOf(ScheduleException.class);
  }
}
