package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.cron.CronJobSetPorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure planner of the EventBridge target. The group is the root and the only object with a marker (its tags):
 * absent -> created with the ownership and account tags, then every schedule; not ours -> nothing at all (the loop
 * stalls naming it); ours -> re-tagged if its verdict asks, then each schedule created, replaced (UpdateSchedule,
 * only when some field differs) or, when no job names it any more, deleted. A group being deleted is waited for.
 */
public final class EventBridgePlanner {
  private EventBridgePlanner() {}

  /** Key of the set's group in the ownership verdicts. */
  public static String key(String groupName) {
    return "schedule group " + groupName;
  }

  public static List<Change<CronJobSetPorts>> plan(EventBridgeObservation observed, Ownership verdict,
      OwnerTags mine) {
    List<Change<CronJobSetPorts>> changes = new ArrayList<>();
    String group = observed.groupName();
    if (observed.group().isEmpty()) {
      changes.add(ScheduleChanges.createGroup(group, groupTags(observed.accountTags(), mine), "absent"));
      observed.desired().forEach(schedule -> changes.add(ScheduleChanges.create(schedule, "absent")));
      return changes;
    }
    ObservedGroup found = observed.group().get();
    if (found.deleting() || !verdict.mayManage()) {
      return changes;
    }
    Map<String, String> missingTags = missingTags(observed, mine, verdict);
    if (!missingTags.isEmpty()) {
      String reason = verdict.retags() ? "ownership " + verdict.name().toLowerCase(Locale.ROOT)
          : "tags " + String.join(", ", missingTags.keySet()) + " differ";
      changes.add(ScheduleChanges.tagGroup(group, found.arn(), missingTags, reason));
    }
    Set<String> wanted = observed.desired().stream().map(ScheduleDefinition::name).collect(Collectors.toSet());
    for (ScheduleDefinition schedule : observed.desired()) {
      ScheduleDefinition existing = observed.schedules().get(schedule.name());
      if (existing == null) {
        changes.add(ScheduleChanges.create(schedule, "absent"));
        continue;
      }
      Map<String, String[]> differences = existing.differences(schedule);
      if (!differences.isEmpty()) {
        List<FieldChange> fields = new ArrayList<>();
        differences.forEach((field, values) -> fields.add(new FieldChange(field, values[0], values[1])));
        changes.add(ScheduleChanges.update(schedule, String.join(", ", differences.keySet()) + " changed", fields));
      }
    }
    observed.schedules().keySet().stream().filter(name -> !wanted.contains(name)).sorted()
        .forEach(name -> changes.add(ScheduleChanges.delete(group, name, "job removed from the spec")));
    return changes;
  }

  /** Deleting the set (policy Delete): the group, which takes its schedules with it. */
  public static List<Change<CronJobSetPorts>> deletion(EventBridgeObservation observed, boolean deletable) {
    if (observed.group().isEmpty() || observed.group().get().deleting() || !deletable) {
      return List.of();
    }
    return List.of(ScheduleChanges.deleteGroup(observed.groupName(), "resource deleted"));
  }

  /** A set moved to target kubernetes under deletionPolicy Delete: its former group goes, with its schedules. */
  public static List<Change<CronJobSetPorts>> leftByTargetSwitch(EventBridgeObservation former, boolean deletable) {
    if (former.group().isEmpty() || former.group().get().deleting() || !deletable) {
      return List.of();
    }
    return List.of(ScheduleChanges.deleteGroup(former.groupName(), "target is kubernetes now"));
  }

  /** The account's default tags under the ownership tags (which always win). */
  static Map<String, String> groupTags(Map<String, String> accountTags, OwnerTags mine) {
    Map<String, String> tags = new LinkedHashMap<>(accountTags);
    tags.putAll(mine.asTags());
    return tags;
  }

  /**
   * The tags to write: the ownership tags when the verdict re-tags, and the account's default tags the group lacks
   * (only when its tags were read). Tags of other keys are left alone: they are someone else's.
   */
  private static Map<String, String> missingTags(EventBridgeObservation observed, OwnerTags mine, Ownership verdict) {
    Map<String, String> wanted = groupTags(observed.accountTags(), mine);
    Map<String, String> missing = new LinkedHashMap<>();
    if (observed.tags().isPresent()) {
      wanted.forEach((key, value) -> {
        if (!value.equals(observed.tags().get().get(key))) {
          missing.put(key, value);
        }
      });
    } else if (verdict.retags()) {
      missing.putAll(mine.asTags());
    }
    if (!verdict.retags()) {
      mine.asTags().keySet().forEach(missing::remove);
    }
    return missing;
  }
}
