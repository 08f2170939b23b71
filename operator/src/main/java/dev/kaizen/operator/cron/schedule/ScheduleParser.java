package dev.kaizen.operator.cron.schedule;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser for every form a CronJobSet job's schedule may take: a standard 5-field cron expression (lists,
 * ranges, steps, month and day names, Sunday as 0 or 7), a macro ({@code @hourly} ...), or the readable
 * {@code every:} / {@code at:} form. Every error names the field and the value at fault.
 *
 * <p>Written here rather than taken from a cron library: the operator needs the parsed field sets themselves (to
 * translate to EventBridge Scheduler's dialect and to compute next runs by each target's own daylight-saving
 * rules), Kubernetes' own parser semantics for {@code *} in the day fields, and messages that point at one field.
 */
public final class ScheduleParser {
  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
  private static final String FIELDS = "minute hour day-of-month month day-of-week";
  private static final Pattern EVERY_MINUTES = Pattern.compile("(\\d+)\\s*(m|min|mins|minute|minutes)");
  private static final Pattern EVERY_HOURS = Pattern.compile("(\\d+)\\s*(h|hour|hours)");
  private static final Pattern EVERY_DAYS = Pattern.compile("(\\d+)\\s*(d|day|days)");
  private static final Pattern AT_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern AT_MINUTE = Pattern.compile(":?(\\d{1,2})");
  private static final List<String> DAY_NAMES =
      List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

  private ScheduleParser() {}

