package dev.kaizen.operator.aws;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Hands out AWS SDK clients per target. Production builds real clients; tests hand out stateful fakes. */
public interface AwsClients {
  CloudWatchLogsClient cloudWatchLogs(AwsTarget target);

  CloudWatchClient cloudWatch(AwsTarget target);
}
