package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure planner of a route's reputation alarms: create an absent one (tags on create), put back a drifted
 * definition (PutMetricAlarm replaces it whole), tag one that lacks our tags (CloudWatch ignores tags on an update),
 * and delete ours that are no longer wanted, in one DeleteAlarms.
 */
final class ReputationAlarmPlanner {
  private ReputationAlarmPlanner() {}

  static String key(String alarmName) {
    return "alarm " + alarmName;
  }

  static List<Change<MailRoutePorts>> plan(List<DesiredReputationAlarm> desired, ObservedReputationAlarms observed,
      Verdicts verdicts, OwnerTags mine, Map<String, String> defaultTags) {
    Map<String, String> wantedTags = MailRoutePlanner.tags(defaultTags, mine);
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    for (DesiredReputationAlarm alarm : desired) {
      var found = observed.find(alarm.name());
      if (found.isEmpty()) {
        changes.add(Change.of(Effect.CREATE, "PutMetricAlarm", alarm.name(), "absent; "
            + alarm.metric().metricName() + " of " + alarm.configurationSet() + " >= "
            + DesiredReputationAlarm.percent(alarm.thresholdPercent()),
            ports -> ports.reputationAlarms().put(alarm, wantedTags)));
        continue;
      }
      if (!verdicts.of(key(alarm.name())).mayManage()) {
        continue;
      }
      alarm.drift(found.get()).ifPresent(drift -> changes.add(Change.of(Effect.UPDATE, "PutMetricAlarm",
          alarm.name(), drift, ports -> ports.reputationAlarms().put(alarm, wantedTags))));
      observed.tagsOf(alarm.name()).flatMap(tags -> MailRoutePlanner.missingTags(tags, wantedTags))
          .ifPresent(missing -> changes.add(Change.of(Effect.UPDATE, "TagResource", alarm.name(), missing,
              ports -> ports.reputationAlarms().tag(found.get().arn(), wantedTags))));
    }
    return changes;
  }

  /** One DeleteAlarms for the alarms of {@code names} that exist and may be deleted; none when there are none. */
  static List<Change<MailRoutePorts>> removal(List<String> names, ObservedReputationAlarms observed,
      Verdicts verdicts, String reason) {
    List<String> deletable = names.stream().filter(name -> observed.find(name).isPresent())
        .filter(name -> verdicts.deletable(key(name))).toList();
    if (deletable.isEmpty()) {
      return List.of();
    }
    return List.of(Change.of(Effect.DELETE, "DeleteAlarms", String.join(", ", deletable), reason,
        ports -> ports.reputationAlarms().delete(deletable)));
  }
}
