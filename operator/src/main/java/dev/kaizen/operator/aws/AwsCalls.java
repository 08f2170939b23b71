package dev.kaizen.operator.aws;

import java.util.function.Supplier;

/**
 * The one door every AWS call of every gateway goes through: the client-side rate limit is taken here (and,
 * later, per-call metrics), so no gateway can forget it.
 */
public final class AwsCalls {
  private final RateLimits limits;

  public AwsCalls(RateLimits limits) {
    this.limits = limits;
  }

  public <T> T call(AwsTarget target, String service, String operation, Supplier<T> call) {
    limits.acquire(target, service, operation);
    return call.get();
  }
}
