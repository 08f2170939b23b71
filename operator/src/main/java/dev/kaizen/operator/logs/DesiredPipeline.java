package dev.kaizen.operator.logs;

import java.util.List;
import java.util.Optional;

/**
 * Everything a LogPipeline asks for, defaults resolved and AWS names derived.
 *
 * @param fluentBitKey the key of the pipeline's namespace in the Fluent Bit ConfigMaps
 * @param fluentBitConfig the namespace's file with this pipeline as it is; empty when no pipeline of the namespace
 *     ships logs
 * @param fluentBitConfigWithoutThis the namespace's file without this pipeline (for its deletion); empty when it is
 *     the namespace's last
 * @param ships whether this pipeline selects pods (has an output in the file)
 */
public record DesiredPipeline(DesiredLogGroup group, List<MetricFilterDefinition> metricFilters,
    List<AlarmDefinition> alarms, Optional<SubscriptionDefinition> subscription, String fluentBitKey,
    Optional<String> fluentBitConfig, Optional<String> fluentBitConfigWithoutThis, boolean ships) {

  public DesiredPipeline {
    metricFilters = List.copyOf(metricFilters);
    alarms = List.copyOf(alarms);
  }
}
