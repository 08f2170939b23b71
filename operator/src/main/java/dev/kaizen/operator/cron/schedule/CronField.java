package dev.kaizen.operator.cron.schedule;

import java.util.List;

/** The five fields of a standard cron expression, with their ranges and the names cron accepts for them. */
public enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  // 0 and 7 are both Sunday (crontab(5)); values are kept 0-6.
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  public String label() {
    return label;
  }

  public int min() {
    return min;
  }

  /** The largest value written (7 for day-of-week); {@link #lastValue} is the largest kept. */
  public int max() {
    return max;
  }

  /** The largest value a parsed field holds: Sunday-as-7 is folded into 0. */
  public int lastValue() {
    return this == DAY_OF_WEEK ? 6 : max;
  }

  /** The value of a name (JAN = 1, SUN = 0), or -1. */
  int valueOfName(String name) {
    int index = names.indexOf(name.toUpperCase(java.util.Locale.ROOT));
    if (index < 0) {
      return -1;
    }
    return this == MONTH ? index + 1 : index;
  }

  boolean hasNames() {
    return !names.isEmpty();
  }

  String nameList() {
    return String.join(", ", names);
  }
}
