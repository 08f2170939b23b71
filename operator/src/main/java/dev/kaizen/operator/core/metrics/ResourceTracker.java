package dev.kaizen.operator.core.metrics;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last known conditions and last successful sync of each resource of one kind, for the gauges of
 * {@link KaizenMetrics}. Updated after every reconcile; a resource is forgotten when its deletion completes.
 */
public final class ResourceTracker {
  static final List<String> CONDITIONS = List.of("Ready", "Reconciling", "Stalled");

  private record State(Map<String, String> conditions, Instant lastSync) {}

  private final String kind;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  ResourceTracker(String kind, Clock clock) {
    this.kind = kind;
    this.clock = clock;
  }

  public String kind() {
    return kind;
  }

  /** Records a resource's conditions after a reconcile; {@code synced} when AWS was observed successfully. */
  public void update(String uid, List<Condition> conditions, boolean synced) {
    Map<String, String> byType = new java.util.HashMap<>();
    if (conditions != null) {
      conditions.forEach(c -> byType.put(c.getType(), c.getStatus()));
    }
    Instant now = clock.instant();
    states.compute(uid, (key, old) -> new State(Map.copyOf(byType),
        synced ? now : Optional.ofNullable(old).map(State::lastSync).orElse(now)));
  }

  public void forget(String uid) {
    states.remove(uid);
  }

  double count(String condition, String status) {
    return states.values().stream()
        .filter(s -> status.equals(s.conditions().getOrDefault(condition, "Unknown")))
        .count();
  }

  double oldestSyncAgeSeconds() {
    Instant now = clock.instant();
    return states.values().stream()
        .filter(s -> !"True".equals(s.conditions().get("Stalled")))
        .mapToDouble(s -> Math.max(0, Duration.between(s.lastSync(), now).toMillis() / 1000.0))
        .max().orElse(0);
  }
}
