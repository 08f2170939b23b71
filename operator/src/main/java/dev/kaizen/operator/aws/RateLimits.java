package dev.kaizen.operator.aws;

import dev.kaizen.operator.core.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side token buckets, one per (target, service, operation), each refilled at the operator's share of
 * AWS's quota ({@link QuotaTable}). A call that finds no token fails at once with {@link RateLimitedException}
 * saying when one will be free; nothing ever sleeps here.
 */
public final class RateLimits {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes a token for one call or throws {@link RateLimitedException}. */
  public void acquire(AwsTarget target, String service, String operation) {
    Bucket bucket = buckets.computeIfAbsent(target + "/" + service + "/" + operation,
        key -> newBucket(QuotaTable.operatorRate(service, operation)));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(operation, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private static Bucket newBucket(double perSecond) {
    // Whole tokens over a period long enough to express fractional rates (2.5/s = 5 per 2 s); the burst
    // allowed is one second's worth, at least one call.
    long capacity = Math.max(1, (long) Math.floor(perSecond));
    long periodMillis = Math.round(capacity * 1000 / perSecond);
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofMillis(periodMillis)).build())
        .build();
  }
}
