package dev.kaizen.operator.cron.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed standard (5-field) cron schedule: the values each field allows, as bit sets, and whether day-of-month and
 * day-of-week were written as {@code *}. That last fact matters: when both are restricted, standard cron runs on a day
 * matching either (day-of-month OR day-of-week); when either is {@code *}, on a day matching both. Like Kubernetes'
 * parser (robfig/cron), {@code *} and {@code *}{@code /1} count as {@code *}, and {@code *}{@code /2} does not.
 *
 * @param weekdays Sunday = 0 ... Saturday = 6 (a 7 written for Sunday is folded into 0)
 */
public record CronSchedule(long minutes, long hours, long days, long months, long weekdays, boolean dayOfMonthStar,
    boolean dayOfWeekStar) {

  public boolean hasMinute(int minute) {
    return bit(minutes, minute);
  }

  public boolean hasHour(int hour) {
    return bit(hours, hour);
  }

  /** Whether the schedule runs on this calendar day, with standard cron's day-of-month / day-of-week rule. */
  public boolean runsOn(LocalDate date) {
    if (!bit(months, date.getMonthValue())) {
      return false;
    }
    boolean dayOfMonth = bit(days, date.getDayOfMonth());
    boolean dayOfWeek = bit(weekdays, date.getDayOfWeek().getValue() % 7);
    return dayOfMonthStar || dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
  }

  /** Both day fields restricted: standard cron's "day-of-month OR day-of-week". */
  public boolean daysEitherOr() {
    return !dayOfMonthStar && !dayOfWeekStar;
  }

  public List<Integer> values(CronField field) {
    long set = switch (field) {
      case MINUTE -> minutes;
      case HOUR -> hours;
      case DAY_OF_MONTH -> days;
      case MONTH -> months;
      case DAY_OF_WEEK -> weekdays;
    };
    List<Integer> values = new ArrayList<>();
    for (int value = field.min(); value <= field.lastValue(); value++) {
      if (bit(set, value)) {
        values.add(value);
      }
    }
    return values;
  }

  /**
   * The schedule in canonical standard form, as Kubernetes' CronJob accepts it: numbers only (names and a Sunday
   * written as 7 are translated, which Kubernetes' parser would refuse), {@code *} kept where it was written for the
   * day fields (it decides the AND / OR rule above).
   */
  public String toStandard() {
    return String.join(" ",
        render(CronField.MINUTE, false),
        render(CronField.HOUR, false),
        dayOfMonthStar ? "*" : renderValues(CronField.DAY_OF_MONTH, values(CronField.DAY_OF_MONTH), "-"),
        render(CronField.MONTH, false),
        dayOfWeekStar ? "*" : renderValues(CronField.DAY_OF_WEEK, values(CronField.DAY_OF_WEEK), "-"));
  }

  private String render(CronField field, boolean awsSteps) {
    List<Integer> values = values(field);
    if (values.size() == field.lastValue() - field.min() + 1) {
      return "*";
    }
    return renderValues(field, values, awsSteps ? "/" : "-");
  }

  /**
   * Values as the shortest of: a step from the first value to the end of the range ({@code 0-59/15}, or in
   * EventBridge's form {@code 0/15}), else ranges and single values ({@code 1-5,10}).
   */
  static String renderValues(CronField field, List<Integer> values, String stepForm) {
    // Steps for four values or more; fewer read better as a list (0,30 rather than */30, 1,3,5 rather than 1-6/2).
    if (values.size() >= 4) {
      int step = values.get(1) - values.get(0);
      boolean stepped = step > 1;
      for (int i = 1; stepped && i < values.size(); i++) {
        stepped = values.get(i) - values.get(i - 1) == step;
      }
      int last = values.get(values.size() - 1);
      if (stepped && last + step > field.lastValue()) {
        return stepForm.equals("/") ? values.get(0) + "/" + step
            : values.get(0) == field.min() ? "*/" + step : values.get(0) + "-" + field.lastValue() + "/" + step;
      }
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < values.size()) {
      int j = i;
      while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
        j++;
      }
      if (j - i >= 2) {
        parts.add(values.get(i) + "-" + values.get(j));
      } else {
        for (int k = i; k <= j; k++) {
          parts.add(String.valueOf(values.get(k)));
        }
      }
      i = j + 1;
    }
    return String.join(",", parts);
  }

  /** Field renderer for translators: {@code *} when every value is allowed, else AWS-style steps or lists. */
  String renderForAws(CronField field) {
    return render(field, true);
  }

  static boolean bit(long set, int value) {
    return (set & (1L << value)) != 0;
  }
}
