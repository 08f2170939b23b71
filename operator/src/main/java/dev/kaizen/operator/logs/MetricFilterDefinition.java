package dev.kaizen.operator.logs;

/**
 * A metric filter with its one metric transformation, as desired or as DescribeMetricFilters reports it; equal
 * definitions mean in sync.
 */
public record MetricFilterDefinition(String logGroup, String filterName, String pattern, String metricNamespace,
    String metricName, String metricValue, Double defaultValue, String unit) {

  /** Filters the operator owns in a group it owns carry this prefix (filters cannot be tagged). */
  public static final String PREFIX = "kaizen/";

  public static String awsName(String specName) {
    return PREFIX + specName;
  }

  public boolean ours() {
    return filterName.startsWith(PREFIX);
  }
}
