package dev.kaizen.operator.logs;

import static dev.kaizen.operator.logs.PipelineChanges.deleteAlarms;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The pure planner of a whole LogPipeline: the group first (creating it, marking it ours), then its metric
 * filters and alarms, the subscription, and the Fluent Bit configuration; deletions of removed filters and
 * alarms come last, alarms before their filters.
 *
 * <p>On a re-attach or adoption, the existing alarms get this resource's owner tags before the group does: the
 * group's tags are what the next full observe judges by, so if tagging an alarm fails the group still shows the old
 * owner and the alarms are tagged again then, instead of keeping the old uid for good.
 */
public final class LogPipelinePlanner {
  private LogPipelinePlanner() {}

  /**
   * @param ownership the verdict on the group; it can call for re-tagging only when this observe read the group's
   *     tags (a full observe), since a light observe's verdict is carried over from an earlier one
   * @param alarmVerdict the verdict on each existing alarm, by name, judged on its own tags the same way
   */
  public static Plan<LogPipelinePorts> plan(LogPipelineObservation observed, Ownership ownership,
      Function<String, Ownership> alarmVerdict, OwnerTags mine, Collection<String> managedTagKeys, String configMap) {
    DesiredPipeline desired = observed.desired();
    FilterPatternQuotas.check(desired.metricFilters(), desired.subscription());
    String group = desired.group().name();
    List<Change<LogPipelinePorts>> changes = new ArrayList<>();
    if (observed.tags().isPresent()) {
      changes.addAll(AttachmentPlanner.alarmTags(alarmVerdict, desired.alarms(), observed.alarms(), mine.asTags(),
          name -> observed.alarmTags(name).orElse(Map.of()),
          observed.alarmTags().isPresent() ? desired.accountTags() : Map.of()));
    }
    changes.addAll(LogGroupPlanner.plan(desired.group(), observed.group(), observed.tags(), mine, managedTagKeys));
    List<Change<LogPipelinePorts>> deletions = new ArrayList<>();
    changes.addAll(AttachmentPlanner.metricFilters(group, desired.metricFilters(), observed.metricFilters(), deletions));
    changes.addAll(AttachmentPlanner.alarms(desired.alarms(), observed.alarms(), desired.alarmTags(mine.asTags()),
        deletions));
    changes.addAll(deletions);
    changes.addAll(AttachmentPlanner.subscription(group, desired.subscription(), observed.subscriptionFilters()));
    changes.addAll(AttachmentPlanner.fluentBit(configMap, desired.fluentBitKey(), desired.fluentBitConfig(),
        desired.fluentBitShare(), observed.fluentBit()));
    return new Plan<>(changes);
  }

  /**
   * Deleting a group deletes its metric and subscription filters with it; alarms live in CloudWatch and go
   * first; the Fluent Bit configuration stops shipping to a group that is gone.
   */
  public static Plan<LogPipelinePorts> deletion(LogPipelineObservation observed, Predicate<String> alarmDeletable,
      String configMap) {
    DesiredPipeline desired = observed.desired();
    List<Change<LogPipelinePorts>> changes = new ArrayList<>();
    List<String> alarms = observed.alarms().stream().map(alarm -> alarm.definition().alarmName())
        .filter(alarmDeletable).sorted().toList();
    if (!alarms.isEmpty()) {
      changes.add(deleteAlarms(alarms, "deletionPolicy is Delete"));
    }
    changes.add(LogGroupPlanner.deletion(desired.group().name()));
    // The namespace's file goes on without this pipeline, or goes with its last pipeline.
    changes.addAll(AttachmentPlanner.fluentBit(configMap, desired.fluentBitKey(),
        desired.fluentBitConfigWithoutThis(), Optional.empty(), observed.fluentBit()));
    return new Plan<>(changes);
  }
}
