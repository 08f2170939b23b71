package dev.kaizen.operator.cron.eventbridge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one observe of a set with target eventbridge saw.
 *
 * @param groupName the set's group
 * @param group the group, when it exists (whoever owns it)
 * @param tags its tags, when read (a full observe): the ownership marker
 * @param schedules the group's schedules, by name
 * @param desired the schedules the spec asks for, in spec order
 * @param accountTags the account's default tags, put on the group under the ownership tags
 * @param runs the group's run counts from CloudWatch, read on full observes only
 * @param region the region the group lives in (or will be created in); empty offline
 */
public record EventBridgeObservation(String groupName, Optional<ObservedGroup> group,
    Optional<Map<String, String>> tags, Map<String, ScheduleDefinition> schedules, List<ScheduleDefinition> desired,
    Map<String, String> accountTags, Optional<GroupRuns> runs, Optional<String> region) {

  public EventBridgeObservation(String groupName, Optional<ObservedGroup> group, Optional<Map<String, String>> tags,
      Map<String, ScheduleDefinition> schedules, List<ScheduleDefinition> desired, Map<String, String> accountTags) {
    this(groupName, group, tags, schedules, desired, accountTags, Optional.empty(), Optional.empty());
  }

  /** Nothing exists yet (an empty account; {@code kaizen plan} offline). */
  public static EventBridgeObservation empty(String groupName, List<ScheduleDefinition> desired) {
    return new EventBridgeObservation(groupName, Optional.empty(), Optional.empty(), Map.of(), desired, Map.of());
  }
}
