package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.listing.ListingPendingException;
import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.listing.ListingSource;
import dev.kaizen.operator.core.listing.Page;
import dev.kaizen.operator.core.listing.SharedListing;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every LogPipeline of one account and region sees of AWS: three shared listings refreshed in the background
 * by the {@link ListingRefresher} — DescribeLogGroups (50 a page) of the name prefixes in use, DescribeMetricFilters
 * of the account (50 a page; AWS cannot list filters by group prefix), DescribeAlarms of the operator's alarm
 * prefix (100 a page) — instead of reads per resource per resync. A light observe only reads them; a full observe
 * reads one pipeline's objects directly and remembers the answers.
 */
final class LogPipelineCatalog {
  /** Past this many distinct prefixes one listing of the whole account is cheaper than one per prefix. */
  static final int MAX_PREFIX_LISTINGS = 8;

  private final LogPipelinePorts ports;
  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final SharedListing<String, ObservedLogGroup> groups;
  private final SharedListing<String, MetricFilterDefinition> filters;
  private final SharedListing<String, ObservedAlarm> alarms;

  LogPipelineCatalog(LogPipelinePorts ports, ListingRefresher refresher, String scope) {
    this.ports = ports;
    this.groups = refresher.listing(scope, new GroupListing());
    this.filters = refresher.listing(scope, new MetricFilterListing());
    this.alarms = refresher.listing(scope, new AlarmListing());
  }

  /**
   * The group, as listed or read; a light read of a group no listing covers yet throws
   * {@link dev.kaizen.operator.core.listing.ListingPendingException} (unknown is not absent). A read of one
   * group goes through {@code reader}, the ports of the reconcile that asks (made for its caller).
   */
  Optional<ObservedLogGroup> group(String name, boolean full, LogPipelinePorts reader) {
    names.add(name);
    if (full) {
      return groups.read(name, key -> readGroup(reader, key)).stream().findFirst();
    }
    return startingAll(() -> groups.get(name, key -> readGroup(reader, key))).stream().findFirst();
  }

  List<MetricFilterDefinition> metricFilters(String group, boolean full, LogPipelinePorts reader) {
    return full ? filters.read(group, reader.logs()::metricFilters)
        : startingAll(() -> filters.get(group, reader.logs()::metricFilters));
  }

  List<ObservedAlarm> alarms(String group, boolean full, LogPipelinePorts reader) {
    return full ? alarms.read(group, key -> readAlarms(reader, key))
        : startingAll(() -> alarms.get(group, key -> readAlarms(reader, key)));
  }

  /**
   * A light observe reads all three listings: when one is not there yet, start the others too, so a pipeline waits
   * for one pass of each at once rather than one after the other.
   */
  private <T> T startingAll(Supplier<T> read) {
    try {
      return read.get();
    } catch (ListingPendingException pending) {
      groups.use();
      filters.use();
      alarms.use();
      throw pending;
    }
  }

  /** One sentence per listing that cannot keep up with the resync interval. */
  Optional<String> behind() {
    String behind = Stream.of(groups, filters, alarms).map(SharedListing::behind).flatMap(Optional::stream)
        .collect(Collectors.joining(" "));
    return behind.isEmpty() ? Optional.empty() : Optional.of(behind);
  }

  private static List<ObservedLogGroup> readGroup(LogPipelinePorts reader, String name) {
    return reader.logs().describe(name).stream().toList();
  }

  private static List<ObservedAlarm> readAlarms(LogPipelinePorts reader, String group) {
    return reader.alarms().list(AlarmDefinition.groupPrefix(group));
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

  /** DescribeLogGroups per prefix in use, or of the whole account ("") past {@link #MAX_PREFIX_LISTINGS}. */
  private final class GroupListing implements ListingSource<String, ObservedLogGroup> {
    @Override
    public String service() {
      return CloudWatchLogsGateway.SERVICE;
    }

    @Override
    public String operation() {
      return "DescribeLogGroups";
    }

    @Override
    public Set<String> queries() {
      Set<String> prefixes = prefixes(names);
      return prefixes.size() > MAX_PREFIX_LISTINGS ? Set.of("") : prefixes;
    }

    @Override
    public Page<ObservedLogGroup> page(String prefix, String token) {
      return ports.logs().listGroups(prefix, token);
    }

    @Override
    public String keyOf(ObservedLogGroup group) {
      return group.name();
    }

    @Override
    public boolean covers(String prefix, String name) {
      return name.startsWith(prefix);
    }
  }

  /** DescribeMetricFilters of the whole account, by log group. */
  private final class MetricFilterListing implements ListingSource<String, MetricFilterDefinition> {
    @Override
    public String service() {
      return CloudWatchLogsGateway.SERVICE;
    }

    @Override
    public String operation() {
      return "DescribeMetricFilters";
    }

    @Override
    public Set<String> queries() {
      return Set.of("");
    }

    @Override
    public Page<MetricFilterDefinition> page(String query, String token) {
      return ports.logs().listMetricFilters(token);
    }

    @Override
    public String keyOf(MetricFilterDefinition filter) {
      return filter.logGroup();
    }
  }

  /** DescribeAlarms of the operator's alarm prefix, by the log group named in each alarm's name. */
  private final class AlarmListing implements ListingSource<String, ObservedAlarm> {
    @Override
    public String service() {
      return CloudWatchAlarmGateway.SERVICE;
    }

    @Override
    public String operation() {
      return "DescribeAlarms";
    }

    @Override
    public Set<String> queries() {
      return Set.of(AlarmDefinition.PREFIX);
    }

    @Override
    public Page<ObservedAlarm> page(String prefix, String token) {
      return ports.alarms().listPage(prefix, token);
    }

    @Override
    public String keyOf(ObservedAlarm alarm) {
      String name = alarm.definition().alarmName();
      return name.indexOf(':', AlarmDefinition.PREFIX.length()) > 0 ? AlarmDefinition.logGroupOf(name) : null;
    }
  }
}