  /** Parses a standard cron expression or a macro. */
  public static CronSchedule parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new ScheduleException("The schedule is empty.");
    }
    String text = expression.trim();
    if (text.startsWith("CRON_TZ=") || text.startsWith("TZ=")) {
      throw new ScheduleException("The schedule \"" + text + "\" names a time zone: set spec.timeZone (or the job's"
          + " timeZone) instead.");
    }
    if (text.startsWith("@")) {
      return parse(macro(text));
    }
    String[] fields = text.split("\\s+");
    if (fields.length != 5) {
      throw new ScheduleException("The schedule \"" + text + "\" has " + fields.length + " field"
          + (fields.length == 1 ? "" : "s") + "; standard cron has 5 (" + FIELDS + ")"
          + (fields.length == 6 ? ": a seconds or a year field is not standard cron." : "."));
    }
    FieldValues minutes = field(CronField.MINUTE, fields[0]);
    FieldValues hours = field(CronField.HOUR, fields[1]);
    FieldValues days = field(CronField.DAY_OF_MONTH, fields[2]);
    FieldValues months = field(CronField.MONTH, fields[3]);
    FieldValues weekdays = field(CronField.DAY_OF_WEEK, fields[4]);
    CronSchedule schedule = new CronSchedule(minutes.bits, hours.bits, days.bits, months.bits, weekdays.bits,
        days.star, weekdays.star);
    requireSomeDay(text, schedule);
    return schedule;
  }

  private static String macro(String text) {
    String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
    if (macro != null) {
      return macro;
    }
    if (text.equalsIgnoreCase("@reboot")) {
      throw new ScheduleException("@reboot runs when a server boots; a scheduled job has no boot to run at.");
    }
    if (text.toLowerCase(Locale.ROOT).startsWith("@every")) {
      throw new ScheduleException("\"" + text + "\" is not standard cron: write every: (e.g. every: 15m) instead.");
    }
    throw new ScheduleException("Unknown macro " + text + "; known: @yearly, @annually, @monthly, @weekly, @daily,"
        + " @midnight, @hourly.");
  }

  /** A day-of-month that no allowed month has (30 February) would never run: refused rather than accepted silently. */
  private static void requireSomeDay(String text, CronSchedule schedule) {
    if (!schedule.dayOfWeekStar() && !schedule.dayOfMonthStar()) {
      return; // either-or: the day-of-week side always runs
    }
    for (int month : schedule.values(CronField.MONTH)) {
      int longest = Month.of(month).maxLength();
      for (int day : schedule.values(CronField.DAY_OF_MONTH)) {
        if (day <= longest) {
          return;
        }
      }
    }
    throw new ScheduleException("The schedule \"" + text + "\" never runs: none of its months has day "
        + schedule.values(CronField.DAY_OF_MONTH) + ".");
  }

  private record FieldValues(long bits, boolean star) {}

  private static FieldValues field(CronField field, String text) {
    if (text.isEmpty()) {
      throw new ScheduleException("The " + field.label() + " field is empty.");
    }
    long bits = 0;
    boolean star = false;
    for (String element : text.split(",", -1)) {
      if (element.isEmpty()) {
        throw new ScheduleException("The " + field.label() + " field \"" + text + "\" has an empty list element.");
      }
      rejectNonStandard(field, element);
      String[] rangeAndStep = element.split("/", -1);
      if (rangeAndStep.length > 2) {
        throw new ScheduleException("The " + field.label() + " value \"" + element + "\" has more than one step (/).");
      }
      int step = 1;
      if (rangeAndStep.length == 2) {
        step = number(field, rangeAndStep[1], "step");
        if (step < 1) {
          throw new ScheduleException("The " + field.label() + " value \"" + element + "\" has step 0: a step is at"
              + " least 1.");
        }
      }
      int start;
      int end;
      String range = rangeAndStep[0];
      if (range.equals("*")) {
        start = field.min();
        end = field.lastValue();
        // Kubernetes' parser (robfig/cron) treats * and */1 as "any day" for the day fields, and */2 as a restriction.
        star |= step == 1;
      } else {
        String[] bounds = range.split("-", -1);
        if (bounds.length > 2) {
          throw new ScheduleException("The " + field.label() + " range \"" + range + "\" has more than one dash.");
        }
        start = value(field, bounds[0]);
        end = bounds.length == 2 ? value(field, bounds[1]) : rangeAndStep.length == 2 ? field.max() : start;
        if (bounds.length == 2 && start > end) {
          throw new ScheduleException("The " + field.label() + " range \"" + range + "\" runs backwards: cron ranges"
              + " do not wrap around; write two ranges (e.g. " + bounds[0] + "-" + field.max() + "," + field.min()
              + "-" + bounds[1] + ").");
        }
      }
      for (int value = start; value <= end; value += step) {
        // Sunday may be written as 7; it is kept as 0.
        bits |= 1L << (field == CronField.DAY_OF_WEEK && value == 7 ? 0 : value);
      }
    }
    return new FieldValues(bits, star);
  }

  /** Quartz / EventBridge marks ({@code ?}, {@code L}, {@code W}, {@code #}) are named, not reported as bad numbers. */
  private static void rejectNonStandard(CronField field, String element) {
    String upper = element.toUpperCase(Locale.ROOT);
    String mark = upper.contains("?") ? "?" : upper.contains("#") ? "#"
        : upper.equals("L") || upper.equals("LW") || upper.matches(".*\\d[LW].*") ? upper.replaceAll("[^LW]", "")
        : null;
    if (mark != null) {
      throw new ScheduleException("The " + field.label() + " value \"" + element + "\" uses " + mark
          + ", which is Quartz / EventBridge syntax, not standard cron" + (mark.equals("?") ? ": write *." : "."));
    }
  }

  private static int value(CronField field, String text) {
    if (text.isEmpty()) {
      throw new ScheduleException("The " + field.label() + " field has a range with a missing bound.");
    }
    if (Character.isLetter(text.charAt(0))) {
      int named = field.valueOfName(text);
      if (named < 0) {
        throw new ScheduleException(field.hasNames()
            ? "\"" + text + "\" is not a " + field.label() + " name; names are " + field.nameList() + "."
            : "The " + field.label() + " field takes numbers " + field.min() + "-" + field.max() + ", not \"" + text
                + "\".");
      }
      return named;
    }
    int value = number(field, text, "value");
    if (value < field.min() || value > field.max()) {
      throw new ScheduleException("The " + field.label() + " " + value + " is out of range " + field.min() + "-"
          + field.max() + ".");
    }
    return value;
  }

  private static int number(CronField field, String text, String what) {
    if (!text.matches("\\d{1,3}")) {
      throw new ScheduleException("The " + field.label() + " " + what + " \"" + text + "\" is not a number.");
    }
    return Integer.parseInt(text);
  }

  /**
   * The readable form: {@code every: 15m} (minutes dividing an hour), {@code every: 2h} with an optional
   * {@code at: ":30"}, {@code every: 1d} with {@code at: "04:30"}, {@code every: monday} (or {@code weekday},
   * {@code weekend}, {@code monday,thursday}) with {@code at:}. Returns the equivalent cron expression, parsed.
   */
  public static CronSchedule every(String every, String at) {
    return parse(everyAsCron(every, at));
  }

  /** The readable form as a standard cron expression. */
  public static String everyAsCron(String every, String at) {
    if (every == null || every.isBlank()) {
      throw new ScheduleException("every is empty.");
    }
    String text = every.trim().toLowerCase(Locale.ROOT);
    Matcher minutes = EVERY_MINUTES.matcher(text);
    if (minutes.matches()) {
      int n = Integer.parseInt(minutes.group(1));
      if (at != null) {
        throw new ScheduleException("every: " + every + " runs several times an hour; at: does not apply to it.");
      }
      if (n < 1 || n > 60 || 60 % n != 0) {
        throw new ScheduleException("every: " + every + " cannot be kept exactly by cron: the minutes must divide an"
            + " hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60).");
      }
      return n == 60 ? "0 * * * *" : n == 1 ? "* * * * *" : "*/" + n + " * * * *";
    }
    Matcher hours = EVERY_HOURS.matcher(text);
    if (hours.matches()) {
      int n = Integer.parseInt(hours.group(1));
      if (n < 1 || n > 24 || 24 % n != 0) {
        throw new ScheduleException("every: " + every + " cannot be kept exactly by cron: the hours must divide a"
            + " day (1, 2, 3, 4, 6, 8, 12 or 24).");
      }
      int minute = at == null ? 0 : minuteOfHour(at);
      return minute + " " + (n == 1 ? "*" : n == 24 ? "0" : "*/" + n) + " * * *";
    }
    Matcher days = EVERY_DAYS.matcher(text);
    if (days.matches()) {
      if (!days.group(1).equals("1")) {
        throw new ScheduleException("every: " + every + " cannot be kept exactly by cron (months do not divide into"
            + " " + days.group(1) + "-day periods): use every: 1d, day names, or a cron expression.");
      }
      return time(at) + " * * *";
    }
    return time(at) + " * * " + weekdays(every, text);
  }

  private static String weekdays(String every, String text) {
    if (text.equals("day")) {
      return "*";
    }
    if (text.equals("weekday") || text.equals("weekdays")) {
      return "1-5";
    }
    if (text.equals("weekend") || text.equals("weekends")) {
      return "0,6";
    }
    StringBuilder days = new StringBuilder();
    for (String day : text.split("\\s*,\\s*")) {
      String singular = day.endsWith("s") ? day.substring(0, day.length() - 1) : day;
      int index = DAY_NAMES.indexOf(singular);
      if (index < 0) {
        throw new ScheduleException("every: " + every + " is not understood; write a number and a unit (15m, 2h,"
            + " 1d), day names (monday, monday,thursday), weekday or weekend.");
      }
      days.append(days.length() == 0 ? "" : ",").append(index);
    }
    return days.toString();
  }

  /** {@code "04:30"} -> {@code "30 4"}; midnight when absent. */
  private static String time(String at) {
    if (at == null) {
      return "0 0";
    }
    Matcher time = AT_TIME.matcher(at.trim());
    if (!time.matches()) {
      throw new ScheduleException("at: \"" + at + "\" is not a time of day; write HH:MM on the 24-hour clock, e.g."
          + " \"04:30\".");
    }
    int hour = Integer.parseInt(time.group(1));
    int minute = Integer.parseInt(time.group(2));
    if (hour > 23 || minute > 59) {
      throw new ScheduleException("at: \"" + at + "\" is not a time of day (hours 0-23, minutes 0-59).");
    }
    return minute + " " + hour;
  }

  private static int minuteOfHour(String at) {
    Matcher minute = AT_MINUTE.matcher(at.trim());
    if (!minute.matches() || Integer.parseInt(minute.group(1)) > 59) {
      throw new ScheduleException("at: \"" + at + "\" is not a minute past the hour; write e.g. \":30\".");
    }
    return Integer.parseInt(minute.group(1));
  }
}
