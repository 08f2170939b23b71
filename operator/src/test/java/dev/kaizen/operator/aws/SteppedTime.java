package dev.kaizen.operator.aws;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock for the rate limiter that moves only when a test moves it. */
final class SteppedTime implements TimeMeter {
  private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

  @Override
  public long currentTimeNanos() {
    return nanos.get();
  }

  @Override
  public boolean isWallClockBased() {
    return false;
  }

  void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  void setTo(long value) {
    nanos.set(value);
  }
}
