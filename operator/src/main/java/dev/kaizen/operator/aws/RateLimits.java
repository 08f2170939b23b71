package dev.kaizen.operator.aws;

import dev.kaizen.operator.core.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side token buckets, one per quota as AWS counts it ({@link QuotaScope}): per (account, region, operation)
 * for CloudWatch Logs, per (account, service) for a global service such as Route 53, whose bucket every operation
 * and every region shares. Each is refilled at the operator's share of AWS's figure ({@link QuotaTable#SHARE}); the
 * shared listings have a bucket of their own per quota at {@link QuotaTable#LISTING_FRACTION} of that share. A call
 * that finds no token fails at once with {@link RateLimitedException} saying when one will be free, and a caller
 * that names itself keeps its place in line ({@link FairBucket}); nothing ever sleeps here.
 */
public final class RateLimits {
  private final TimeMeter time;
  private final Map<String, FairBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, Bucket> listingBuckets = new ConcurrentHashMap<>();

  public RateLimits() {
    this(TimeMeter.SYSTEM_NANOTIME);
  }

  /** With another clock, for tests that step time instead of waiting for it. */
  public RateLimits(TimeMeter time) {
    this.time = time;
  }

  /** Takes a token for one call without a place in line (see {@link AwsCaller#UNQUEUED}). */
  public void acquire(AwsTarget target, String service, String operation) {
    acquire(target, service, operation, AwsCaller.UNQUEUED);
  }

  /**
   * Takes a token for one call (a write or a single read) made for {@code caller}, or throws. A queued caller
   * refused here after calls on other buckets in the same attempt has those repeated calls reserved too (see
   * {@link FairBucket#reserveRepeat}) and is told to come back when all its reservations are covered: otherwise its
   * retry, repeating its reads, would queue again on their buckets while its turn here sat idle, and every attempt
   * would waste the tokens it took before being refused.
   */
  public void acquire(AwsTarget target, String service, String operation, AwsCaller caller) {
    FairBucket bucket = bucket(target, service, operation);
    try {
      bucket.acquire(caller, operation);
    } catch (RateLimitedException refused) {
      if (!caller.queued()) {
        throw refused;
      }
      throw reserveRepeats(caller, bucket, refused);
    }
  }

  private RateLimitedException reserveRepeats(AwsCaller caller, FairBucket refusing, RateLimitedException refused) {
    long wait = refused.retryAfter().toNanos();
    boolean reserved = false;
    for (FairBucket other : buckets.values()) {
      long covered = other == refusing ? -1 : other.reserveRepeat(caller);
      if (covered >= 0) {
        reserved = true;
        wait = Math.max(wait, covered);
      }
    }
    if (!reserved) {
      return refused;
    }
    long retryAt = time.currentTimeNanos() + wait;
    buckets.values().forEach(held -> held.holdTurn(caller, retryAt));
    return new RateLimitedException(refused.operation(), Duration.ofNanos(wait));
  }

  /**
   * Takes a token for one page of a shared listing: from the listings' own bucket, then from the quota's, so
   * listings never use more than their fraction and everything together never more than the operator's share.
   */
  public void acquireForListing(AwsTarget target, String service, String operation) {
    Quota quota = QuotaTable.quota(service, operation);
    String key = quota.scope().bucketKey(target, service, operation);
    Bucket listings = listingBuckets.computeIfAbsent(key, k -> newBucket(QuotaTable.listingRate(service, operation)));
    var probe = listings.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(operation, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
    try {
      bucket(target, service, operation).acquire(AwsCaller.listing(key + "/" + operation), operation);
    } catch (RateLimitedException e) {
      listings.addTokens(1); // not spent: the call is not sent
      throw e;
    }
  }

  private FairBucket bucket(AwsTarget target, String service, String operation) {
    Quota quota = QuotaTable.quota(service, operation);
    return buckets.computeIfAbsent(quota.scope().bucketKey(target, service, operation),
        key -> {
          double perSecond = QuotaTable.operatorRate(service, operation);
          return new FairBucket(newBucket(perSecond), burst(perSecond), burst(quota.requestsPerSecond()), time);
        });
  }

  /** The burst a bucket allows: one second's worth, at least one call. */
  private static long burst(double perSecond) {
    return Math.max(1, (long) Math.floor(perSecond));
  }

  private Bucket newBucket(double perSecond) {
    // Whole tokens over a period long enough to express fractional rates (2.5/s = 5 per 2 s).
    long capacity = burst(perSecond);
    long periodMillis = Math.round(capacity * 1000 / perSecond);
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofMillis(periodMillis)).build())
        .withCustomTimePrecision(time)
        .build();
  }
}
