package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.SharedSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log groups of one account and region as every LogPipeline there sees them: one shared snapshot,
 * refreshed by paginated DescribeLogGroups listings (50 groups a call) of the name prefixes in use, instead of
 * one read per resource per resync.
 */
final class LogGroupCatalog {
  /** Past this many distinct prefixes one listing of the whole account is cheaper than one per prefix. */
  static final int MAX_PREFIX_LISTINGS = 8;

  private final LogGroupGateway gateway;
  private final SharedSnapshot<String, ObservedLogGroup> snapshot;
  private final Set<String> names = ConcurrentHashMap.newKeySet();

  LogGroupCatalog(LogGroupGateway gateway, Clock clock, Duration maxAge) {
    this.gateway = gateway;
    this.snapshot = new SharedSnapshot<>(clock, maxAge, this::listAll);
  }

  /** Light observe: from the shared snapshot. */
  Optional<ObservedLogGroup> find(String name) {
    names.add(name);
    return snapshot.get(name, gateway::describe);
  }

  /** Full observe: one direct read. */
  Optional<ObservedLogGroup> read(String name) {
    names.add(name);
    return snapshot.read(name, gateway::describe);
  }

  void changed(String name) {
    snapshot.invalidate(name);
  }

  void forget(String name) {
    names.remove(name);
    snapshot.invalidate(name);
  }

  private Map<String, ObservedLogGroup> listAll() {
    Set<String> prefixes = prefixes(names);
    if (prefixes.size() > MAX_PREFIX_LISTINGS) {
      return gateway.list("");
    }
    Map<String, ObservedLogGroup> all = new LinkedHashMap<>();
    prefixes.forEach(prefix -> all.putAll(gateway.list(prefix)));
    return all;
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
