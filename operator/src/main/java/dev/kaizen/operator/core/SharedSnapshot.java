package dev.kaizen.operator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One batched, account-wide read shared by every resource (DESIGN.md, "Drift, within AWS quotas"): the first
 * resource that finds the snapshot older than {@code maxAge} refreshes it with one paginated listing; every
 * other resource reads it for free. A key whose object this operator just changed is marked dirty and read on
 * its own once (its fresh state cannot wait for the next listing).
 *
 * @param <K> the object's key (a name)
 * @param <V> what the listing says of it
 */
public final class SharedSnapshot<K, V> {
  private record Read<V>(Optional<V> value, Instant at) {}

  private final Clock clock;
  private final Duration maxAge;
  private final Supplier<Map<K, V>> listAll;
  private final Set<K> dirty = ConcurrentHashMap.newKeySet();
  private final Map<K, Read<V>> singleReads = new ConcurrentHashMap<>();
  private volatile Map<K, V> snapshot = Map.of();
  private volatile Instant takenAt = Instant.MIN;

  public SharedSnapshot(Clock clock, Duration maxAge, Supplier<Map<K, V>> listAll) {
    this.clock = clock;
    this.maxAge = maxAge;
    this.listAll = listAll;
  }

  /** The object as last listed or read; refreshes the listing first when it is too old. */
  public Optional<V> get(K key, Function<K, Optional<V>> readOne) {
    if (dirty.contains(key)) {
      return read(key, readOne);
    }
    refreshIfStale();
    Read<V> single = singleReads.get(key);
    if (single != null && !single.at().isBefore(takenAt)) {
      return single.value();
    }
    return Optional.ofNullable(snapshot.get(key));
  }

  /** Reads one object directly (a full observe), and remembers the answer until the next listing. */
  public Optional<V> read(K key, Function<K, Optional<V>> readOne) {
    Instant at = clock.instant();
    Optional<V> value = readOne.apply(key);
    singleReads.put(key, new Read<>(value, at));
    dirty.remove(key);
    return value;
  }

  /** The object was changed by us: its next {@link #get} reads it directly. */
  public void invalidate(K key) {
    dirty.add(key);
  }

  private void refreshIfStale() {
    if (!isStale()) {
      return;
    }
    synchronized (this) {
      if (!isStale()) {
        return; // another reconcile refreshed it while this one waited
      }
      Instant start = clock.instant();
      snapshot = Map.copyOf(listAll.get());
      takenAt = start;
      singleReads.values().removeIf(read -> read.at().isBefore(start));
    }
  }

  private boolean isStale() {
    return takenAt.equals(Instant.MIN) || !clock.instant().isBefore(takenAt.plus(maxAge));
  }
}
