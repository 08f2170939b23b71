package dev.kaizen.operator.logs;

import static dev.kaizen.operator.core.Effect.DELETE;
import static dev.kaizen.operator.core.Effect.UPDATE;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes to what hangs off a log group: metric filters, alarms, the subscription, the Fluent Bit config. A
 * put is a {@link Effect#CREATE} when the planner found nothing of that name, else an {@link Effect#UPDATE}.
 */
final class PipelineChanges {
  private PipelineChanges() {}

  static Change<LogPipelinePorts> putMetricFilter(MetricFilterDefinition filter, Effect effect, String reason) {
    return Change.of(effect, "PutMetricFilter", filter.logGroup() + " " + filter.filterName(), reason,
        ports -> ports.logs().putMetricFilter(filter));
  }

  static Change<LogPipelinePorts> deleteMetricFilter(String logGroup, String filterName, String reason) {
    return Change.of(DELETE, "DeleteMetricFilter", logGroup + " " + filterName, reason,
        ports -> ports.logs().deleteMetricFilter(logGroup, filterName));
  }

  static Change<LogPipelinePorts> putMetricAlarm(AlarmDefinition alarm, Map<String, String> tags, Effect effect,
      String reason) {
    return Change.of(effect, "PutMetricAlarm", alarm.alarmName(), reason, ports -> ports.alarms().put(alarm, tags));
  }

  /** Owner tags on an existing alarm, which PutMetricAlarm cannot change. */
  static Change<LogPipelinePorts> tagAlarm(String alarmName, String alarmArn, Map<String, String> tags,
      String reason) {
    return Change.of(UPDATE, "TagResource", alarmName, reason, ports -> ports.alarms().tag(alarmArn, tags));
  }

  static Change<LogPipelinePorts> deleteAlarms(List<String> alarmNames, String reason) {
    return Change.of(DELETE, "DeleteAlarms", String.join(", ", alarmNames), reason,
        ports -> ports.alarms().delete(alarmNames));
  }

  static Change<LogPipelinePorts> putSubscriptionFilter(SubscriptionDefinition subscription, Effect effect,
      String reason) {
    return Change.of(effect, "PutSubscriptionFilter", subscription.logGroup() + " " + subscription.filterName(),
        reason, ports -> ports.logs().putSubscriptionFilter(subscription));
  }

  static Change<LogPipelinePorts> deleteSubscriptionFilter(String logGroup, String filterName, String reason) {
    return Change.of(DELETE, "DeleteSubscriptionFilter", logGroup + " " + filterName, reason,
        ports -> ports.logs().deleteSubscriptionFilter(logGroup, filterName));
  }

  /** Brings the namespace's file to {@code config}, with {@code share} (this pipeline's part) from now on in it. */
  static Change<LogPipelinePorts> putFluentBitConfig(String configMap, String key, String config,
      Optional<FileShare> share, Effect effect, String reason) {
    return Change.reporting(effect, "PutConfigMapKey", configMap + " " + key, reason,
        ports -> ports.fluentBit().write(key, Optional.of(config), share));
  }

  static Change<LogPipelinePorts> removeFluentBitConfig(String configMap, String key, String reason) {
    return Change.reporting(DELETE, "RemoveConfigMapKey", configMap + " " + key, reason,
        ports -> ports.fluentBit().write(key, Optional.empty(), Optional.empty()));
  }
}
