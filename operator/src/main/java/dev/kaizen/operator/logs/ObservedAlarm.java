package dev.kaizen.operator.logs;

/** An alarm as DescribeAlarms reports it: its definition, ARN and state (OK, ALARM, INSUFFICIENT_DATA). */
public record ObservedAlarm(AlarmDefinition definition, String arn, String state) {}
