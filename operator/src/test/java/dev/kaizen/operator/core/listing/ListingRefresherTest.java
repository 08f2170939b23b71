package dev.kaizen.operator.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The refresher against the real rate limiter: a listing far longer than the burst completes, each page once. */
class ListingRefresherTest {

  @Test
  void aListingLongerThanTheBurstCompletesWithOneCallPerPage() {
    RateLimits limits = new RateLimits();
    AwsTarget target = AwsTarget.of(Region.EU_WEST_1);
    List<String> tokensAsked = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    int pages = 8; // DescribeLogGroups' listing share is 2.5/s, a burst of 2: four times the burst
    ListingSource<Integer, Integer> source = new ListingSource<>() {
      public String service() {
        return "CloudWatchLogs";
      }

      public String operation() {
        return "DescribeLogGroups";
      }

      public Set<String> queries() {
        return Set.of("");
      }

      public Page<Integer> page(String query, String token) {
        limits.acquireForListing(target, service(), operation());
        tokensAsked.add(String.valueOf(token));
        threads.add(Thread.currentThread().getName());
        int page = token == null ? 0 : Integer.parseInt(token);
        return new Page<>(IntStream.range(page * 50, page * 50 + 50).boxed().toList(),
            page + 1 < pages ? String.valueOf(page + 1) : null);
      }

      public Integer keyOf(Integer item) {
        return item;
      }
    };
    try (ListingRefresher refresher = new ListingRefresher(Clock.systemUTC(), Duration.ofMinutes(5),
        Duration.ofMinutes(10), KaizenMetrics.discarding())) {
      SharedListing<Integer, Integer> listing = refresher.listing("test", source);
      refresher.start();
      long start = System.nanoTime();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        try {
          return listing.get(399, key -> List.of()).equals(List.of(399));
        } catch (ListingPendingException pending) {
          return false;
        }
      });
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(tokensAsked).containsExactly("null", "1", "2", "3", "4", "5", "6", "7");
      assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("kaizen-listings-"));
      // 8 pages at 2.5/s with a burst of 2: about 2.4 s, paced by the limiter rather than failing at the burst.
      assertThat(took).isBetween(Duration.ofMillis(2000), Duration.ofSeconds(8));
    }
  }

  @Test
  void wakesRacingWithARunningStepNeverRunTwoStepsOfOneListingAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<String> tokensAsked = new CopyOnWriteArrayList<>();
    int pages = 40;
    ListingSource<Integer, Integer> source = new ListingSource<>() {
      public String service() {
        return "CloudWatchLogs";
      }

      public String operation() {
        return "DescribeLogGroups";
      }

      public Set<String> queries() {
        return Set.of("");
      }

      public Page<Integer> page(String query, String token) {
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          tokensAsked.add(String.valueOf(token));
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          inFlight.decrementAndGet();
        }
        int page = token == null ? 0 : Integer.parseInt(token);
        return new Page<>(List.of(page), page + 1 < pages ? String.valueOf(page + 1) : null);
      }

      public Integer keyOf(Integer item) {
        return item;
      }
    };
    try (ListingRefresher refresher = new ListingRefresher(Clock.systemUTC(), Duration.ofMinutes(5),
        Duration.ofMinutes(10), KaizenMetrics.discarding())) {
      SharedListing<Integer, Integer> listing = refresher.listing("test", source);
      listing.use();
      refresher.start();
      // start() wakes every listing in use: hammer it while the pass pages, as readers asking for coverage do.
      ExecutorService wakers = Executors.newFixedThreadPool(4);
      AtomicBoolean stop = new AtomicBoolean();
      for (int i = 0; i < 4; i++) {
        wakers.submit(() -> {
          while (!stop.get()) {
            refresher.start();
          }
        });
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> tokensAsked.contains(String.valueOf(pages - 1)));
      stop.set(true);
      wakers.shutdown();
      assertThat(wakers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      assertThat(mostAtOnce.get()).isEqualTo(1);
      // Positive control: the pass really paged while being woken, each page once.
      assertThat(tokensAsked.subList(0, pages)).doesNotHaveDuplicates().startsWith("null", "1", "2");
    }
  }
}
