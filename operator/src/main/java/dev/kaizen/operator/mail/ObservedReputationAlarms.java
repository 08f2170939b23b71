package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route's reputation alarms as read (one DescribeAlarms by their prefix), and their tags when read (full observe,
 * or alarms the spec dropped, which are removed only when their tags name the resource).
 */
public record ObservedReputationAlarms(List<ObservedReputationAlarm> alarms,
    Optional<Map<String, Map<String, String>>> tags) {

  public ObservedReputationAlarms {
    alarms = List.copyOf(alarms);
  }

  public Optional<ObservedReputationAlarm> find(String name) {
    return alarms.stream().filter(alarm -> alarm.name().equals(name)).findFirst();
  }

  public Optional<Map<String, String>> tagsOf(String name) {
    return tags.map(all -> all.getOrDefault(name, Map.of()));
  }
}
