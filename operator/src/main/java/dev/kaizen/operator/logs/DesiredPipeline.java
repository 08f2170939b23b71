package dev.kaizen.operator.logs;

import java.util.List;
import java.util.Optional;

/**
 * Everything a LogPipeline asks for, defaults resolved and AWS names derived.
 *
 * @param fluentBitKey the pipeline's key in the Fluent Bit ConfigMap
 * @param fluentBitConfig the configuration to keep under that key; empty when no pods are selected
 */
public record DesiredPipeline(DesiredLogGroup group, List<MetricFilterDefinition> metricFilters,
    List<AlarmDefinition> alarms, Optional<SubscriptionDefinition> subscription, String fluentBitKey,
    Optional<String> fluentBitConfig, java.util.Map<String, String> accountTags) {

  public DesiredPipeline {
    metricFilters = List.copyOf(metricFilters);
    alarms = List.copyOf(alarms);
    accountTags = java.util.Map.copyOf(accountTags);
  }

  /** Without account default tags (the operator's own account). */
  public DesiredPipeline(DesiredLogGroup group, List<MetricFilterDefinition> metricFilters,
      List<AlarmDefinition> alarms, Optional<SubscriptionDefinition> subscription, String fluentBitKey,
      Optional<String> fluentBitConfig) {
    this(group, metricFilters, alarms, subscription, fluentBitKey, fluentBitConfig, java.util.Map.of());
  }

  /** The tags an alarm is created with: the account's default tags, the owner tags winning. */
  public java.util.Map<String, String> alarmTags(java.util.Map<String, String> ownerTags) {
    java.util.Map<String, String> tags = new java.util.TreeMap<>(accountTags);
    tags.putAll(ownerTags);
    return tags;
  }
}
