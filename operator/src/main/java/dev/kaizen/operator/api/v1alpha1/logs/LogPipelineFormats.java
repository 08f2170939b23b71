package dev.kaizen.operator.api.v1alpha1.logs;

import java.util.Map;

/**
 * What each LogPipeline field with a {@code @Pattern} expects, in words: {@code kaizen validate} says this when a
 * value does not match, rather than printing the regular expression. Keep one entry per pattern in the model
 * (a test checks that every pattern of the CRD has one); fields by schema path, {@code [*]} for list items.
 */
public final class LogPipelineFormats {
  public static final Map<String, String> BY_FIELD = Map.of(
      "spec.region", "an AWS region code such as eu-west-1",
      "spec.logGroup.name", "a log group name of letters, digits and '_', '-', '/', '.' or '#' (no spaces)",
      "spec.logGroup.kmsKeyArn", "a KMS key ARN (arn:aws:kms:<region>:<account id>:key/<key id>), not an alias ARN",
      "spec.metricFilters[*].name", "a name of letters, digits, '.', '_' or '-'",
      "spec.metricFilters[*].metric.namespace", "a CloudWatch metric namespace without ':', '*' or '$'",
      "spec.metricFilters[*].metric.name", "a CloudWatch metric name without ':', '*' or '$'",
      "spec.metricFilters[*].alarm.actions[*]", "an SNS topic ARN (arn:aws:sns:<region>:<account id>:<topic name>)",
      "spec.subscription.destinationArn", "the ARN of a Kinesis stream, a Firehose delivery stream, a Lambda function"
          + " or a CloudWatch Logs destination",
      "spec.subscription.roleArn", "an IAM role ARN (arn:aws:iam::<account id>:role/<role name>)",
      "spec.accountRef", "the name of an AwsAccount (lower-case letters, digits and '-')");

  private LogPipelineFormats() {}
}
