package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The pure planner of a whole LogPipeline: the group first (creating it, marking it ours), then its metric
 * filters and alarms, the subscription, and the Fluent Bit configuration; deletions of removed filters and
 * alarms come last, alarms before their filters.
 */
public final class LogPipelinePlanner {
  private LogPipelinePlanner() {}

  public static Plan<LogPipelinePorts> plan(LogPipelineObservation observed, OwnerTags mine,
      Collection<String> managedTagKeys, String configMap) {
    DesiredPipeline desired = observed.desired();
    String group = desired.group().name();
    List<Change<LogPipelinePorts>> changes = new ArrayList<>(LogGroupPlanner.plan(desired.group(), observed.group(),
        observed.tags(), mine, managedTagKeys));
    List<Change<LogPipelinePorts>> deletions = new ArrayList<>();
    changes.addAll(AttachmentPlanner.metricFilters(group, desired.metricFilters(), observed.metricFilters(), deletions));
    changes.addAll(AttachmentPlanner.alarms(desired.alarms(), observed.alarms(), mine.asTags(), deletions));
    changes.addAll(deletions);
    changes.addAll(AttachmentPlanner.subscription(group, desired.subscription(), observed.subscriptionFilters()));
    changes.addAll(AttachmentPlanner.fluentBit(configMap, desired.fluentBitKey(), desired.fluentBitConfig(),
        observed.fluentBitConfig()));
    return new Plan<>(changes);
  }

  /**
   * Deleting a group deletes its metric and subscription filters with it; alarms live in CloudWatch and go
   * first; the Fluent Bit configuration stops shipping to a group that is gone.
   */
  public static Plan<LogPipelinePorts> deletion(LogPipelineObservation observed, String configMap) {
    DesiredPipeline desired = observed.desired();
    List<Change<LogPipelinePorts>> changes = new ArrayList<>();
    if (!observed.alarms().isEmpty()) {
      changes.add(new PipelineChanges.DeleteAlarms(observed.alarms().stream()
          .map(alarm -> alarm.definition().alarmName()).sorted().toList(), "deletionPolicy is Delete"));
    }
    changes.add(LogGroupPlanner.deletion(desired.group().name()));
    changes.addAll(AttachmentPlanner.fluentBit(configMap, desired.fluentBitKey(), Optional.empty(),
        observed.fluentBitConfig()));
    return new Plan<>(changes);
  }
}
