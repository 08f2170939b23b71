package dev.kaizen.operator.cron.eventbridge;

import java.time.Instant;

/** A schedule group as GetScheduleGroup shows it. */
public record ObservedGroup(String name, String arn, String state, Instant created) {
  public boolean deleting() {
    return "DELETING".equals(state);
  }
}
