package dev.kaizen.operator.logs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the tags (ownership markers) of a group's alarms for a full observe, one ListTagsForResource per alarm, and
 * resumes where it stopped when a read is held back by the rate limiter: CloudWatch's tagging bucket allows about one
 * call at a time, so a retried observe that started over would read the first alarm again and never reach the second.
 * What was read is kept only until the group's markers are complete, so each full observe reads every marker afresh.
 */
final class AlarmOwnerMarkers {
  private final Map<String, Map<String, Map<String, String>>> partial = new ConcurrentHashMap<>();

  /** The tags of each alarm, by name; a rate-limit failure propagates with the reads made so far kept. */
  Map<String, Map<String, String>> read(String scope, List<ObservedAlarm> alarms, AlarmGateway gateway) {
    Map<String, Map<String, String>> done = partial.computeIfAbsent(scope, key -> new ConcurrentHashMap<>());
    Map<String, Map<String, String>> byName = new TreeMap<>();
    for (ObservedAlarm alarm : alarms) {
      // Keyed by name and ARN together: an alarm deleted and made again under the same name keeps its ARN, but not
      // within the second or so a resumed read takes.
      String name = alarm.definition().alarmName();
      byName.put(name, done.computeIfAbsent(name + " " + alarm.arn(), key -> gateway.tags(alarm.arn())));
    }
    partial.remove(scope);
    return byName;
  }
}
