package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * A reconcile reads (bucket A) before it writes (bucket B). Refused on B, it will repeat the read when it comes
 * back: that read is reserved on A with its turn on B, so the retry is not refused on A behind callers who came
 * in the meantime while its turn on B waits unused.
 */
class CrossBucketTurnsTest {
  private static final AwsTarget IRELAND = AwsTarget.of(Region.EU_WEST_1);
  private static final String LOGS = "CloudWatchLogs";
  // Both 5/s per account and region: the operator's 2.5/s, a burst of 2.
  private static final String READ = "ListTagsForResource";
  private static final String WRITE = "PutRetentionPolicy";

  private final SteppedTime time = new SteppedTime();
  private final RateLimits limits = new RateLimits(time);

  @Test
  void theRetryOfACallerRefusedOnItsWriteGetsThroughItsReadAgain() {
    AwsCaller writer = AwsCaller.resource("writer");
    limits.acquire(IRELAND, LOGS, WRITE, writer);
    limits.acquire(IRELAND, LOGS, WRITE, writer); // the write bucket is empty now

    AwsCaller first = AwsCaller.resource("first");
    limits.acquire(IRELAND, LOGS, READ, first);
    Duration retryAfter = refusal(() -> limits.acquire(IRELAND, LOGS, WRITE, first));

    // Another resource reads in the meantime, as much as the bucket lets it, and queues for more.
    AwsCaller second = AwsCaller.resource("second");
    refusal(() -> {
      limits.acquire(IRELAND, LOGS, READ, second);
      limits.acquire(IRELAND, LOGS, READ, second);
    });

    time.advance(retryAfter);
    AwsCaller retry = AwsCaller.resource("first");
    limits.acquire(IRELAND, LOGS, READ, retry); // refused here without the reservation: the second one's turn first
    limits.acquire(IRELAND, LOGS, WRITE, retry);
  }

  private static Duration refusal(Runnable call) {
    RateLimitedException[] refused = new RateLimitedException[1];
    assertThatThrownBy(() -> {
      try {
        call.run();
      } catch (RateLimitedException e) {
        refused[0] = e;
        throw e;
      }
    }).isInstanceOf(RateLimitedException.class);
    return refused[0].retryAfter();
  }
}
