package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.listing.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * {@link LogGroupGateway} on the AWS SDK; every call goes through {@link AwsCalls} (rate limits), made for the
 * gateway's caller ({@link #forCaller}); listing pages take their turn as the listing.
 */
public final class CloudWatchLogsGateway implements LogGroupGateway {
  static final String SERVICE = "CloudWatchLogs";
  /** DescribeLogGroups returns at most 50 groups per page. */
  static final int PAGE_SIZE = 50;

  private final CloudWatchLogsClient client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;

  /** A gateway whose calls take a free token without a place in line; see {@link #forCaller}. */
  public CloudWatchLogsGateway(CloudWatchLogsClient client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private CloudWatchLogsGateway(CloudWatchLogsClient client, AwsCalls calls, AwsTarget target, AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  @Override
  public CloudWatchLogsGateway forCaller(AwsCaller caller) {
    return new CloudWatchLogsGateway(client, calls, target, caller);
  }

  /**
   * AWS orders by {@code lastEventTimestamp}, which it updates within about an hour of ingestion; the stream found
   * says when it last ingested ({@code lastIngestionTime}).
   */
  @Override
  public Optional<StreamActivity> latestStream(String logGroup) {
    DescribeLogStreamsResponse page = call("DescribeLogStreams", () -> client.describeLogStreams(r -> r
        .logGroupName(logGroup).orderBy(OrderBy.LAST_EVENT_TIME).descending(true).limit(1)));
    return page.logStreams().stream().findFirst().map(stream -> new StreamActivity(stream.logStreamName(),
        Optional.ofNullable(stream.lastIngestionTime()).map(Instant::ofEpochMilli)));
  }

  @Override
  public Optional<ObservedLogGroup> describe(String name) {
    // Results are sorted by name, so the exact name, the shortest with that prefix, comes first.
    DescribeLogGroupsResponse page = call("DescribeLogGroups",
        () -> client.describeLogGroups(r -> r.logGroupNamePrefix(name).limit(1)));
    return page.logGroups().stream().filter(g -> g.logGroupName().equals(name)).findFirst().map(this::toObserved);
  }

  @Override
  public Page<ObservedLogGroup> listGroups(String prefix, String token) {
    DescribeLogGroupsResponse page = calls.listingPage(target, SERVICE, "DescribeLogGroups",
        () -> client.describeLogGroups(r -> {
          r.limit(PAGE_SIZE).nextToken(token);
          if (!prefix.isEmpty()) {
            r.logGroupNamePrefix(prefix);
          }
        }));
    return new Page<>(page.logGroups().stream().map(this::toObserved).toList(), page.nextToken());
  }

  @Override
  public Map<String, String> tags(String arn) {
    return call("ListTagsForResource", () -> client.listTagsForResource(r -> r.resourceArn(arn))).tags();
  }

  @Override
  public void create(String name, String kmsKeyArn, Map<String, String> tags) {
    call("CreateLogGroup", () -> client.createLogGroup(r -> r.logGroupName(name).kmsKeyId(kmsKeyArn).tags(tags)));
  }

  @Override
  public void putRetention(String name, int days) {
    call("PutRetentionPolicy", () -> client.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(days)));
  }

  @Override
  public void deleteRetention(String name) {
    call("DeleteRetentionPolicy", () -> client.deleteRetentionPolicy(r -> r.logGroupName(name)));
  }

  @Override
  public void associateKmsKey(String name, String kmsKeyArn) {
    call("AssociateKmsKey", () -> client.associateKmsKey(r -> r.logGroupName(name).kmsKeyId(kmsKeyArn)));
  }

  @Override
  public void disassociateKmsKey(String name) {
    call("DisassociateKmsKey", () -> client.disassociateKmsKey(r -> r.logGroupName(name)));
  }

  @Override
  public void tag(String arn, Map<String, String> tags) {
    call("TagResource", () -> client.tagResource(r -> r.resourceArn(arn).tags(tags)));
  }

  @Override
  public void untag(String arn, Collection<String> keys) {
    call("UntagResource", () -> client.untagResource(r -> r.resourceArn(arn).tagKeys(List.copyOf(keys))));
  }

  @Override
  public void delete(String name) {
    try {
      call("DeleteLogGroup", () -> client.deleteLogGroup(r -> r.logGroupName(name)));
    } catch (ResourceNotFoundException alreadyGone) {
      // Deleting what is already gone is the goal reached, not an error.
    }
  }

  @Override
  public Page<MetricFilterDefinition> listMetricFilters(String token) {
    DescribeMetricFiltersResponse page = calls.listingPage(target, SERVICE, "DescribeMetricFilters",
        () -> client.describeMetricFilters(r -> r.limit(PAGE_SIZE).nextToken(token)));
    return new Page<>(page.metricFilters().stream().map(CloudWatchLogsGateway::toDefinition).toList(),
        page.nextToken());
  }

  @Override
  public List<MetricFilterDefinition> metricFilters(String logGroup) {
    List<MetricFilterDefinition> filters = new ArrayList<>();
    String token = null;
    do {
      String pageToken = token;
      DescribeMetricFiltersResponse page = call("DescribeMetricFilters",
          () -> client.describeMetricFilters(r -> r.logGroupName(logGroup).limit(PAGE_SIZE).nextToken(pageToken)));
      page.metricFilters().forEach(f -> filters.add(toDefinition(f)));
      token = page.nextToken();
    } while (token != null);
    return filters;
  }

  @Override
  public void putMetricFilter(MetricFilterDefinition filter) {
    MetricTransformation transformation = MetricTransformation.builder()
        .metricNamespace(filter.metricNamespace())
        .metricName(filter.metricName())
        .metricValue(filter.metricValue())
        .defaultValue(filter.defaultValue())
        .unit(filter.unit())
        .build();
    call("PutMetricFilter", () -> client.putMetricFilter(r -> r.logGroupName(filter.logGroup())
        .filterName(filter.filterName()).filterPattern(filter.pattern()).metricTransformations(transformation)));
  }

  @Override
  public void deleteMetricFilter(String logGroup, String filterName) {
    try {
      call("DeleteMetricFilter", () -> client.deleteMetricFilter(r -> r.logGroupName(logGroup).filterName(filterName)));
    } catch (ResourceNotFoundException alreadyGone) {
      // The goal is reached.
    }
  }

  @Override
  public List<SubscriptionDefinition> subscriptionFilters(String logGroup) {
    return call("DescribeSubscriptionFilters", () -> client.describeSubscriptionFilters(r -> r.logGroupName(logGroup)))
        .subscriptionFilters().stream()
        .map(f -> new SubscriptionDefinition(f.logGroupName(), f.filterName(), f.destinationArn(), f.roleArn(),
            f.filterPattern()))
        .toList();
  }

  @Override
  public void putSubscriptionFilter(SubscriptionDefinition subscription) {
    call("PutSubscriptionFilter", () -> client.putSubscriptionFilter(r -> r.logGroupName(subscription.logGroup())
        .filterName(subscription.filterName()).destinationArn(subscription.destinationArn())
        .roleArn(subscription.roleArn()).filterPattern(subscription.pattern())));
  }

  @Override
  public void deleteSubscriptionFilter(String logGroup, String filterName) {
    try {
      call("DeleteSubscriptionFilter",
          () -> client.deleteSubscriptionFilter(r -> r.logGroupName(logGroup).filterName(filterName)));
    } catch (ResourceNotFoundException alreadyGone) {
      // The goal is reached.
    }
  }

  private static MetricFilterDefinition toDefinition(MetricFilter filter) {
    MetricTransformation t = filter.metricTransformations().isEmpty() ? null : filter.metricTransformations().get(0);
    return new MetricFilterDefinition(filter.logGroupName(), filter.filterName(), filter.filterPattern(),
        t == null ? null : t.metricNamespace(), t == null ? null : t.metricName(), t == null ? null : t.metricValue(),
        t == null ? null : t.defaultValue(), t == null ? null : t.unitAsString());
  }

  private ObservedLogGroup toObserved(LogGroup group) {
    String arn = group.logGroupArn() != null ? group.logGroupArn() : stripWildcard(group.arn());
    return new ObservedLogGroup(group.logGroupName(), arn, group.retentionInDays(), group.kmsKeyId(),
        group.creationTime(), group.logGroupClassAsString(), group.dataProtectionStatusAsString());
  }

  private static String stripWildcard(String arn) {
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
