package dev.kaizen.operator.logs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a LogPipeline asks for, defaults resolved and AWS names derived.
 *
 * @param fluentBitKey the key of the pipeline's namespace in the Fluent Bit ConfigMaps
 * @param fluentBitConfig the namespace's file with this pipeline as it is; empty when no pipeline of the namespace
 *     ships logs
 * @param fluentBitConfigWithoutThis the namespace's file without this pipeline (for its deletion); empty when it is
 *     the namespace's last
 * @param ships whether this pipeline selects pods (has an output in the file)
 * @param accountTags the account's default tags, put on the objects created (the owner tags win)
 * @param fluentBitShare this pipeline's part of the file, when it ships
 */
public record DesiredPipeline(DesiredLogGroup group, List<MetricFilterDefinition> metricFilters,
    List<AlarmDefinition> alarms, Optional<SubscriptionDefinition> subscription, String fluentBitKey,
    Optional<String> fluentBitConfig, Optional<String> fluentBitConfigWithoutThis, boolean ships,
    Map<String, String> accountTags, Optional<FileShare> fluentBitShare) {

  public DesiredPipeline {
    metricFilters = List.copyOf(metricFilters);
    alarms = List.copyOf(alarms);
    accountTags = Map.copyOf(accountTags);
  }

  /** Without account default tags (the operator's own account). */
  public DesiredPipeline(DesiredLogGroup group, List<MetricFilterDefinition> metricFilters,
      List<AlarmDefinition> alarms, Optional<SubscriptionDefinition> subscription, String fluentBitKey,
      Optional<String> fluentBitConfig, Optional<String> fluentBitConfigWithoutThis, boolean ships) {
    this(group, metricFilters, alarms, subscription, fluentBitKey, fluentBitConfig, fluentBitConfigWithoutThis, ships,
        Map.of(), Optional.empty());
  }

  /** The tags an alarm is created with: the account's default tags, the owner tags winning. */
  public Map<String, String> alarmTags(Map<String, String> ownerTags) {
    Map<String, String> tags = new TreeMap<>(accountTags);
    tags.putAll(ownerTags);
    return tags;
  }
}
