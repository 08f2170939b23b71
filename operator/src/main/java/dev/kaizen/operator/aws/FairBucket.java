package dev.kaizen.operator.aws;

import dev.kaizen.operator.core.RateLimitedException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket shared by many callers that serves those who wait in turn, without blocking anyone.
 *
 * <p>Without turns, every caller refused a token is told "retry at T" and the first to come back at T wins:
 * with many resources racing on one service-wide bucket (Route 53), a busy one can starve the others. Here a
 * caller refused a token reserves one at once (Bucket4j's {@code consumeIgnoringRateLimits} puts the bucket in
 * debt and says when the reservation is covered) and is told to retry then; the reservation is its turn, and
 * nobody else can take that token. Reservations are served in the order they were made, because the bucket
 * refills its debt before it has a token for anyone else.
 *
 * <p>A reconcile repeats its earlier calls each time it is retried, so a turn of one token would let a resource
 * needing two calls in a row be refused forever. A turn therefore holds as many tokens as the caller took in its
 * current attempt (the calls it will repeat) plus the one it was refused, at most {@link #MAX_TURN}.
 * A turn not claimed within {@link #UNCLAIMED_AFTER} of its time (the resource was deleted, or needs the call no
 * more) is dropped and its tokens go back to the bucket.
 */
final class FairBucket {
  static final Duration UNCLAIMED_AFTER = Duration.ofSeconds(30);
  /** Calls of one caller this close together count as one attempt (one reconcile). */
  static final Duration ATTEMPT_WINDOW = Duration.ofSeconds(10);
  static final int MAX_TURN = 10;

  private final Bucket bucket;
  private final TimeMeter time;
  private final Map<AwsCaller, Caller> callers = new HashMap<>();
  private long lastSweep;

  FairBucket(Bucket bucket, TimeMeter time) {
    this.bucket = bucket;
    this.time = time;
    this.lastSweep = time.currentTimeNanos();
  }

  /** Takes a token for {@code caller}, or throws {@link RateLimitedException} saying when its turn comes. */
  synchronized void acquire(AwsCaller caller, String operation) {
    long now = time.currentTimeNanos();
    sweep(now);
    if (!caller.queued()) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        throw new RateLimitedException(operation, Duration.ofNanos(probe.getNanosToWaitForRefill()));
      }
      return;
    }
    Caller state = callers.computeIfAbsent(caller, c -> new Caller());
    if (state.turn != null) {
      if (now < state.turn.readyAt) {
        throw new RateLimitedException(operation, Duration.ofNanos(state.turn.readyAt - now));
      }
      state.takeFromTurn(now);
      return;
    }
    if (bucket.tryConsume(1)) {
      state.took(now);
      return;
    }
    int tokens = Math.min(MAX_TURN, 1 + state.takenInAttempt(now));
    long wait = bucket.consumeIgnoringRateLimits(tokens);
    state.turn = new Turn(now + wait, tokens);
    state.takenInAttempt = 0;
    if (wait <= 0) { // refilled in the meantime: the turn is now
      state.takeFromTurn(now);
      return;
    }
    throw new RateLimitedException(operation, Duration.ofNanos(wait));
  }

  /** How many callers hold a turn (for tests and metrics). */
  synchronized int waiting() {
    return (int) callers.values().stream().filter(c -> c.turn != null).count();
  }

  /** Drops turns nobody came back for (tokens returned) and callers idle for longer than an attempt. */
  private void sweep(long now) {
    if (now - lastSweep < Duration.ofSeconds(1).toNanos()) {
      return;
    }
    lastSweep = now;
    callers.values().removeIf(c -> {
      if (c.turn != null && now - c.turn.readyAt > UNCLAIMED_AFTER.toNanos()) {
        bucket.addTokens(c.turn.tokens);
        c.turn = null;
      }
      return c.turn == null && now - c.lastTook > ATTEMPT_WINDOW.toNanos();
    });
  }

  /** Tokens reserved for one caller, usable from {@code readyAt}. */
  private static final class Turn {
    final long readyAt;
    int tokens;

    Turn(long readyAt, int tokens) {
      this.readyAt = readyAt;
      this.tokens = tokens;
    }
  }

  private static final class Caller {
    Turn turn;
    int takenInAttempt;
    long lastTook = Long.MIN_VALUE / 2;

    void took(long now) {
      takenInAttempt = takenInAttempt(now) + 1;
      lastTook = now;
    }

    void takeFromTurn(long now) {
      if (--turn.tokens == 0) {
        turn = null;
      }
      took(now);
    }

    int takenInAttempt(long now) {
      return now - lastTook > ATTEMPT_WINDOW.toNanos() ? 0 : takenInAttempt;
    }
  }
}
