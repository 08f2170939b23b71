package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedSnapshotTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock = new Clock() {
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    public Instant instant() {
      return now;
    }
  };
  private final Map<String, Integer> world = new HashMap<>(Map.of("a", 1, "b", 2));
  private final AtomicInteger listings = new AtomicInteger();
  private final AtomicInteger singleReads = new AtomicInteger();
  private final SharedSnapshot<String, Integer> snapshot = new SharedSnapshot<>(clock, Duration.ofMinutes(5), () -> {
    listings.incrementAndGet();
    return Map.copyOf(world);
  });

  private Optional<Integer> readOne(String key) {
    singleReads.incrementAndGet();
    return Optional.ofNullable(world.get(key));
  }

  @Test
  void oneListingServesEveryReaderUntilItIsTooOld() {
    assertThat(snapshot.get("a", this::readOne)).contains(1);
    assertThat(snapshot.get("b", this::readOne)).contains(2);
    assertThat(snapshot.get("c", this::readOne)).isEmpty();
    assertThat(listings).hasValue(1);

    world.put("a", 10);
    now = now.plus(Duration.ofMinutes(5));
    assertThat(snapshot.get("a", this::readOne)).contains(10);
    assertThat(listings).hasValue(2);
    assertThat(singleReads).hasValue(0);
  }

  @Test
  void aKeyWeChangedIsReadOnItsOwnOnce() {
    snapshot.get("a", this::readOne);
    world.put("a", 5);
    snapshot.invalidate("a");
    assertThat(snapshot.get("a", this::readOne)).contains(5);
    assertThat(snapshot.get("a", this::readOne)).contains(5);
    assertThat(singleReads).hasValue(1);
    assertThat(listings).hasValue(1);
  }
}
