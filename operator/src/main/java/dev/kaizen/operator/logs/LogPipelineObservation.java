package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one observe of a LogPipeline found.
 *
 * @param group the log group in AWS, if it exists
 * @param tags its tags when read (full observe only)
 * @param metricFilters the metric filters of the group (all of them; the planner only touches its own)
 * @param alarms the operator alarms of this group ({@code kaizen:<group>:*})
 * @param alarmTags each of those alarms' tags by alarm name, when read (full observe only): their ownership markers
 * @param subscriptionFilters the group's subscription filters, when read (full observe only)
 * @param fluentBit what the Fluent Bit ConfigMap holds under the key of this pipeline's namespace, and the room
 *     there
 * @param latestStream the group's most recently written stream, when read (a full observe of a shipping pipeline
 *     whose group exists): inner empty when the group has no stream
 */
public record LogPipelineObservation(AwsTarget target, DesiredPipeline desired, Optional<ObservedLogGroup> group,
    Optional<Map<String, String>> tags, List<MetricFilterDefinition> metricFilters, List<ObservedAlarm> alarms,
    Optional<Map<String, Map<String, String>>> alarmTags, Optional<List<SubscriptionDefinition>> subscriptionFilters, FluentBitConfigs.Slot fluentBit,
    Optional<Optional<StreamActivity>> latestStream) {

  /** The namespace's file as stored, if any. */
  public Optional<String> fluentBitConfig() {
    return fluentBit.value();
  }

  /** The tags read on one alarm; empty when this observe did not read alarm tags (a light one). */
  public Optional<Map<String, String>> alarmTags(String alarmName) {
    return alarmTags.map(byName -> byName.getOrDefault(alarmName, Map.of()));
  }

  /** What an empty account (and cluster) shows: used by {@code kaizen plan} without credentials. */
  public static LogPipelineObservation emptyAccount(AwsTarget target, DesiredPipeline desired) {
    return new LogPipelineObservation(target, desired, Optional.empty(), Optional.of(Map.of()), List.of(), List.of(),
        Optional.of(Map.of()), Optional.of(List.of()), FluentBitConfigs.Slot.empty(), Optional.empty());
  }
}
