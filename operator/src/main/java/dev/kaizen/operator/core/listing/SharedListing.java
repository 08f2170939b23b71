package dev.kaizen.operator.core.listing;

import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.RateLimitedException;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batched, account-wide listing shared by every resource of one account and region (DESIGN.md, "Drift, within
 * AWS quotas"). Reconciles only read it; {@link ListingRefresher} advances it one page at a time off the reconcile
 * pool ({@link #step}), resuming from the token where it stopped when the rate limiter says wait, so a listing of
 * any length completes at the pace of its share of the quota.
 *
 * <p>A key no complete listing covers is unknown: {@link #get} throws {@link ListingPendingException} rather than
 * answer "absent". A key the operator just changed is read on its own once ({@link #invalidate}); a single read is
 * used until a listing page read after it supersedes it.
 *
 * @param <K> the key readers look up
 * @param <T> an item of the listing; a key holds the items listed under it, empty when it has none
 */
public final class SharedListing<K, T> {
  private static final Logger LOG = LoggerFactory.getLogger(SharedListing.class);

  /** How soon a reconcile that found its key not covered looks again; a pass of a few pages takes about this. */
  static final Duration UNCOVERED_RETRY = Duration.ofSeconds(1);
  /** How soon a page that failed for a transient reason (AWS throttling, a 5xx, a timeout) is tried again. */
  static final Duration FAILED_PAGE_RETRY = Duration.ofSeconds(5);

  /** Items under one key, and when they were read (the first page holding them). */
  private record Stamped<T>(List<T> items, Instant at) {}

  /** A complete listing of one query, started at {@code startedAt}. */
  private record Listed<K, T>(Map<K, Stamped<T>> byKey, Instant startedAt) {}

  /**
   * The pass in progress: the queries left, the query being paged and what its pages gave so far. A pass started
   * early for a reader lists only the queries no listing has covered yet; the pass due at the interval lists all.
   */
  private final class Pass {
    final Instant startedAt;
    final boolean onlyMissing;
    final Deque<String> queue = new ArrayDeque<>();
    final Set<String> seen = new HashSet<>();
    Map<K, Stamped<T>> partial = new LinkedHashMap<>();
    Instant queryStartedAt;
    String token;
    int pages;

    Pass(Instant startedAt, boolean onlyMissing) {
      this.startedAt = startedAt;
      this.onlyMissing = onlyMissing;
    }

    void enqueue(Set<String> queries) {
      queries.stream().sorted().filter(query -> !onlyMissing || !listed.containsKey(query)).filter(seen::add)
          .forEach(queue::add);
    }

    void restartQuery() {
      partial = new LinkedHashMap<>();
      queryStartedAt = null;
      token = null;
    }
  }

  private final String scope;
  private final ListingSource<K, T> source;
  private final Clock clock;
  private final Duration interval;
  private final Duration behindAfter;
  private final KaizenMetrics metrics;
  private final Runnable wake;

  private final Set<K> dirty = ConcurrentHashMap.newKeySet();
  private final Map<K, Stamped<T>> singleReads = new ConcurrentHashMap<>();
  private final Map<String, Listed<K, T>> listed = new ConcurrentHashMap<>();
  private final AtomicBoolean coverageWanted = new AtomicBoolean();
  private volatile Instant inUseSince;
  private volatile Instant lastPassStartedAt;
  private volatile String lastFailure;
  // Touched only by step(), which the refresher never runs concurrently for one listing.
  private Pass pass;
  private Instant nextPassAt;

  SharedListing(String scope, ListingSource<K, T> source, Clock clock, Duration interval, Duration behindAfter,
      KaizenMetrics metrics, Runnable wake) {
    this.scope = scope;
    this.source = source;
    this.clock = clock;
    this.interval = interval;
    this.behindAfter = behindAfter;
    this.metrics = metrics;
    this.wake = wake;
    metrics.listing(source.service(), source.operation(), scope, this,
        listing -> listing.age().map(age -> age.toMillis() / 1000.0).orElse(0.0),
        listing -> listing.behind().isPresent() ? 1 : 0);
  }

  /**
   * What the listing says of {@code key} (empty: nothing listed under it), or what a single read since said.
   *
   * @throws ListingPendingException when no complete listing covers the key yet
   */
  public List<T> get(K key, Function<K, List<T>> readOne) {
    if (dirty.contains(key)) {
      return read(key, readOne);
    }
    use();
    Stamped<T> single = singleReads.get(key);
    Optional<Listed<K, T>> covering = covering(key);
    if (covering.isEmpty()) {
      if (single != null) {
        return single.items();
      }
      if (!coverageWanted.getAndSet(true)) {
        wake.run();
      }
      throw new ListingPendingException(source.operation(), String.valueOf(key), UNCOVERED_RETRY);
    }
    Stamped<T> fromListing = covering.get().byKey().get(key);
    // Absent from a listing means absent since the listing started (its page may have been read before).
    Instant listedAt = fromListing != null ? fromListing.at() : covering.get().startedAt();
    if (single != null && !single.at().isBefore(listedAt)) {
      return single.items();
    }
    return fromListing == null ? List.of() : fromListing.items();
  }

  /** Reads one key directly (a full observe, or a key we changed), and keeps the answer until a fresher listing. */
  public List<T> read(K key, Function<K, List<T>> readOne) {
    Instant at = clock.instant();
    List<T> items = List.copyOf(readOne.apply(key));
    singleReads.put(key, new Stamped<>(items, at));
    dirty.remove(key);
    return items;
  }

  /** The key's object was changed by us: its next {@link #get} reads it directly. */
  public void invalidate(K key) {
    dirty.add(key);
  }

  /** Starts refreshing (a listing nobody reads costs nothing): light observes are about to read it. */
  public void use() {
    if (inUseSince == null) {
      synchronized (this) {
        if (inUseSince == null) {
          inUseSince = clock.instant();
          wake.run();
        }
      }
    }
  }

  boolean inUse() {
    return inUseSince != null;
  }

  /**
   * How old what readers get may be: since the start of the last complete pass (or since first use, before any);
   * empty while unused.
   */
  public Optional<Duration> age() {
    Instant since = lastPassStartedAt != null ? lastPassStartedAt : inUseSince;
    return Optional.ofNullable(since).map(s -> Duration.between(s, clock.instant()));
  }

  /**
   * A sentence saying drift detection is behind because of this listing, when no pass completed within
   * {@code behindAfter} (the resync interval); stable while it lasts, so it costs no status write per reconcile.
   */
  public Optional<String> behind() {
    Optional<Duration> age = age();
    if (age.isEmpty() || age.get().compareTo(behindAfter) <= 0) {
      return Optional.empty();
    }
    String failure = lastFailure;
    return Optional.of("The shared " + source.operation() + " listing of " + source.service() + " in " + scope
        + " has not completed a pass within the resync interval (" + human(behindAfter) + "): "
        + (failure != null ? "its last page failed (" + failure + ")."
            : "it is paced by the operator's listing share of the " + source.operation() + " quota.")
        + " Drift may go unnoticed for longer until it catches up.");
  }

  /**
   * Advances the listing by at most one page and says when to call again: now for the next page, when the rate
   * limiter has a token, or when the next pass is due. Called by {@link ListingRefresher}, never concurrently.
   */
  Duration step() {
    Instant now = clock.instant();
    if (pass == null) {
      Duration untilDue = nextPassAt == null ? Duration.ZERO : Duration.between(now, nextPassAt);
      if (!coverageWanted.get() && !untilDue.isNegative() && !untilDue.isZero()) {
        return untilDue;
      }
      coverageWanted.set(false);
      pass = new Pass(now, !untilDue.isNegative() && !untilDue.isZero());
    }
    pass.enqueue(source.queries());
    if (pass.queue.isEmpty()) {
      return finishPass(now);
    }
    String query = pass.queue.peek();
    Page<T> page;
    try {
      page = source.page(query, pass.token);
    } catch (RateLimitedException limited) {
      return limited.retryAfter(); // resume from the same token when a token is free
    } catch (RuntimeException e) {
      return failed(query, e);
    }
    lastFailure = null;
    pass.pages++;
    metrics.listingPage(source.service(), source.operation());
    if (pass.queryStartedAt == null) {
      pass.queryStartedAt = now;
    }
    for (T item : page.items()) {
      K key = source.keyOf(item);
      if (key != null) {
        pass.partial.merge(key, new Stamped<>(List.of(item), now),
            (a, b) -> new Stamped<>(concat(a.items(), b.items()), a.at()));
      }
    }
    if (!page.last()) {
      pass.token = page.nextToken();
      return Duration.ZERO;
    }
    // A query is published as soon as it is complete: readers it covers need not wait for the whole pass.
    listed.put(query, new Listed<>(Map.copyOf(pass.partial), pass.queryStartedAt));
    pass.queue.poll();
    pass.restartQuery();
    pass.enqueue(source.queries());
    return pass.queue.isEmpty() ? finishPass(now) : Duration.ZERO;
  }

  private Duration failed(String query, RuntimeException e) {
    Failure failure = FailureClassifier.classify(e);
    if (!failure.message().equals(lastFailure)) {
      LOG.warn("{} listing of {} ({} query '{}'): {}", source.operation(), scope, source.service(), query,
          failure.message());
    }
    lastFailure = failure.message();
    if (failure.kind() == FailureKind.THROTTLED || failure.kind() == FailureKind.TRANSIENT) {
      return FAILED_PAGE_RETRY; // the same page again: the token stays valid
    }
    // Access denied or a rejected request: start the query over after a while (a person may fix the policy).
    pass.restartQuery();
    return interval;
  }

  private Duration finishPass(Instant now) {
    listed.keySet().retainAll(source.queries());
    if (pass.onlyMissing) {
      pass = null;
      return stillWanted() ? Duration.ZERO : Duration.between(now, nextPassAt);
    }
    Instant started = pass.startedAt;
    singleReads.values().removeIf(read -> read.at().isBefore(started));
    metrics.listingPass(source.service(), source.operation(), Duration.between(started, now));
    LOG.debug("{} listing of {}: {} page(s) in {} ms", source.operation(), scope, pass.pages,
        Duration.between(started, now).toMillis());
    lastPassStartedAt = started;
    nextPassAt = started.plus(interval);
    pass = null;
    Duration untilDue = Duration.between(now, nextPassAt);
    return stillWanted() || untilDue.isNegative() ? Duration.ZERO : untilDue;
  }

  /**
   * Readers that asked for coverage during a pass got it (their queries joined it): coverage is still wanted only
   * for a query that appeared since. Cleared first, so a reader racing with this check is never lost.
   */
  private boolean stillWanted() {
    coverageWanted.set(false);
    if (!listed.keySet().containsAll(source.queries())) {
      coverageWanted.set(true);
    }
    return coverageWanted.get();
  }

  private Optional<Listed<K, T>> covering(K key) {
    Listed<K, T> newest = null;
    for (Map.Entry<String, Listed<K, T>> entry : listed.entrySet()) {
      if (source.covers(entry.getKey(), key)
          && (newest == null || entry.getValue().startedAt().isAfter(newest.startedAt()))) {
        newest = entry.getValue();
      }
    }
    return Optional.ofNullable(newest);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static String human(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
  }
}
