package dev.kaizen.operator.logs;

import java.util.List;

/** A metric alarm on a filter's metric, as desired or as DescribeAlarms reports it; equal means in sync. */
public record AlarmDefinition(String alarmName, String metricNamespace, String metricName, String statistic,
    int periodSeconds, int evaluationPeriods, double threshold, String comparison, String treatMissingData,
    List<String> actions, String description) {

  /** Every alarm of this operator starts so; one listing by this prefix serves the whole account. */
  public static final String PREFIX = "kaizen:";
  /** CloudWatch's limit on alarm names. */
  public static final int MAX_NAME = 255;

  public AlarmDefinition {
    actions = List.copyOf(actions);
  }

  /** {@code kaizen:<log group>:<filter>}; neither part can contain ':'. */
  public static String name(String logGroup, String filterName) {
    return groupPrefix(logGroup) + filterName;
  }

  public static String groupPrefix(String logGroup) {
    return PREFIX + logGroup + ":";
  }

  /** The log group an operator alarm belongs to, from its name. */
  public static String logGroupOf(String alarmName) {
    return alarmName.substring(PREFIX.length(), alarmName.lastIndexOf(':'));
  }
}
