package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.core.listing.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The port through which LogPipeline reads and writes CloudWatch metric alarms. */
public interface AlarmGateway {

  /** The same gateway, making its calls (all but listing pages) for {@code caller}; see {@link LogGroupGateway}. */
  AlarmGateway forCaller(AwsCaller caller);

  /** Every alarm whose name starts with {@code prefix} (one resource's alarms): a paginated single read. */
  List<ObservedAlarm> list(String prefix);

  /**
   * One page (100) of the alarms whose name starts with {@code prefix}, from {@code token} (null: the first): a
   * page of a shared listing, using the listings' share of the quota.
   */
  Page<ObservedAlarm> listPage(String prefix, String token);

  /**
   * Creates or updates an alarm. Tags are applied only when it is created: "If you are using this operation to update
   * an existing alarm, any tags you specify in this parameter are ignored" (PutMetricAlarm); see {@link #tag}.
   */
  void put(AlarmDefinition alarm, Map<String, String> tags);

  /** The tags of an existing alarm (ListTagsForResource): its ownership marker. */
  Map<String, String> tags(String alarmArn);

  /** Adds or overwrites tags of an existing alarm (TagResource); keys not named are kept. */
  void tag(String alarmArn, Map<String, String> tags);

  void delete(Collection<String> alarmNames);
}
