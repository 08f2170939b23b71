package dev.kaizen.operator.api.v1alpha1.cron;

import java.util.Map;

/**
 * What each CronJobSet field with a {@code @Pattern} expects, in words, for {@code kaizen validate} (see
 * LogPipelineFormats); fields by schema path, {@code [*]} for list items.
 */
public final class CronJobSetFormats {
  private static final String DNS_NAME = "a Kubernetes name: lower-case letters, digits, '-' and '.', starting and"
      + " ending with a letter or digit";
  private static final String ENV_NAME = "an environment variable name: letters, digits, '_', '-' or '.', not"
      + " starting with a digit";
  private static final String CPU = "a CPU quantity such as 250m or 1";
  private static final String MEMORY = "a memory quantity such as 256Mi or 1Gi";

  public static final Map<String, String> BY_FIELD = Map.ofEntries(
      Map.entry("spec.region", "an AWS region code such as eu-west-1"),
      Map.entry("spec.timeZone", "an IANA time zone name such as Europe/Berlin or UTC"),
      Map.entry("spec.scripts.configMap", DNS_NAME),
      Map.entry("spec.scripts.mountPath", "an absolute path, starting with /"),
      Map.entry("spec.serviceAccountName", DNS_NAME),
      Map.entry("spec.env[*].name", ENV_NAME),
      Map.entry("spec.resources.requests.cpu", CPU),
      Map.entry("spec.resources.requests.memory", MEMORY),
      Map.entry("spec.resources.limits.cpu", CPU),
      Map.entry("spec.resources.limits.memory", MEMORY),
      Map.entry("spec.jobs[*].name", "a job name of lower-case letters, digits and '-', starting and ending with a"
          + " letter or digit"),
      Map.entry("spec.jobs[*].serviceAccountName", DNS_NAME),
      Map.entry("spec.jobs[*].env[*].name", ENV_NAME),
      Map.entry("spec.jobs[*].resources.requests.cpu", CPU),
      Map.entry("spec.jobs[*].resources.requests.memory", MEMORY),
      Map.entry("spec.jobs[*].resources.limits.cpu", CPU),
      Map.entry("spec.jobs[*].resources.limits.memory", MEMORY),
      Map.entry("spec.eventBridge.executionRoleArn", "an IAM role ARN such as arn:aws:iam::123456789012:role/scheduler-batch"),
      Map.entry("spec.eventBridge.deadLetterQueueArn", "an SQS queue ARN such as"
          + " arn:aws:sqs:eu-west-1:123456789012:batch-dlq"),
      Map.entry("spec.eventBridge.ecs.clusterArn", "an ECS cluster ARN such as"
          + " arn:aws:ecs:eu-west-1:123456789012:cluster/batch"),
      Map.entry("spec.eventBridge.ecs.taskDefinitionArn", "an ECS task definition ARN such as"
          + " arn:aws:ecs:eu-west-1:123456789012:task-definition/report:7"),
      Map.entry("spec.eventBridge.ecs.containerName", "a container name of letters, digits, '_' and '-'"),
      Map.entry("spec.eventBridge.ecs.subnets[*]", "a subnet ID such as subnet-0a1b2c3d4e5f6a7b8"),
      Map.entry("spec.eventBridge.ecs.securityGroups[*]", "a security group ID such as sg-0123456789abcdef0"),
      Map.entry("spec.eventBridge.lambda.functionArn", "a Lambda function ARN such as"
          + " arn:aws:lambda:eu-west-1:123456789012:function:nightly-report"),
      Map.entry("spec.eventBridge.ssm.documentName", "an SSM document name such as AWS-RunShellScript"));

  private CronJobSetFormats() {}
}
