package dev.kaizen.operator.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** {@link ReputationAlarmGateway} on the AWS SDK; every call through {@link AwsCalls}. */
public final class CloudWatchReputationAlarmGateway implements ReputationAlarmGateway {
  static final String SERVICE = "CloudWatch";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudWatchClient client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;

  public CloudWatchReputationAlarmGateway(CloudWatchClient client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private CloudWatchReputationAlarmGateway(CloudWatchClient client, AwsCalls calls, AwsTarget target,
      AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  @Override
  public ReputationAlarmGateway forCaller(AwsCaller caller) {
    return new CloudWatchReputationAlarmGateway(client, calls, target, caller);
  }

  @Override
  public List<ObservedReputationAlarm> describe(String prefix) {
    return call("DescribeAlarms", () -> client.describeAlarms(r -> r.alarmNamePrefix(prefix)
        .alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100))).metricAlarms().stream()
        .map(CloudWatchReputationAlarmGateway::toObserved).toList();
  }

  @Override
  public Map<String, String> tags(String alarmArn) {
    Map<String, String> tags = new TreeMap<>();
    call("ListTagsForResource", () -> client.listTagsForResource(r -> r.resourceARN(alarmArn))).tags()
        .forEach(tag -> tags.put(tag.key(), tag.value()));
    return tags;
  }

  @Override
  public void put(DesiredReputationAlarm alarm, Map<String, String> tags) {
    call("PutMetricAlarm", () -> client.putMetricAlarm(r -> r.alarmName(alarm.name())
        .namespace(DesiredReputationAlarm.NAMESPACE)
        .metricName(alarm.metric().metricName())
        .dimensions(alarm.dimensions().entrySet().stream()
            .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())
        .statistic(DesiredReputationAlarm.STATISTIC)
        .period(DesiredReputationAlarm.PERIOD_SECONDS)
        .evaluationPeriods(DesiredReputationAlarm.EVALUATION_PERIODS)
        .threshold(alarm.threshold())
        .comparisonOperator(DesiredReputationAlarm.COMPARISON)
        .treatMissingData(DesiredReputationAlarm.TREAT_MISSING_DATA)
        .alarmActions(alarm.alarmActions())
        .okActions(alarm.okActions())
        .alarmDescription(alarm.description())
        .tags(awsTags(tags))));
  }

  @Override
  public void tag(String alarmArn, Map<String, String> tags) {
    call("TagResource", () -> client.tagResource(r -> r.resourceARN(alarmArn).tags(awsTags(tags))));
  }

  @Override
  public void delete(List<String> alarmNames) {
    call("DeleteAlarms", () -> client.deleteAlarms(r -> r.alarmNames(alarmNames)));
  }

  private static List<Tag> awsTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static ObservedReputationAlarm toObserved(MetricAlarm alarm) {
    Map<String, String> dimensions = new TreeMap<>();
    alarm.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
    return new ObservedReputationAlarm(alarm.alarmName(), alarm.alarmArn(), alarm.namespace(), alarm.metricName(),
        dimensions, alarm.statisticAsString(), alarm.period() == null ? 0 : alarm.period(),
        alarm.evaluationPeriods() == null ? 0 : alarm.evaluationPeriods(),
        alarm.threshold() == null ? Double.NaN : alarm.threshold(), alarm.comparisonOperatorAsString(),
        alarm.treatMissingData(), alarm.alarmActions(), alarm.okActions(),
        alarm.alarmDescription() == null ? "" : alarm.alarmDescription(), alarm.stateValueAsString(),
        latestRate(alarm.stateReasonData()));
  }

  /**
   * The last datapoint CloudWatch evaluated, from the state's reason data (a JSON document with
   * {@code recentDatapoints}, newest last), never from the reason's free text.
   */
  static Optional<Double> latestRate(String stateReasonData) {
    if (stateReasonData == null || stateReasonData.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode points = JSON.readTree(stateReasonData).path("recentDatapoints");
      if (!points.isArray() || points.isEmpty() || !points.get(points.size() - 1).isNumber()) {
        return Optional.empty();
      }
      return Optional.of(points.get(points.size() - 1).asDouble());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
