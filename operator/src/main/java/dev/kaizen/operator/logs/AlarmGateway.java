package dev.kaizen.operator.logs;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The port through which LogPipeline reads and writes CloudWatch metric alarms. */
public interface AlarmGateway {

  /** Every alarm whose name starts with {@code prefix}: one paginated listing. */
  List<ObservedAlarm> list(String prefix);

  /** Creates or updates an alarm; tags are applied when it is created. */
  void put(AlarmDefinition alarm, Map<String, String> tags);

  void delete(Collection<String> alarmNames);
}
