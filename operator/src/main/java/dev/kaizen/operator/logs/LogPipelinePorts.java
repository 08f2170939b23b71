package dev.kaizen.operator.logs;

import java.util.Map;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsTarget;

/** Everything a LogPipeline plan is applied through, in one account and region ({@code target}). */
public record LogPipelinePorts(AwsTarget target, LogGroupGateway logs, AlarmGateway alarms,
    FluentBitConfigs fluentBit, Map<String, String> defaultTags) {

  public LogPipelinePorts {
    defaultTags = Map.copyOf(defaultTags);
  }

  public LogPipelinePorts(AwsTarget target, LogGroupGateway logs, AlarmGateway alarms, FluentBitConfigs fluentBit) {
    this(target, logs, alarms, fluentBit, Map.of());
  }

  /** The same ports, creating objects with the account's default tags (the spec's and the owner tags win). */
  public LogPipelinePorts withDefaultTags(Map<String, String> tags) {
    return tags.equals(defaultTags) ? this : new LogPipelinePorts(target, logs, alarms, fluentBit, tags);
  }

  /**
   * The same ports, making every AWS call for {@code caller}: one reconcile of one resource. The Fluent Bit
   * ConfigMap is Kubernetes, not AWS: it has no quota to share.
   */
  public LogPipelinePorts forCaller(AwsCaller caller) {
    return new LogPipelinePorts(target, logs.forCaller(caller), alarms.forCaller(caller), fluentBit, defaultTags);
  }
}
