package dev.kaizen.operator.logs;

/**
 * A log group as DescribeLogGroups reports it.
 *
 * @param arn the ARN without the trailing {@code :*} (what the tagging calls take)
 * @param retentionDays null when events never expire
 * @param kmsKeyArn null when CloudWatch's default encryption is used
 * @param creationTime milliseconds since the epoch; tells a group recreated under the same name from the original
 * @param logGroupClass STANDARD, INFREQUENT_ACCESS or DELIVERY (null when not reported); chosen at creation for good
 * @param dataProtectionStatus ACTIVATED, DELETED, ARCHIVED or DISABLED when the group has (had) a data protection
 *     policy, else null
 */
public record ObservedLogGroup(String name, String arn, Integer retentionDays, String kmsKeyArn, Long creationTime,
    String logGroupClass, String dataProtectionStatus) {

  public ObservedLogGroup(String name, String arn, Integer retentionDays, String kmsKeyArn, Long creationTime) {
    this(name, arn, retentionDays, kmsKeyArn, creationTime, null, null);
  }

  public ObservedLogGroup(String name, String arn, Integer retentionDays, String kmsKeyArn) {
    this(name, arn, retentionDays, kmsKeyArn, null);
  }

  /** Which group this is: the same name deleted and created again is another group. */
  public String identity() {
    return arn + "@" + creationTime;
  }
}
