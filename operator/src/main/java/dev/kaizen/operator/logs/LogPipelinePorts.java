package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsTarget;

/** Everything a LogPipeline plan is applied through, in one account and region ({@code target}). */
public record LogPipelinePorts(AwsTarget target, LogGroupGateway logs, AlarmGateway alarms,
    FluentBitConfigs fluentBit) {

  /**
   * The same ports, making every AWS call for {@code caller}: one reconcile of one resource. The Fluent Bit
   * ConfigMap is Kubernetes, not AWS: it has no quota to share.
   */
  public LogPipelinePorts forCaller(AwsCaller caller) {
    return new LogPipelinePorts(target, logs.forCaller(caller), alarms.forCaller(caller), fluentBit);
  }
}
