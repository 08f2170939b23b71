package dev.kaizen.operator.logs;

/** Everything a LogPipeline plan is applied through. */
public record LogPipelinePorts(LogGroupGateway logs, AlarmGateway alarms, FluentBitConfigs fluentBit) {}
