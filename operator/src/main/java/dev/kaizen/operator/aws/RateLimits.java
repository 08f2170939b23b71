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
 * AWS's quota ({@link QuotaTable}), plus one per listed operation for the shared listings at
 * {@link QuotaTable#LISTING_FRACTION} of that share. A call that finds no token fails at once with
 * {@link RateLimitedException} saying when one will be free; nothing ever sleeps here.
 */
public final class RateLimits {
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes a token for one call (a write or a single read) or throws {@link RateLimitedException}. */
  public void acquire(AwsTarget target, String service, String operation) {
    take(operationBucket(target, service, operation), operation);
  }

  /**
   * Takes a token for one page of a shared listing: from the listings' own bucket, then from the operation's, so
   * listings never use more than their fraction and everything together never more than the operator's share.
   */
  public void acquireForListing(AwsTarget target, String service, String operation) {
    Bucket listings = buckets.computeIfAbsent(key(target, service, operation) + "/listings",
        key -> newBucket(QuotaTable.listingRate(service, operation)));
    take(listings, operation);
    try {
      take(operationBucket(target, service, operation), operation);
    } catch (RateLimitedException e) {
      listings.addTokens(1); // not spent: the call is not sent
      throw e;
    }
  }

  private Bucket operationBucket(AwsTarget target, String service, String operation) {
    return buckets.computeIfAbsent(key(target, service, operation),
        key -> newBucket(QuotaTable.operatorRate(service, operation)));
  }

  private static void take(Bucket bucket, String operation) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(operation, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private static String key(AwsTarget target, String service, String operation) {
    return target + "/" + service + "/" + operation;
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
