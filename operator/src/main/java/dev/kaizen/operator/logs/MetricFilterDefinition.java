package dev.kaizen.operator.logs;

/**
 * A metric filter with its one metric transformation, as desired or as DescribeMetricFilters reports it; equal
 * definitions mean in sync.
 */
public record MetricFilterDefinition(String logGroup, String filterName, String pattern, String metricNamespace,
    String metricName, String metricValue, Double defaultValue, String unit) {

  /** Filters the operator owns in a group it owns carry this prefix (filters cannot be tagged). */
  public static final String PREFIX = "kaizen/";

  /**
   * What CloudWatch Logs stores and reports for an omitted unit: "If you omit this, the unit is set as None."
   * (API reference, MetricTransformation). A desired filter without a unit means this one, or it would never equal
   * what DescribeMetricFilters returns and would be put again on every reconcile.
   */
  public static final String DEFAULT_UNIT = "None";

  public MetricFilterDefinition {
    unit = unit == null ? DEFAULT_UNIT : unit;
  }

  public static String awsName(String specName) {
    return PREFIX + specName;
  }

  public boolean ours() {
    return filterName.startsWith(PREFIX);
  }
}
