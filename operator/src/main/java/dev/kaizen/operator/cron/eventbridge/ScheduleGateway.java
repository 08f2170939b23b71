package dev.kaizen.operator.cron.eventbridge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the EventBridge target reads and writes in EventBridge Scheduler, in one account and region. */
public interface ScheduleGateway {
  /** The group, or empty when no group has that name. */
  Optional<ObservedGroup> group(String name);

  /** The group's tags (its ownership marker; schedules cannot be tagged). */
  Map<String, String> tags(String groupArn);

  /** The names of the group's schedules, every page read. */
  List<String> scheduleNames(String group);

  /** One schedule in full, or empty when it is gone. */
  Optional<ScheduleDefinition> schedule(String group, String name);

  /** Creates the group with its tags; returns its ARN. */
  String createGroup(String name, Map<String, String> tags);

  void tag(String groupArn, Map<String, String> tags);

  void create(ScheduleDefinition schedule);

  /** Replaces the whole schedule (UpdateSchedule). */
  void update(ScheduleDefinition schedule);

  /** Deletes one schedule; false when it was already gone. */
  boolean delete(String group, String name);

  /** The group's run counts over the last {@code window}, from CloudWatch (Scheduler keeps no run history). */
  GroupRuns runs(String group, java.time.Duration window);

  /** Deletes the group, and with it (eventually) its schedules; false when it was already gone. */
  boolean deleteGroup(String name);
}
