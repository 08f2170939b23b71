package dev.kaizen.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * AWS's per-account request quotas for every operation the operator calls, each citing AWS's documentation.
 * The operator never uses more than {@link #SHARE} of any of them: the rest of the account (other tools,
 * people, external-dns) shares the same quota.
 */
public final class QuotaTable {
  /** The fraction of each quota the operator allows itself. */
  public static final double SHARE = 0.5;

  /**
   * The fraction of the operator's share that the shared listings (refreshed in the background, page by page) may
   * use: half, so a quarter of AWS's quota. A listing page takes a token from its own bucket at this rate and from
   * the operation's bucket at the operator's share, so writes and single reads of the same operation always keep
   * at least the other half, and may use the whole share while no listing runs. At these rates a full pass takes:
   * DescribeLogGroups (10/s, 50 groups a page) 2.5 pages/s = 125 groups/s; DescribeMetricFilters (5/s, 50 a page)
   * 1.25 pages/s = 62 filters/s; DescribeAlarms (9/s, 100 a page) 2.25 pages/s = 225 alarms/s.
   */
  public static final double LISTING_FRACTION = 0.5;

  /** Used for an operation missing from the table; a test keeps the table complete for what the code calls. */
  static final double FALLBACK_REQUESTS_PER_SECOND = 1;

  private static final String LOGS = "CloudWatchLogs";
  private static final String LOGS_QUOTAS =
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html";

  private static final String CLOUDWATCH = "CloudWatch";
  private static final String CLOUDWATCH_QUOTAS =
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html";

  private static final List<Quota> QUOTAS = List.of(
      new Quota(LOGS, "CreateLogGroup", 10, LOGS_QUOTAS),
      new Quota(LOGS, "DeleteLogGroup", 10, LOGS_QUOTAS),
      new Quota(LOGS, "DescribeLogGroups", 10, LOGS_QUOTAS),
      new Quota(LOGS, "PutRetentionPolicy", 5, LOGS_QUOTAS),
      new Quota(LOGS, "DeleteRetentionPolicy", 5, LOGS_QUOTAS),
      new Quota(LOGS, "AssociateKmsKey", 5, LOGS_QUOTAS),
      // Not on AWS's page: assumed equal to AssociateKmsKey.
      new Quota(LOGS, "DisassociateKmsKey", 5, LOGS_QUOTAS),
      new Quota(LOGS, "TagResource", 5, LOGS_QUOTAS),
      new Quota(LOGS, "UntagResource", 5, LOGS_QUOTAS),
      new Quota(LOGS, "ListTagsForResource", 5, LOGS_QUOTAS),
      new Quota(LOGS, "PutMetricFilter", 5, LOGS_QUOTAS),
      new Quota(LOGS, "DeleteMetricFilter", 5, LOGS_QUOTAS),
      new Quota(LOGS, "DescribeMetricFilters", 5, LOGS_QUOTAS),
      new Quota(LOGS, "PutSubscriptionFilter", 5, LOGS_QUOTAS),
      new Quota(LOGS, "DeleteSubscriptionFilter", 5, LOGS_QUOTAS),
      new Quota(LOGS, "DescribeSubscriptionFilters", 5, LOGS_QUOTAS),
      new Quota(CLOUDWATCH, "PutMetricAlarm", 3, CLOUDWATCH_QUOTAS),
      new Quota(CLOUDWATCH, "DescribeAlarms", 9, CLOUDWATCH_QUOTAS),
      new Quota(CLOUDWATCH, "DeleteAlarms", 3, CLOUDWATCH_QUOTAS),
      // Not on AWS's page: assumed equal to PutMetricAlarm. Called only when re-attaching or adopting.
      new Quota(CLOUDWATCH, "TagResource", 3, CLOUDWATCH_QUOTAS));

  private static final Map<String, Quota> BY_KEY =
      QUOTAS.stream().collect(Collectors.toUnmodifiableMap(q -> key(q.service(), q.operation()), Function.identity()));

  private QuotaTable() {}

  public static Optional<Quota> find(String service, String operation) {
    return Optional.ofNullable(BY_KEY.get(key(service, operation)));
  }

  public static List<Quota> all() {
    return QUOTAS;
  }

  /** The rate the operator allows itself for an operation. */
  public static double operatorRate(String service, String operation) {
    return find(service, operation).map(Quota::requestsPerSecond).orElse(FALLBACK_REQUESTS_PER_SECOND) * SHARE;
  }

  /** The rate the shared listings allow themselves for an operation (part of {@link #operatorRate}). */
  public static double listingRate(String service, String operation) {
    return operatorRate(service, operation) * LISTING_FRACTION;
  }

  private static String key(String service, String operation) {
    return service + ":" + operation;
  }
}
