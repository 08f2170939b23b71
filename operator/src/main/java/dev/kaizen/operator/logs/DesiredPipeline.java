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
    Optional<String> fluentBitConfig) {

  public DesiredPipeline {
    metricFilters = List.copyOf(metricFilters);
    alarms = List.copyOf(alarms);
  }
}
