package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.RateLimitedException;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Time spent waiting for quota shows in kaizen_rate_limit_wait, for listing pages as for reconciles' calls. */
class RateLimitWaitMetricTest {
  private static final AwsTarget IRELAND = AwsTarget.of(Region.EU_WEST_1);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AwsCalls calls = new AwsCalls(new RateLimits(new SteppedTime()),
      new KaizenMetrics(registry, Clock.systemUTC()));

  @Test
  void aListingPageHeldBackIsCountedWithItsWait() {
    // DescribeMetricFilters: 5/s, the operator's 2.5/s, the listings' 1.25/s: a burst of one page.
    calls.listingPage(IRELAND, "CloudWatchLogs", "DescribeMetricFilters", () -> "page 1");
    assertThatThrownBy(() -> calls.listingPage(IRELAND, "CloudWatchLogs", "DescribeMetricFilters", () -> "page 2"))
        .isInstanceOf(RateLimitedException.class);

    var listingWaits = registry.get(KaizenMetrics.RATE_LIMIT_WAIT).tag("operation", "DescribeMetricFilters")
        .tag("source", "listing").timer();
    assertThat(listingWaits.count()).isEqualTo(1);
    assertThat(listingWaits.totalTime(TimeUnit.MILLISECONDS)).isBetween(700.0, 800.0); // 1.25 pages/s
  }

  @Test
  void aReconcilesCallHeldBackIsCountedApartFromListings() {
    AwsCaller caller = AwsCaller.resource("uid-1");
    calls.call(IRELAND, "CloudWatch", "PutMetricAlarm", caller, () -> "ok"); // 1.5/s: a burst of one
    assertThatThrownBy(() -> calls.call(IRELAND, "CloudWatch", "PutMetricAlarm", caller, () -> "again"))
        .isInstanceOf(RateLimitedException.class);

    assertThat(registry.get(KaizenMetrics.RATE_LIMIT_WAIT).tag("source", "call").timer().count()).isEqualTo(1);
    assertThat(registry.find(KaizenMetrics.RATE_LIMIT_WAIT).tag("source", "listing").timer()).isNull();
  }
}
