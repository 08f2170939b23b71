package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reputation alarm as DescribeAlarms reports it, with its state; {@code latestRate} is the last datapoint CloudWatch
 * evaluated (from the state's structured reason data, as a fraction), when it says one.
 */
public record ObservedReputationAlarm(String name, String arn, String namespace, String metricName,
    Map<String, String> dimensions, String statistic, int periodSeconds, int evaluationPeriods, double threshold,
    String comparison, String treatMissingData, List<String> alarmActions, List<String> okActions, String description,
    String state, Optional<Double> latestRate) {

  public ObservedReputationAlarm {
    dimensions = Map.copyOf(dimensions);
    alarmActions = List.copyOf(alarmActions);
    okActions = List.copyOf(okActions);
  }
}
