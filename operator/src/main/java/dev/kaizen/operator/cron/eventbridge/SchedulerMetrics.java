package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Reads a schedule group's run counts from CloudWatch in one GetMetricData call (four queries), so a set costs one
 * call per full observe whatever its number of jobs.
 */
public final class SchedulerMetrics {
  static final String NAMESPACE = "AWS/Scheduler";
  static final String SERVICE = "CloudWatch";
  private static final Map<String, String> METRICS = Map.of("attempts", "InvocationAttemptCount",
      "errors", "TargetErrorCount", "dropped", "InvocationDroppedCount",
      "deadletter", "InvocationsSentToDeadLetterCount");

  private final CloudWatchClient client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final Clock clock;

  public SchedulerMetrics(CloudWatchClient client, AwsCalls calls, AwsTarget target, Clock clock) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.clock = clock;
  }

  public GroupRuns runs(String group, Duration window) {
    Instant end = clock.instant();
    int period = (int) Math.max(60, window.toSeconds() / 60 * 60);
    List<MetricDataQuery> queries = METRICS.entrySet().stream().map(metric -> MetricDataQuery.builder()
        .id(metric.getKey()).returnData(true).metricStat(stat -> stat.period(period).stat("Sum")
            .metric(m -> m.namespace(NAMESPACE).metricName(metric.getValue())
                .dimensions(Dimension.builder().name("ScheduleGroup").value(group).build())))
        .build()).toList();
    GetMetricDataResponse response = calls.call(target, SERVICE, "GetMetricData", () -> client.getMetricData(r -> r
        .metricDataQueries(queries).startTime(end.minus(window)).endTime(end)));
    Map<String, Long> sums = new HashMap<>();
    response.metricDataResults().forEach(result -> sums.put(result.id(),
        result.values().stream().mapToLong(Double::longValue).sum()));
    return new GroupRuns(window, sums.getOrDefault("attempts", 0L), sums.getOrDefault("errors", 0L),
        sums.getOrDefault("dropped", 0L), sums.getOrDefault("deadletter", 0L));
  }
}
