package dev.kaizen.operator.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it; thread-safe. Zone variants share the same instant. */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A UTC clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock standing at an ISO-8601 instant, e.g. "2026-01-01T00:00:00Z". */
  public static MutableClock at(String isoInstant) {
    return new MutableClock(Instant.parse(isoInstant));
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration duration) {
    now.updateAndGet(i -> i.plus(duration));
  }

  /** Moves the clock forward by some milliseconds. */
  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** Sets the clock to an instant. */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }
}
