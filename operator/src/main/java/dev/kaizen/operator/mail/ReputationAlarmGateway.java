package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import java.util.List;
import java.util.Map;

/** CloudWatch, as MailRoute's reputation alarms use it. */
public interface ReputationAlarmGateway {

  /** The alarms whose names start with {@code prefix}: one DescribeAlarms (a route has two). */
  List<ObservedReputationAlarm> describe(String prefix);

  /** The alarm's tags (its ownership marker), read on full observes. */
  Map<String, String> tags(String alarmArn);

  /** Creates the alarm with {@code tags}, or replaces its definition (CloudWatch ignores tags on an update). */
  void put(DesiredReputationAlarm alarm, Map<String, String> tags);

  void tag(String alarmArn, Map<String, String> tags);

  void delete(List<String> alarmNames);

  ReputationAlarmGateway forCaller(AwsCaller caller);
}
