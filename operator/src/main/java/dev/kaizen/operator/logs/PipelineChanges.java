package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.Change;
import java.util.List;
import java.util.Map;

/** The changes to what hangs off a log group: metric filters, alarms, the subscription, the Fluent Bit config. */
final class PipelineChanges {
  private PipelineChanges() {}

  record PutMetricFilter(MetricFilterDefinition filter, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "PutMetricFilter";
    }

    public String target() {
      return filter.logGroup() + " " + filter.filterName();
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().putMetricFilter(filter);
    }
  }

  record DeleteMetricFilter(String logGroup, String filterName, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "DeleteMetricFilter";
    }

    public String target() {
      return logGroup + " " + filterName;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().deleteMetricFilter(logGroup, filterName);
    }
  }

  record PutMetricAlarm(AlarmDefinition alarm, Map<String, String> tags, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "PutMetricAlarm";
    }

    public String target() {
      return alarm.alarmName();
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.alarms().put(alarm, tags);
    }
  }

  /** Owner tags on an existing alarm, which PutMetricAlarm cannot change. */
  record TagAlarm(String alarmName, String alarmArn, Map<String, String> tags, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "TagResource";
    }

    public String target() {
      return alarmName;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.alarms().tag(alarmArn, tags);
    }
  }

  record DeleteAlarms(List<String> alarmNames, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "DeleteAlarms";
    }

    public String target() {
      return String.join(", ", alarmNames);
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.alarms().delete(alarmNames);
    }
  }

  record PutSubscriptionFilter(SubscriptionDefinition subscription, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "PutSubscriptionFilter";
    }

    public String target() {
      return subscription.logGroup() + " " + subscription.filterName();
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().putSubscriptionFilter(subscription);
    }
  }

  record DeleteSubscriptionFilter(String logGroup, String filterName, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "DeleteSubscriptionFilter";
    }

    public String target() {
      return logGroup + " " + filterName;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.logs().deleteSubscriptionFilter(logGroup, filterName);
    }
  }

  record PutFluentBitConfig(String configMap, String key, String config, String reason)
      implements Change<LogPipelinePorts> {
    public String operation() {
      return "PutConfigMapKey";
    }

    public String target() {
      return configMap + " " + key;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.fluentBit().put(key, config);
    }
  }

  record RemoveFluentBitConfig(String configMap, String key, String reason) implements Change<LogPipelinePorts> {
    public String operation() {
      return "RemoveConfigMapKey";
    }

    public String target() {
      return configMap + " " + key;
    }

    public void applyTo(LogPipelinePorts ports) {
      ports.fluentBit().remove(key);
    }
  }
}
