package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.listing.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * {@link AlarmGateway} on the AWS SDK; every call goes through {@link AwsCalls} (rate limits), made for the
 * gateway's caller ({@link #forCaller}); listing pages take their turn as the listing.
 */
public final class CloudWatchAlarmGateway implements AlarmGateway {
  static final String SERVICE = "CloudWatch";
  /** DescribeAlarms returns at most 100 alarms per page; DeleteAlarms takes at most 100 names. */
  static final int PAGE_SIZE = 100;

  private final CloudWatchClient client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;

  /** A gateway whose calls take a free token without a place in line; see {@link #forCaller}. */
  public CloudWatchAlarmGateway(CloudWatchClient client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private CloudWatchAlarmGateway(CloudWatchClient client, AwsCalls calls, AwsTarget target, AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  @Override
  public CloudWatchAlarmGateway forCaller(AwsCaller caller) {
    return new CloudWatchAlarmGateway(client, calls, target, caller);
  }

  @Override
  public List<ObservedAlarm> list(String prefix) {
    List<ObservedAlarm> alarms = new ArrayList<>();
    String token = null;
    do {
      String pageToken = token;
      DescribeAlarmsResponse page = call("DescribeAlarms", () -> client.describeAlarms(r -> r.alarmNamePrefix(prefix)
          .alarmTypes(AlarmType.METRIC_ALARM).maxRecords(PAGE_SIZE).nextToken(pageToken)));
      page.metricAlarms().forEach(alarm -> alarms.add(toObserved(alarm)));
      token = page.nextToken();
    } while (token != null);
    return alarms;
  }

  @Override
  public Page<ObservedAlarm> listPage(String prefix, String token) {
    DescribeAlarmsResponse page = calls.listingPage(target, SERVICE, "DescribeAlarms", () -> client.describeAlarms(
        r -> r.alarmNamePrefix(prefix).alarmTypes(AlarmType.METRIC_ALARM).maxRecords(PAGE_SIZE).nextToken(token)));
    return new Page<>(page.metricAlarms().stream().map(CloudWatchAlarmGateway::toObserved).toList(),
        page.nextToken());
  }

  @Override
  public void put(AlarmDefinition alarm, Map<String, String> tags) {
    List<Tag> awsTags = awsTags(tags);
    call("PutMetricAlarm", () -> client.putMetricAlarm(r -> r.alarmName(alarm.alarmName())
        .namespace(alarm.metricNamespace())
        .metricName(alarm.metricName())
        .statistic(alarm.statistic())
        .period(alarm.periodSeconds())
        .evaluationPeriods(alarm.evaluationPeriods())
        .threshold(alarm.threshold())
        .comparisonOperator(alarm.comparison())
        .treatMissingData(alarm.treatMissingData())
        .alarmActions(alarm.actions())
        .alarmDescription(alarm.description())
        .tags(awsTags)));
  }

  @Override
  public void tag(String alarmArn, Map<String, String> tags) {
    call("TagResource", () -> client.tagResource(r -> r.resourceARN(alarmArn).tags(awsTags(tags))));
  }

  @Override
  public Map<String, String> tags(String alarmArn) {
    var response = call("ListTagsForResource", () -> client.listTagsForResource(r -> r.resourceARN(alarmArn)));
    Map<String, String> tags = new java.util.TreeMap<>();
    response.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
    return tags;
  }

  private static List<Tag> awsTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  @Override
  public void delete(Collection<String> alarmNames) {
    List<String> names = List.copyOf(alarmNames);
    for (int from = 0; from < names.size(); from += PAGE_SIZE) {
      List<String> batch = names.subList(from, Math.min(names.size(), from + PAGE_SIZE));
      call("DeleteAlarms", () -> client.deleteAlarms(r -> r.alarmNames(batch)));
    }
  }

  private static ObservedAlarm toObserved(MetricAlarm alarm) {
    var definition = new AlarmDefinition(alarm.alarmName(), alarm.namespace(), alarm.metricName(),
        alarm.statisticAsString(), alarm.period() == null ? 0 : alarm.period(),
        alarm.evaluationPeriods() == null ? 0 : alarm.evaluationPeriods(),
        alarm.threshold() == null ? Double.NaN : alarm.threshold(), alarm.comparisonOperatorAsString(),
        alarm.treatMissingData(), alarm.alarmActions(), alarm.alarmDescription());
    return new ObservedAlarm(definition, alarm.alarmArn(), alarm.stateValueAsString());
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
