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
 * nobody else can take that token. Turns are served in the order they were taken, because the bucket pays its
 * debt before it has a token for anyone else.
 *
 * <p>A retried reconcile repeats its earlier calls, so a turn of one token would let a resource that needs two
 * calls in a row be refused forever. A turn therefore holds as many tokens as the caller took in the refused
 * attempt plus the one refused (twice its last turn when it used that up and still needs more); a caller refused
 * at its first call reserves what its last such attempt needed. It may hold more than the bucket's burst (Bucket4j
 * reserves beyond capacity as debt): capped at the burst, an attempt needing more calls on one bucket than its
 * burst (two ListTagsForResource on CloudWatch's burst of one) took the turn's token on retry and was refused at
 * its next call, attempt after attempt — a livelock. Capped at {@link #MAX_TURN} against a runaway, and not at
 * AWS's per-second figure: an attempt's calls are not always back to back (a MailRoute reading SES's identity in
 * its light observe and again, over a second later on a loaded machine, in its full one needs a turn of two on a
 * 1-per-second quota; capped at one it was refused forever). What keeps AWS's second is {@link SentLastSecond};
 * calls beyond the burst are paid for twice (see {@link #reserve}) so the turns behind a big one start later. An
 * attempt needing more calls back to back than AWS answers in a second cannot pass whatever we do: such reads must
 * resume where a refusal stopped them (resumable pages). A turn not claimed within {@link #UNCLAIMED_AFTER} of its time (the resource was deleted, or no
 * longer needs the call) is dropped and its tokens go back to the bucket.
 */
final class FairBucket {
  static final Duration UNCLAIMED_AFTER = Duration.ofSeconds(30);
  /** A caller with no turn and no call for this long is forgotten. */
  static final Duration IDLE_AFTER = Duration.ofMinutes(5);

  private final Bucket bucket;
  /** The most tokens one turn may hold on any quota, against a runaway (see the class comment). */
  static final int MAX_TURN = 16;

  private final int maxTurn;
  private final long burst;
  /** When the last calls AWS's second holds were let through (see {@link SentLastSecond}). */
  private final SentLastSecond sentLastSecond;
  private final TimeMeter time;
  private final Map<String, Caller> callers = new HashMap<>();
  private long lastSweep;

  /**
   * @param burst the most tokens the bucket holds (one second of our share)
   * @param awsPerSecond the most calls AWS answers in one second on this quota (what {@link SentLastSecond} holds)
   */
  FairBucket(Bucket bucket, long burst, long awsPerSecond, TimeMeter time) {
    this.bucket = bucket;
    this.maxTurn = (int) Math.max(MAX_TURN, burst);
    this.burst = burst;
    this.sentLastSecond = new SentLastSecond((int) Math.max(1, awsPerSecond));
    this.time = time;
    this.lastSweep = time.currentTimeNanos();
  }

  /** Takes a token for {@code caller}, or throws {@link RateLimitedException} saying when its turn comes. */
  synchronized void acquire(AwsCaller caller, String operation) {
    long now = time.currentTimeNanos();
    sweep(now);
    take(caller, operation, now);
    sentLastSecond.add(now);
  }

  private void take(AwsCaller caller, String operation, long now) {
    if (!caller.queued()) {
      awaitSecond(false, null, operation, now);
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        throw new RateLimitedException(operation, Duration.ofNanos(probe.getNanosToWaitForRefill()));
      }
      return;
    }
    Caller state = callers.computeIfAbsent(caller.id(), id -> new Caller());
    state.lastSeen = now;
    boolean goingOn = state.attempt == caller.attempt() && state.takenInAttempt > 0;
    if (state.turn != null) {
      if (now < state.turn.readyAt) {
        throw new RateLimitedException(operation, Duration.ofNanos(state.turn.readyAt - now));
      }
      awaitSecond(goingOn, state, operation, now);
      int turnTokens = state.turn.tokens;
      state.takeFromTurn(caller.attempt());
      promise(state, goingOn, Math.max(turnTokens, state.mostTaken) - 1, now);
      return;
    }
    awaitSecond(goingOn, state, operation, now);
    if (bucket.tryConsume(1)) {
      state.took(caller.attempt());
      promise(state, goingOn, state.mostTaken - 1, now);
      return;
    }
    int tokens = Math.min(maxTurn, state.needs(caller.attempt(), sentLastSecond.awsPerSecond));
    long wait = reserve(tokens);
    state.turn = new Turn(now + wait, now + wait + UNCLAIMED_AFTER.toNanos(), tokens);
    if (wait <= 0) { // refilled in the meantime: the turn is now
      state.takeFromTurn(caller.attempt());
      promise(state, goingOn, Math.max(tokens, state.mostTaken) - 1, now);
      return;
    }
    throw new RateLimitedException(operation, Duration.ofNanos(wait));
  }

  /**
   * Refuses the call, whatever the tokens say, while AWS's second has no room ({@link SentLastSecond}) for it, or
   * for the whole turn it starts (its calls may follow back to back); a turn held stays held until the caller comes
   * back. The later calls of an attempt are not held: their room was made when its turn started, and refusing the
   * second call of an attempt would refuse its retry the same way, forever (a MailRoute reading SES's identity in
   * its light and its full observe on the 1/s quota).
   */
  private void awaitSecond(boolean goingOn, Caller state, String operation, long now) {
    if (goingOn) {
      return;
    }
    Turn held = state == null ? null : state.turn;
    // Room for every call the attempt is expected to make: its turn's, or as many as an attempt of it took here.
    int calls = state == null ? 1 : Math.max(held == null ? 0 : held.tokens, state.expectedCalls());
    long full = sentLastSecond.busyFor(now, calls, state == null ? null : state.promise);
    if (full > 0) {
      if (held != null) {
        held.claimBy = Math.max(held.claimBy, now + full + UNCLAIMED_AFTER.toNanos());
      }
      throw new RateLimitedException(operation, Duration.ofNanos(full));
    }
  }

  /**
   * The caller's attempt made a call now: the calls it has yet to make hold room in AWS's second. A new attempt
   * promises {@code expectedLeft} (what is left of its turn, or the most an attempt of it took here, less this
   * call); an attempt going on has one call fewer to make.
   */
  private void promise(Caller state, boolean goingOn, int expectedLeft, long now) {
    if (goingOn && state.promise != null) {
      state.promise.left = Math.max(0, state.promise.left - 1);
      state.promise.lastCallAt = now;
      return;
    }
    sentLastSecond.forget(state.promise);
    state.promise = new Promise(Math.max(0, expectedLeft), now);
    sentLastSecond.hold(state.promise);
  }

  /**
   * The caller was refused on another bucket after taking tokens here in the same attempt: its retry will repeat
   * those calls, so they are reserved now as its turn here, and the retry gets through this bucket instead of
   * queueing behind everyone again while its turn on the other bucket waits. Returns the nanoseconds until the
   * reservation is covered, or -1 when there is nothing to reserve (no token taken here, or a turn already held).
   */
  synchronized long reserveRepeat(AwsCaller caller) {
    Caller state = callers.get(caller.id());
    if (state == null || state.turn != null || state.attempt != caller.attempt() || state.takenInAttempt == 0) {
      return -1;
    }
    long now = time.currentTimeNanos();
    int tokens = Math.min(maxTurn, state.takenInAttempt);
    long wait = Math.max(0, reserve(tokens));
    state.turn = new Turn(now + wait, now + wait + UNCLAIMED_AFTER.toNanos(), tokens);
    return wait;
  }

  /**
   * Reserves a turn of {@code tokens} and returns the nanoseconds until they are covered. The turn's calls are made
   * back to back when it comes, a burst of {@code tokens}; beyond the bucket's burst, the excess is reserved a
   * second time after the turn (as debt nobody claims), so the turns behind it start later by as much and no
   * second ever sees more than the bucket's rate plus its burst: at most AWS's own figure, twice our share.
   */
  private long reserve(int tokens) {
    long wait = bucket.consumeIgnoringRateLimits(tokens);
    long excess = tokens - burst;
    if (excess > 0) {
      bucket.consumeIgnoringRateLimits(excess);
    }
    return wait;
  }

  /** Keeps the caller's turn, if any, until {@link #UNCLAIMED_AFTER} past {@code retryAt} (its retry time). */
  synchronized void holdTurn(AwsCaller caller, long retryAt) {
    Caller state = callers.get(caller.id());
    if (state != null && state.turn != null) {
      state.turn.claimBy = Math.max(state.turn.claimBy, retryAt + UNCLAIMED_AFTER.toNanos());
    }
  }

  /** Drops turns nobody came back for (their tokens go back) and callers long idle. */
  private void sweep(long now) {
    if (now - lastSweep < Duration.ofSeconds(1).toNanos()) {
      return;
    }
    lastSweep = now;
    callers.values().removeIf(c -> {
      if (c.turn != null && now > c.turn.claimBy) {
        bucket.addTokens(c.turn.tokens);
        c.turn = null;
      }
      return c.turn == null && now - c.lastSeen > IDLE_AFTER.toNanos();
    });
  }

  /**
   * The times of the calls let through in the last {@link #WINDOW}, at most as many as AWS answers in a second, and
   * the calls still to come of the attempts going on. Tokens say when a call may go on average; AWS counts the calls as
   * they arrive. A retry that runs late (a loaded machine, a slow reconcile before the call) and the next turn, which
   * comes on time, landed in one of AWS's seconds: on SES's 1 request/s, a throttle each time. The window is a second
   * plus a margin for the time between our check and AWS's count. A turn's calls follow one another a round trip
   * apart: counted only once made, attempts started side by side each found room for all of theirs (Route 53 at
   * N = 1,000: 45 throttles), so an attempt going on holds room for the calls it is expected to make (the rest of its
   * turn, else the most an attempt of it took) until it has made them or made none for a window.
   */
  private static final class SentLastSecond {
    static final long WINDOW = Duration.ofMillis(1100).toNanos();
    private final int awsPerSecond;
    private final java.util.ArrayDeque<Long> sentAt = new java.util.ArrayDeque<>();
    private final java.util.List<Promise> promises = new java.util.ArrayList<>();

    SentLastSecond(int awsPerSecond) {
      this.awsPerSecond = awsPerSecond;
    }

    /**
     * Nanoseconds until {@code calls} more fit in the window (all of AWS's second at most), 0 when they fit now;
     * the caller's {@code own} promise (of its last attempt) does not hold room against it.
     */
    long busyFor(long now, int calls, Promise own) {
      while (!sentAt.isEmpty() && now - sentAt.peekFirst() >= WINDOW) {
        sentAt.pollFirst();
      }
      promises.removeIf(promise -> promise.left == 0 || now - promise.lastCallAt >= WINDOW);
      int promised = promises.stream().filter(promise -> promise != own).mapToInt(promise -> promise.left).sum();
      int mustLeave = sentAt.size() + promised + Math.min(calls, awsPerSecond) - awsPerSecond;
      if (mustLeave <= 0) {
        return 0;
      }
      if (mustLeave > sentAt.size()) { // attempts going on hold the room: it frees as they call or stop
        return promises.stream().filter(promise -> promise != own)
            .mapToLong(promise -> Math.max(1, promise.lastCallAt + WINDOW - now)).min().orElse(WINDOW);
      }
      java.util.Iterator<Long> oldestFirst = sentAt.iterator();
      long leaving = 0;
      for (int i = 0; i < mustLeave; i++) {
        leaving = oldestFirst.next();
      }
      return Math.max(1, leaving + WINDOW - now);
    }

    void add(long now) {
      sentAt.addLast(now);
      while (sentAt.size() > awsPerSecond) {
        sentAt.pollFirst();
      }
    }

    void hold(Promise promise) {
      if (promise.left > 0) {
        promises.add(promise);
      }
    }

    void forget(Promise promise) {
      if (promise != null) {
        promises.remove(promise);
      }
    }
  }

  /** The calls an attempt going on has yet to make on this bucket, as far as is known, and when it last called. */
  private static final class Promise {
    int left;
    long lastCallAt;

    Promise(int left, long lastCallAt) {
      this.left = left;
      this.lastCallAt = lastCallAt;
    }
  }

  /** Tokens reserved for one caller, usable from {@code readyAt}, given back if not claimed by {@code claimBy}. */
  private static final class Turn {
    final long readyAt;
    long claimBy;
    int tokens;

    Turn(long readyAt, long claimBy, int tokens) {
      this.readyAt = readyAt;
      this.claimBy = claimBy;
      this.tokens = tokens;
    }
  }

  private static final class Caller {
    Turn turn;
    long lastSeen;
    long attempt;
    int takenInAttempt;
    /**
     * The most an attempt of this caller took here: what the next may take (see {@link #promise}); the largest, as
     * the one just before may have been refused part-way.
     */
    int mostTaken;
    Promise promise;
    /** Tokens the caller's last attempt refused after some calls needed: what it will repeat, plus one. */
    int needed = 1;

    /** As many calls as an attempt of this caller took here (the last one included), at least one. */
    int expectedCalls() {
      return Math.max(1, Math.max(mostTaken, takenInAttempt));
    }

    void took(long inAttempt) {
      if (inAttempt != attempt) {
        attempt = inAttempt;
        mostTaken = Math.max(mostTaken, takenInAttempt);
        takenInAttempt = 0;
      }
      takenInAttempt++;
    }

    void takeFromTurn(long inAttempt) {
      if (--turn.tokens == 0) {
        turn = null;
      }
      took(inAttempt);
    }

    /**
     * How many tokens a turn must hold for the attempt just refused to get through when it is retried. An attempt
     * that used up a whole turn and still needs more (a batch of many pages) doubles its next turn, up to what
     * AWS answers in a second (beyond that, what it took plus one): growing by one token a round, it would wait
     * behind everyone once per call it makes.
     */
    int needs(long inAttempt, int awsPerSecond) {
      int taken = inAttempt == attempt ? takenInAttempt : 0;
      if (taken > 0) {
        needed = taken >= needed ? Math.max(taken + 1, Math.min(2 * needed, awsPerSecond)) : taken + 1;
      }
      return needed;
    }
  }
}
