package dev.kaizen.operator.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.RateLimitedException;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.fakes.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The listing's state machine, stepped by hand: no executor, no sleeping, a clock the test moves. */
class SharedListingTest {
  private static final Duration INTERVAL = Duration.ofMinutes(2);
  private static final Duration BEHIND_AFTER = Duration.ofMinutes(10);

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  /** The "account": names to values, listed in name order, two per page. */
  private final TreeMap<String, Integer> world = new TreeMap<>();
  private final List<String> pageRequests = new ArrayList<>();
  private final AtomicInteger singleReads = new AtomicInteger();
  private final AtomicInteger wakes = new AtomicInteger();
  private Set<String> queries = Set.of("/a/");
  /** How many of the next page calls the rate limiter refuses. */
  private int refuse;
  private RuntimeException failNext;

  private final ListingSource<String, Map.Entry<String, Integer>> source = new ListingSource<>() {
    public String service() {
      return "Test";
    }

    public String operation() {
      return "DescribeThings";
    }

    public Set<String> queries() {
      return queries;
    }

    public Page<Map.Entry<String, Integer>> page(String prefix, String token) {
      if (refuse > 0) {
        refuse--;
        throw new RateLimitedException("DescribeThings", Duration.ofMillis(400));
      }
      if (failNext != null) {
        RuntimeException failure = failNext;
        failNext = null;
        throw failure;
      }
      pageRequests.add(prefix + "@" + token);
      List<Map.Entry<String, Integer>> matching = world.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix) && (token == null || e.getKey().compareTo(token) > 0))
          .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
      List<Map.Entry<String, Integer>> items = matching.subList(0, Math.min(2, matching.size()));
      return new Page<>(items, matching.size() > 2 ? items.get(1).getKey() : null);
    }

    public String keyOf(Map.Entry<String, Integer> item) {
      return item.getKey();
    }

    public boolean covers(String prefix, String key) {
      return key.startsWith(prefix);
    }
  };

  private final SharedListing<String, Map.Entry<String, Integer>> listing = new SharedListing<>("test", source, clock,
      INTERVAL, BEHIND_AFTER, KaizenMetrics.discarding(), wakes::incrementAndGet);

  private List<Map.Entry<String, Integer>> readOne(String key) {
    singleReads.incrementAndGet();
    return world.containsKey(key) ? List.of(Map.entry(key, world.get(key))) : List.of();
  }

  private Integer get(String key) {
    List<Map.Entry<String, Integer>> items = listing.get(key, this::readOne);
    return items.isEmpty() ? null : items.get(0).getValue();
  }

  /** Steps until the listing waits for its next pass; returns how many steps that took. */
  private int completePass() {
    for (int steps = 1; steps < 100; steps++) {
      Duration next = listing.step();
      if (next.compareTo(Duration.ofSeconds(1)) > 0) {
        return steps;
      }
      clock.advance(next);
    }
    throw new AssertionError("the pass never completed");
  }

  private void seed(int count) {
    for (int i = 0; i < count; i++) {
      world.put(String.format("/a/%02d", i), i);
    }
  }

  @Test
  void aKeyNoListingCoversIsUnknownNeverAbsent() {
    seed(3);
    assertThatThrownBy(() -> get("/a/01")).isInstanceOf(ListingPendingException.class)
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).waitingFor()).contains("DescribeThings", "/a/01"));
    assertThat(wakes).as("the refresher is woken to cover it").hasPositiveValue();
    assertThat(singleReads).hasValue(0);

    completePass();
    assertThat(get("/a/01")).isEqualTo(1);
    assertThat(get("/a/99")).as("covered and not listed: absent").isNull();
    // A new prefix is not covered by the listing of another.
    queries = Set.of("/a/", "/b/");
    assertThatThrownBy(() -> get("/b/x")).isInstanceOf(ListingPendingException.class);
  }

  @Test
  void aPassHeldBackByTheRateLimiterResumesFromItsTokenAndListsEachPageOnce() {
    seed(9); // 5 pages of 2
    listing.use();
    // The limiter refuses every other page: the pass waits (never restarts) and the partial result is kept.
    List<Duration> waits = new ArrayList<>();
    for (int steps = 0; steps < 30 && pageRequests.size() < 5; steps++) {
      refuse = steps % 2;
      Duration next = listing.step();
      if (!next.isZero()) {
        waits.add(next);
      }
      clock.advance(next);
    }
    assertThat(pageRequests).containsExactly("/a/@null", "/a/@/a/01", "/a/@/a/03", "/a/@/a/05", "/a/@/a/07");
    assertThat(waits).contains(Duration.ofMillis(400));
    assertThat(get("/a/08")).isEqualTo(8);
  }

  @Test
  void partialResultsAreNotVisibleUntilTheQueryIsComplete() {
    seed(5);
    listing.use();
    listing.step(); // first page only
    assertThatThrownBy(() -> get("/a/00")).isInstanceOf(ListingPendingException.class);
    completePass();
    assertThat(get("/a/00")).isZero();
  }

  @Test
  void aPrefixThatAppearsDuringAPassJoinsIt() {
    seed(3);
    world.put("/b/x", 42);
    listing.use();
    listing.step();
    queries = Set.of("/a/", "/b/");
    assertThatThrownBy(() -> get("/b/x")).isInstanceOf(ListingPendingException.class);
    // The reader's wish is met by this pass: no second pass right after it.
    assertThat(completePass()).as("the rest of /a/, then /b/, in the same pass").isEqualTo(2);
    assertThat(pageRequests).containsExactly("/a/@null", "/a/@/a/01", "/b/@null");
    assertThat(get("/b/x")).isEqualTo(42);
  }

  @Test
  void aPassStartedEarlyForANewPrefixListsOnlyThatPrefix() {
    seed(3);
    world.put("/b/x", 42);
    listing.use();
    completePass();
    queries = Set.of("/a/", "/b/");
    assertThatThrownBy(() -> get("/b/x")).isInstanceOf(ListingPendingException.class);
    completePass();
    assertThat(pageRequests).containsExactly("/a/@null", "/a/@/a/01", "/b/@null");
    assertThat(get("/b/x")).isEqualTo(42);
    // The regular pass, at the interval, lists both.
    clock.advance(INTERVAL);
    completePass();
    assertThat(pageRequests).hasSize(6);
  }

  @Test
  void passesRunAtTheIntervalAndSeeDrift() {
    seed(3);
    listing.use();
    completePass();
    world.put("/a/01", 100);
    assertThat(get("/a/01")).as("until the next pass").isEqualTo(1);
    clock.advance(INTERVAL);
    completePass();
    assertThat(get("/a/01")).isEqualTo(100);
    assertThat(pageRequests).hasSize(4);
  }

  @Test
  void aKeyWeChangedIsReadOnItsOwnOnceThenLaterListingsWin() {
    seed(3);
    listing.use();
    completePass();
    world.put("/a/01", 5);
    listing.invalidate("/a/01");
    assertThat(get("/a/01")).isEqualTo(5);
    assertThat(get("/a/01")).isEqualTo(5);
    assertThat(singleReads).hasValue(1);

    // Changed again behind our back: the next listing (read after the single read) wins.
    clock.advance(INTERVAL);
    world.put("/a/01", 6);
    completePass();
    assertThat(get("/a/01")).isEqualTo(6);
  }

  @Test
  void aSingleReadNewerThanTheListingPageWins() {
    seed(5);
    listing.use();
    listing.step(); // page 1 (/a/00, /a/01) read now
    clock.advance(Duration.ofSeconds(1));
    world.put("/a/00", 50);
    listing.invalidate("/a/00");
    assertThatThrownBy(() -> get("/a/01")).isInstanceOf(ListingPendingException.class);
    assertThat(get("/a/00")).isEqualTo(50); // read on its own, after the page that listed /a/00
    completePass();
    assertThat(get("/a/00")).as("the pass listed /a/00 before our read").isEqualTo(50);
  }

  @Test
  void aListingThatCannotKeepUpSaysSoAndWhy() {
    seed(3);
    listing.use();
    completePass();
    assertThat(listing.behind()).isEmpty();
    clock.advance(BEHIND_AFTER.plusSeconds(1));
    failNext = new IllegalStateException("boom");
    listing.step();
    assertThat(listing.age()).contains(BEHIND_AFTER.plusSeconds(1));
    assertThat(listing.behind()).hasValueSatisfying(note -> assertThat(note)
        .contains("DescribeThings", "resync interval (10 min)", "boom"));
    completePass();
    assertThat(listing.behind()).isEmpty();
  }
}
