package dev.kaizen.operator.testing;

import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Hands the operator the stateful fakes instead of SDK clients, per region. */
public final class FakeAwsClients implements AwsClients {
  private final Function<Region, FakeCloudWatchLogs> logs;
  private final Function<Region, FakeCloudWatch> cloudWatch;

  public FakeAwsClients(Function<Region, FakeCloudWatchLogs> logs, Function<Region, FakeCloudWatch> cloudWatch) {
    this.logs = logs;
    this.cloudWatch = cloudWatch;
  }

  @Override
  public CloudWatchLogsClient cloudWatchLogs(AwsTarget target) {
    return logs.apply(target.region());
  }

  @Override
  public CloudWatchClient cloudWatch(AwsTarget target) {
    return cloudWatch.apply(target.region());
  }
}
