package dev.kaizen.operator.cron.schedule;

/** A schedule that cannot be parsed or translated; the message is one sentence a person can act on. */
public final class ScheduleException extends IllegalArgumentException {
  public ScheduleException(String message) {
    super(message);
  }
}
