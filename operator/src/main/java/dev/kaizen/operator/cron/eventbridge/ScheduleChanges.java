package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.Happened;
import dev.kaizen.operator.cron.CronJobSetPorts;
import java.util.List;
import java.util.Map;

/** The changes the EventBridge target makes, one factory per Scheduler call. */
public final class ScheduleChanges {
  private ScheduleChanges() {}

  static Change<CronJobSetPorts> createGroup(String name, Map<String, String> tags, String reason) {
    return Change.of(Effect.CREATE, "CreateScheduleGroup", name, reason,
        ports -> ports.scheduler().createGroup(name, tags));
  }

  static Change<CronJobSetPorts> tagGroup(String name, String arn, Map<String, String> tags, String reason) {
    return Change.of(Effect.UPDATE, "TagResource", name, reason, ports -> ports.scheduler().tag(arn, tags));
  }

  static Change<CronJobSetPorts> create(ScheduleDefinition schedule, String reason) {
    return Change.of(Effect.CREATE, "CreateSchedule", target(schedule.group(), schedule.name()), reason,
        ports -> ports.scheduler().create(schedule));
  }

  static Change<CronJobSetPorts> update(ScheduleDefinition schedule, String reason, List<FieldChange> fields) {
    return Change.<CronJobSetPorts>of(Effect.UPDATE, "UpdateSchedule", target(schedule.group(), schedule.name()),
        reason, ports -> ports.scheduler().update(schedule)).withDifferences(fields);
  }

  static Change<CronJobSetPorts> delete(String group, String name, String reason) {
    return Change.reporting(Effect.DELETE, "DeleteSchedule", target(group, name), reason,
        ports -> ports.scheduler().delete(group, name) ? Happened.DELETED : Happened.NOTHING);
  }

  public static Change<CronJobSetPorts> deleteGroup(String name, String reason) {
    return Change.reporting(Effect.DELETE, "DeleteScheduleGroup", name, reason,
        ports -> ports.scheduler().deleteGroup(name) ? Happened.DELETED : Happened.NOTHING);
  }

  private static String target(String group, String name) {
    return group + "/" + name;
  }
}
