package dev.kaizen.operator.aws;

/**
 * AWS's published request rate for one operation, and what that rate is counted over.
 *
 * @param service the service's name in the quota table, e.g. {@code CloudWatchLogs}
 * @param operation the API operation, e.g. {@code DescribeLogGroups}
 * @param requestsPerSecond AWS's figure; for a service-wide scope, the figure of the whole service
 * @param scope what AWS counts the figure over: one operation in one region, or every operation of the service
 * @param source where AWS documents it
 */
public record Quota(String service, String operation, double requestsPerSecond, QuotaScope scope, String source) {}
