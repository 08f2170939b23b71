package dev.kaizen.operator.logs;

/** A subscription filter, as desired or as DescribeSubscriptionFilters reports it. */
public record SubscriptionDefinition(String logGroup, String filterName, String destinationArn, String roleArn,
    String pattern) {

  /** The one subscription filter a LogPipeline owns in its group. */
  public static final String NAME = "kaizen/subscription";
}
