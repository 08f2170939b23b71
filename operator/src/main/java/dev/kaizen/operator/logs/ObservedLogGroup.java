package dev.kaizen.operator.logs;

/**
 * A log group as DescribeLogGroups reports it.
 *
 * @param arn the ARN without the trailing {@code :*} (what the tagging calls take)
 * @param retentionDays null when events never expire
 * @param kmsKeyArn null when CloudWatch's default encryption is used
 */
public record ObservedLogGroup(String name, String arn, Integer retentionDays, String kmsKeyArn) {}
