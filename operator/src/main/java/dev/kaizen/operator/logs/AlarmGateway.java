package dev.kaizen.operator.logs;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The port through which LogPipeline reads and writes CloudWatch metric alarms. */
public interface AlarmGateway {

  /** Every alarm whose name starts with {@code prefix}: one paginated listing. */
  List<ObservedAlarm> list(String prefix);

  /**
   * Creates or updates an alarm. Tags are applied only when it is created: "If you are using this operation to update
   * an existing alarm, any tags you specify in this parameter are ignored" (PutMetricAlarm); see {@link #tag}.
   */
  void put(AlarmDefinition alarm, Map<String, String> tags);

  /** Adds or overwrites tags of an existing alarm (TagResource); keys not named are kept. */
  void tag(String alarmArn, Map<String, String> tags);

  void delete(Collection<String> alarmNames);
}
