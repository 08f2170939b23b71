package dev.kaizen.operator.aws;

import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.RateLimitedException;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one door every AWS call of every gateway goes through: the client-side rate limit is taken here, and every
 * call is counted and timed per service, operation and outcome, so no gateway can forget either.
 */
public final class AwsCalls {
  private final RateLimits limits;
  private final KaizenMetrics metrics;

  public AwsCalls(RateLimits limits) {
    this(limits, KaizenMetrics.discarding());
  }

  public AwsCalls(RateLimits limits, KaizenMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
  }

  /**
   * A write or a single read, within the operator's share of the operation's quota, taking a free token without a
   * place in line ({@link AwsCaller#UNQUEUED}): for quotas counted per operation that resources hardly compete for.
   */
  public <T> T call(AwsTarget target, String service, String operation, Supplier<T> call) {
    return call(target, service, operation, AwsCaller.UNQUEUED, call);
  }

  /**
   * A write or a single read made for {@code caller} (a resource's uid): when the quota's bucket is empty the
   * caller keeps its place in line and is told when its turn comes, so on a bucket shared by many resources (a
   * service-wide quota such as Route 53's) a busy one cannot starve the others.
   */
  public <T> T call(AwsTarget target, String service, String operation, AwsCaller caller, Supplier<T> call) {
    try {
      limits.acquire(target, service, operation, caller);
    } catch (RateLimitedException e) {
      metrics.rateLimitWait(service, operation, e.retryAfter());
      throw e;
    }
    return send(service, operation, call);
  }

  /** One page of a shared listing, within the listings' part of the operator's share ({@link QuotaTable}). */
  public <T> T listingPage(AwsTarget target, String service, String operation, Supplier<T> call) {
    try {
      limits.acquireForListing(target, service, operation);
    } catch (RateLimitedException e) {
      // No thread waits (the refresher comes back for the page when the token is free), but the listing does:
      // counted apart from the calls of reconciles, so a listing starved of quota shows.
      metrics.listingRateLimitWait(service, operation, e.retryAfter());
      throw e;
    }
    return send(service, operation, call);
  }

  private <T> T send(String service, String operation, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      T result = call.get();
      metrics.awsCall(service, operation, "success", java.time.Duration.ofNanos(System.nanoTime() - start));
      return result;
    } catch (RuntimeException e) {
      // outcome: throttled, transient, access_denied or invalid, as the reconcile loop will treat it.
      String outcome = FailureClassifier.classify(e).kind().name().toLowerCase(Locale.ROOT);
      metrics.awsCall(service, operation, outcome, java.time.Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
  }
}
