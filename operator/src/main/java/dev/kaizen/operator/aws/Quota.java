package dev.kaizen.operator.aws;

/**
 * AWS's published per-account, per-region request rate for one operation.
 *
 * @param service the SDK service id, e.g. {@code CloudWatchLogs}
 * @param operation the API operation, e.g. {@code DescribeLogGroups}
 * @param requestsPerSecond AWS's figure
 * @param source where AWS documents it
 */
public record Quota(String service, String operation, double requestsPerSecond, String source) {}
