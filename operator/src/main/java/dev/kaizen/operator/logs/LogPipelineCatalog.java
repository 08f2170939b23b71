package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.SharedSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every LogPipeline of one account and region sees of AWS: shared snapshots refreshed by paginated,
 * account-wide listings — DescribeLogGroups (50 a call) of the name prefixes in use, DescribeMetricFilters of the
 * account (50 a call), DescribeAlarms of the operator's alarm prefix (100 a call) — instead of reads per resource
 * per resync. A full observe reads one pipeline's objects directly and remembers the answers.
 */
final class LogPipelineCatalog {
  /** Past this many distinct prefixes one listing of the whole account is cheaper than one per prefix. */
  static final int MAX_PREFIX_LISTINGS = 8;

  private final LogPipelinePorts ports;
  private final SharedSnapshot<String, ObservedLogGroup> groups;
  private final SharedSnapshot<String, List<MetricFilterDefinition>> filters;
  private final SharedSnapshot<String, List<ObservedAlarm>> alarms;
  private final Set<String> names = ConcurrentHashMap.newKeySet();

  LogPipelineCatalog(LogPipelinePorts ports, Clock clock, Duration maxAge) {
    this.ports = ports;
    this.groups = new SharedSnapshot<>(clock, maxAge, this::listGroups);
    this.filters = new SharedSnapshot<>(clock, maxAge, () -> ports.logs().listMetricFilters());
    this.alarms = new SharedSnapshot<>(clock, maxAge, this::listAlarms);
  }

  Optional<ObservedLogGroup> group(String name, boolean full) {
    names.add(name);
    return full ? groups.read(name, ports.logs()::describe) : groups.get(name, ports.logs()::describe);
  }

  List<MetricFilterDefinition> metricFilters(String group, boolean full) {
    return (full ? filters.read(group, this::readFilters) : filters.get(group, this::readFilters)).orElse(List.of());
  }

  List<ObservedAlarm> alarms(String group, boolean full) {
    return (full ? alarms.read(group, this::readAlarms) : alarms.get(group, this::readAlarms)).orElse(List.of());
  }

  private Optional<List<MetricFilterDefinition>> readFilters(String group) {
    return Optional.of(ports.logs().metricFilters(group));
  }

  private Optional<List<ObservedAlarm>> readAlarms(String group) {
    return Optional.of(ports.alarms().list(AlarmDefinition.groupPrefix(group)));
  }

  void changed(String group) {
    groups.invalidate(group);
    filters.invalidate(group);
    alarms.invalidate(group);
  }

  void forget(String group) {
    names.remove(group);
    changed(group);
  }

  private Map<String, ObservedLogGroup> listGroups() {
    Set<String> prefixes = prefixes(names);
    if (prefixes.size() > MAX_PREFIX_LISTINGS) {
      return ports.logs().list("");
    }
    Map<String, ObservedLogGroup> all = new LinkedHashMap<>();
    prefixes.forEach(prefix -> all.putAll(ports.logs().list(prefix)));
    return all;
  }

  private Map<String, List<ObservedAlarm>> listAlarms() {
    Map<String, List<ObservedAlarm>> byGroup = new LinkedHashMap<>();
    for (ObservedAlarm alarm : ports.alarms().list(AlarmDefinition.PREFIX)) {
      String name = alarm.definition().alarmName();
      if (name.indexOf(':', AlarmDefinition.PREFIX.length()) > 0) {
        byGroup.computeIfAbsent(AlarmDefinition.logGroupOf(name), g -> new ArrayList<>()).add(alarm);
      }
    }
    return byGroup;
  }

  /** {@code /shop/web} and {@code /shop/api} share the listing prefix {@code /shop/}. */
  static Set<String> prefixes(Set<String> names) {
    Set<String> candidates = new TreeSet<>();
    for (String name : names) {
      int slash = name.indexOf('/', name.startsWith("/") ? 1 : 0);
      candidates.add(slash < 0 ? name : name.substring(0, slash + 1));
    }
    // Drop a prefix already covered by a shorter one (TreeSet order puts the shorter first).
    Set<String> minimal = new TreeSet<>();
    for (String candidate : candidates) {
      if (minimal.stream().noneMatch(candidate::startsWith)) {
        minimal.add(candidate);
      }
    }
    return minimal;
  }
}
