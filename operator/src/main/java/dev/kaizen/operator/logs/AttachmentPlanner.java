package dev.kaizen.operator.logs;

import static dev.kaizen.operator.logs.PipelineChanges.deleteAlarms;
import static dev.kaizen.operator.logs.PipelineChanges.deleteMetricFilter;
import static dev.kaizen.operator.logs.PipelineChanges.deleteSubscriptionFilter;
import static dev.kaizen.operator.logs.PipelineChanges.putFluentBitConfig;
import static dev.kaizen.operator.logs.PipelineChanges.putMetricAlarm;
import static dev.kaizen.operator.logs.PipelineChanges.putMetricFilter;
import static dev.kaizen.operator.logs.PipelineChanges.putSubscriptionFilter;
import static dev.kaizen.operator.logs.PipelineChanges.removeFluentBitConfig;
import static dev.kaizen.operator.logs.PipelineChanges.tagAlarm;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure planning of what hangs off a log group. Only objects of the operator's own naming are ever changed or
 * deleted: filters named {@code kaizen/*} in the pipeline's group, alarms named {@code kaizen:<group>:*}, the
 * subscription filter {@code kaizen/subscription}, and the pipeline's own ConfigMap key.
 */
final class AttachmentPlanner {
  private AttachmentPlanner() {}

  static List<Change<LogPipelinePorts>> metricFilters(String logGroup, List<MetricFilterDefinition> desired,
      List<MetricFilterDefinition> observed, List<Change<LogPipelinePorts>> deletions) {
    Map<String, MetricFilterDefinition> ours = observed.stream().filter(MetricFilterDefinition::ours)
        .collect(Collectors.toMap(MetricFilterDefinition::filterName, Function.identity(), (a, b) -> a));
    List<Change<LogPipelinePorts>> puts = new ArrayList<>();
    for (MetricFilterDefinition filter : desired) {
      MetricFilterDefinition found = ours.remove(filter.filterName());
      if (!filter.equals(found)) {
        puts.add(found == null ? putMetricFilter(filter, Effect.CREATE, "absent")
            : putMetricFilter(filter, Effect.UPDATE, differences(found, filter)));
      }
    }
    ours.keySet().stream().sorted()
        .forEach(name -> deletions.add(deleteMetricFilter(logGroup, name, "removed from spec")));
    return puts;
  }

  static List<Change<LogPipelinePorts>> alarms(List<AlarmDefinition> desired, List<ObservedAlarm> observed,
      Map<String, String> tags, List<Change<LogPipelinePorts>> deletions) {
    Map<String, AlarmDefinition> found = observed.stream().map(ObservedAlarm::definition)
        .collect(Collectors.toMap(AlarmDefinition::alarmName, Function.identity(), (a, b) -> a));
    List<Change<LogPipelinePorts>> puts = new ArrayList<>();
    for (AlarmDefinition alarm : desired) {
      AlarmDefinition current = found.remove(alarm.alarmName());
      if (!alarm.equals(current)) {
        puts.add(current == null ? putMetricAlarm(alarm, tags, Effect.CREATE, "absent")
            : putMetricAlarm(alarm, tags, Effect.UPDATE, differences(current, alarm)));
      }
    }
    if (!found.isEmpty()) {
      deletions.add(0, deleteAlarms(found.keySet().stream().sorted().toList(), "removed from spec"));
    }
    return puts;
  }

  /**
   * Owner tags for the existing alarms the spec keeps, when the group is re-attached (same owner, new uid) or adopted:
   * PutMetricAlarm ignores tags on an existing alarm, so without this their {@code kaizen.dev/uid} (or, taken
   * over, their {@code kaizen.dev/cluster}) would stay the old one. Call it only with a verdict judged from tags read in this observe; once the group is tagged, the next full
   * observe finds it OWNED and this plans nothing.
   */
  static List<Change<LogPipelinePorts>> alarmOwnerTags(Ownership ownership, List<AlarmDefinition> desired,
      List<ObservedAlarm> observed, Map<String, String> ownerTags) {
    if (!ownership.retags()) {
      return List.of();
    }
    List<String> kept = desired.stream().map(AlarmDefinition::alarmName).toList();
    String reason = switch (ownership) {
      case REATTACH -> "re-attached: owner tags of this resource";
      case TAKE_OVER -> "taken over from a previous cluster identity: owner tags of this cluster";
      default -> "adopted: owner tags of this resource";
    };
    return observed.stream()
        .filter(alarm -> kept.contains(alarm.definition().alarmName()))
        .sorted(java.util.Comparator.comparing(alarm -> alarm.definition().alarmName()))
        .map(alarm -> tagAlarm(alarm.definition().alarmName(), alarm.arn(),
            Map.copyOf(ownerTags), reason))
        .toList();
  }

  /** Planned only when the group's subscription filters were read (full observe). */
  static List<Change<LogPipelinePorts>> subscription(String logGroup, Optional<SubscriptionDefinition> desired,
      Optional<List<SubscriptionDefinition>> observed) {
    if (observed.isEmpty()) {
      return List.of();
    }
    Optional<SubscriptionDefinition> ours = observed.get().stream()
        .filter(s -> SubscriptionDefinition.NAME.equals(s.filterName())).findFirst();
    if (desired.isPresent()) {
      return desired.equals(ours) ? List.of()
          : List.of(ours.isEmpty() ? putSubscriptionFilter(desired.get(), Effect.CREATE, "absent")
              : putSubscriptionFilter(desired.get(), Effect.UPDATE, "destination or pattern changed"));
    }
    return ours.isPresent()
        ? List.of(deleteSubscriptionFilter(logGroup, SubscriptionDefinition.NAME, "removed from spec"))
        : List.of();
  }

  static List<Change<LogPipelinePorts>> fluentBit(String configMap, String key, Optional<String> desired,
      Optional<String> observed) {
    if (desired.equals(observed)) {
      return List.of();
    }
    if (desired.isPresent()) {
      return List.of(observed.isEmpty()
          ? putFluentBitConfig(configMap, key, desired.get(), Effect.CREATE, "absent")
          : putFluentBitConfig(configMap, key, desired.get(), Effect.UPDATE,
              "pod selection or destination changed"));
    }
    return List.of(removeFluentBitConfig(configMap, key, "no pods selected"));
  }

  private static String differences(MetricFilterDefinition from, MetricFilterDefinition to) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(from.pattern(), to.pattern())) {
      changed.add("pattern");
    }
    if (!Objects.equals(from.metricNamespace(), to.metricNamespace())
        || !Objects.equals(from.metricName(), to.metricName())) {
      changed.add("metric " + from.metricNamespace() + "/" + from.metricName() + " -> " + to.metricNamespace() + "/"
          + to.metricName());
    }
    if (!Objects.equals(from.metricValue(), to.metricValue()) || !Objects.equals(from.defaultValue(), to.defaultValue())
        || !Objects.equals(from.unit(), to.unit())) {
      changed.add("value, default value or unit");
    }
    return String.join(", ", changed) + " changed";
  }

  private static String differences(AlarmDefinition from, AlarmDefinition to) {
    List<String> changed = new ArrayList<>();
    if (from.threshold() != to.threshold()) {
      changed.add("threshold " + number(from.threshold()) + " -> " + number(to.threshold()));
    }
    if (!Objects.equals(from.comparison(), to.comparison())) {
      changed.add("comparison " + from.comparison() + " -> " + to.comparison());
    }
    if (from.periodSeconds() != to.periodSeconds() || from.evaluationPeriods() != to.evaluationPeriods()
        || !Objects.equals(from.statistic(), to.statistic())) {
      changed.add("statistic, period or evaluation periods");
    }
    if (!Objects.equals(from.actions(), to.actions())) {
      changed.add("actions");
    }
    if (!Objects.equals(from.treatMissingData(), to.treatMissingData())
        || !Objects.equals(from.description(), to.description())
        || !Objects.equals(from.metricNamespace(), to.metricNamespace())
        || !Objects.equals(from.metricName(), to.metricName())) {
      changed.add("metric, missing-data handling or description");
    }
    return String.join(", ", changed);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
