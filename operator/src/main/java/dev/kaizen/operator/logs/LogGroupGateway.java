package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.core.listing.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port through which LogPipeline reads and writes CloudWatch Logs groups. */
public interface LogGroupGateway {

  /**
   * The same gateway, making its calls (all but listing pages) for {@code caller}, so that on a contended quota the
   * caller keeps its place in line (see {@link AwsCaller}).
   */
  LogGroupGateway forCaller(AwsCaller caller);

  /** One group by exact name, or empty. */
  Optional<ObservedLogGroup> describe(String name);

  /**
   * One page (50 groups, by name) of the groups whose name starts with {@code prefix} ("" for all), from
   * {@code token} (null: the first page). A page of a shared listing: it uses the listings' share of the quota.
   */
  Page<ObservedLogGroup> listGroups(String prefix, String token);

  Map<String, String> tags(String arn);

  void create(String name, String kmsKeyArn, Map<String, String> tags);

  void putRetention(String name, int days);

  void deleteRetention(String name);

  void associateKmsKey(String name, String kmsKeyArn);

  void disassociateKmsKey(String name);

  void tag(String arn, Map<String, String> tags);

  void untag(String arn, Collection<String> keys);

  void delete(String name);

  /** One page (50) of every metric filter of the account, from {@code token}: a page of a shared listing. */
  Page<MetricFilterDefinition> listMetricFilters(String token);

  /** The metric filters of one group. */
  List<MetricFilterDefinition> metricFilters(String logGroup);

  void putMetricFilter(MetricFilterDefinition filter);

  void deleteMetricFilter(String logGroup, String filterName);

  List<SubscriptionDefinition> subscriptionFilters(String logGroup);

  void putSubscriptionFilter(SubscriptionDefinition subscription);

  void deleteSubscriptionFilter(String logGroup, String filterName);

  /**
   * The stream of the group with the latest event (one DescribeLogStreams, ordered by last event time), or empty
   * when the group has no stream.
   */
  Optional<StreamActivity> latestStream(String logGroup);
}
