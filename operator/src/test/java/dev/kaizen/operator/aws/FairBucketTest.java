package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.RateLimitedException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Resources racing on one Route 53-like, service-wide bucket, in simulated time: each reconcile is retried at the
 * moment the limiter names (as the loop reschedules on {@link RateLimitedException}), and on a tie the greedy
 * resource always goes first, which is what lets it starve the others of a bucket without turns.
 */
class FairBucketTest {
  private static final AwsTarget IRELAND = AwsTarget.of(Region.EU_WEST_1);
  private static final AwsTarget VIRGINIA = AwsTarget.of(Region.US_EAST_1);
  private static final Duration SIMULATED = Duration.ofSeconds(60);

  private final SteppedTime time = new SteppedTime();
  private final RateLimits limits = new RateLimits(time);

  @Test
  void threeBusyResourcesOnAServiceWideBucketEachGetAFairShare() {
    Map<String, Integer> done = simulate(List.of(
        new Resource("greedy", IRELAND, List.of("ChangeResourceRecordSets")),
        new Resource("a", VIRGINIA, List.of("GetChange")),
        new Resource("b", IRELAND, List.of("ListHostedZonesByName"))));

    // 5 tokens/s for 60 s, plus the burst: about 300 reconciles, a third each.
    int total = done.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(total).isBetween(295, 310);
    assertThat(done.values()).allSatisfy(n -> assertThat(n).isGreaterThan(total / 4));
  }

  @Test
  void aResourceThatNeedsTwoCallsInARowStillProgressesAmongBusyOnes() {
    Map<String, Integer> done = simulate(List.of(
        new Resource("greedy", IRELAND, List.of("ChangeResourceRecordSets")),
        new Resource("two-calls", IRELAND, List.of("GetChange", "ChangeResourceRecordSets")),
        new Resource("a", VIRGINIA, List.of("GetChange"))));

    assertThat(done.get("two-calls")).isGreaterThan(done.get("greedy") / 3);
    assertThat(done.get("a")).isGreaterThan(done.get("greedy") / 2);
  }

  @Test
  void anAttemptNeedingMoreCallsOnOneBucketThanItsBurstGetsThroughOnItsRetry() {
    // CloudWatch's ListTagsForResource: 3/s, ours 1.5/s, a burst of one; the attempt reads two alarms' tags.
    var caller = AwsCaller.resource("route");
    limits.acquire(IRELAND, "CloudWatch", "ListTagsForResource", caller);
    Duration retryIn = refusal(() -> limits.acquire(IRELAND, "CloudWatch", "ListTagsForResource", caller));

    // The retry, exactly when told, repeats both calls: its turn holds both tokens (it held one: refused forever).
    time.advance(retryIn);
    var retry = new AwsCaller("route", caller.attempt() + 1_000_000);
    limits.acquire(IRELAND, "CloudWatch", "ListTagsForResource", retry);
    limits.acquire(IRELAND, "CloudWatch", "ListTagsForResource", retry);
  }

  @Test
  void turnsOfManyCallsNeverBurstPastWhatAwsAllowsInASecondAndEveryResourceProgresses() {
    // ELB's DescribeListeners: AWS 10/s (its fake counts a sliding second), ours 5/s with a burst of 5. Attempts
    // needing more calls than the burst (a batch of listener pages) got turns released at once, and the turns
    // behind them came at the bucket's rate: 12 calls in one second. An attempt needing 10 (AWS's whole second)
    // waited 15 rounds for a turn that large, growing it one token a round.
    List<Resource> resources = new java.util.ArrayList<>();
    int[] callsPerAttempt = {1, 2, 3, 7, 9, 10, 1, 4, 6, 2};
    for (int i = 0; i < callsPerAttempt.length; i++) {
      resources.add(new Resource("cluster-" + i, IRELAND,
          java.util.Collections.nCopies(callsPerAttempt[i], "DescribeListeners")));
    }
    List<Long> admitted = new java.util.ArrayList<>();
    Map<String, Integer> done = simulate(resources, "ElasticLoadBalancingV2", admitted);

    int awsPerSecond = (int) QuotaTable.quota("ElasticLoadBalancingV2", "DescribeListeners").requestsPerSecond();
    assertThat(busiestSecond(admitted)).isLessThanOrEqualTo(awsPerSecond);
    assertThat(done.values()).allSatisfy(n -> assertThat(n).isPositive());
    // Spacing must not waste the quota: most of our 5/s over the minute still goes to calls.
    assertThat(admitted.size()).isGreaterThan((int) (SIMULATED.toSeconds() * 5 * 0.6));
  }

  @Test
  void retriesThatComeLateNeverBringTwoCallsIntoOneOfAwsSeconds() {
    // SES's GetEmailIdentity: AWS 1/s, ours 0.5/s, a burst of one. On a loaded machine a retry runs late; the next
    // turn, reserved earlier, comes on time, and the two calls landed in one of AWS's seconds (the bench at
    // N = 1,000, load 15-19: 36 SES throttles; 120 resources with a throttle in their status).
    List<Resource> resources = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      resources.add(new Resource("route-" + i, IRELAND, List.of("GetEmailIdentity")));
    }
    List<Long> admitted = new java.util.ArrayList<>();
    Map<String, Integer> done = simulate(resources, "SESv2", admitted, new java.util.Random(7), Duration.ofMillis(1500));

    assertThat(busiestSecond(admitted)).isEqualTo(1);
    assertThat(done.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(admitted.size()).isGreaterThan((int) (SIMULATED.toSeconds() * 0.5 * 0.6));
  }

  @Test
  void attemptsWhoseCallsAreSpreadOutNeverTogetherBurstPastWhatAwsAllowsInASecond() {
    // Route 53: AWS 10/s for the whole account, ours 5/s. A reconcile's calls are not made at one instant: each
    // takes a round trip, and other reconciles run meanwhile, their retries late on a busy machine. The window
    // counted an attempt's calls only once made, so attempts starting side by side each found room for all of
    // theirs: 11 to 13 calls in one second here (the bench at N = 1,000: 45 Route 53 throttles while SolrClusters
    // and MailRoutes converged, 21 of them in a status).
    int awsPerSecond = (int) QuotaTable.quota("Route53", "ListResourceRecordSets").requestsPerSecond();
    for (int resourceCount : new int[] {6, 12}) {
      for (Duration perCall : List.of(Duration.ofMillis(80), Duration.ofMillis(300))) {
        java.util.Random calls = new java.util.Random(resourceCount * 31L + perCall.toMillis());
        List<Resource> resources = new java.util.ArrayList<>();
        for (int i = 0; i < resourceCount; i++) {
          resources.add(new Resource("zone-user-" + resourceCount + "-" + perCall.toMillis() + "-" + i, IRELAND,
              java.util.Collections.nCopies(1 + calls.nextInt(4), "ListResourceRecordSets")));
        }
        List<Long> admitted = new java.util.ArrayList<>();
        Map<String, Integer> done = simulateSpreadOut(resources, "Route53", admitted, perCall,
            new java.util.Random(3), Duration.ofSeconds(2));

        String run = resourceCount + " resources, " + perCall.toMillis() + " ms a call";
        assertThat(busiestSecond(admitted)).as(run).isLessThanOrEqualTo(awsPerSecond);
        assertThat(done.values()).as(run).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(admitted.size()).as(run).isGreaterThan((int) (SIMULATED.toSeconds() * 5 * 0.6));
      }
    }
  }

  @Test
  void aTurnNobodyClaimsIsGivenBackToTheBucket() {
    var gone = AwsCaller.resource("deleted-meanwhile");
    for (int i = 0; i < 5; i++) {
      limits.acquire(IRELAND, "Route53", "GetChange", AwsCaller.resource("other"));
    }
    Duration turnIn = refusal(() -> limits.acquire(IRELAND, "Route53", "GetChange", gone));

    // Its token is reserved: nobody else gets it at its time...
    time.advance(turnIn);
    refusal(() -> limits.acquire(IRELAND, "Route53", "GetChange", AwsCaller.UNQUEUED));
    // ...until it has gone unclaimed long enough; then it is free again (plus what refilled meanwhile).
    time.advance(FairBucket.UNCLAIMED_AFTER.plusSeconds(1));
    for (int i = 0; i < 5; i++) {
      limits.acquire(IRELAND, "Route53", "GetChange", AwsCaller.UNQUEUED);
    }
    refusal(() -> limits.acquire(IRELAND, "Route53", "GetChange", AwsCaller.UNQUEUED));
  }

  /** Runs each resource's reconcile again as soon as it is done (they are all busy) for {@link #SIMULATED}. */
  private Map<String, Integer> simulate(List<Resource> resources) {
    return simulate(resources, "Route53", new java.util.ArrayList<>());
  }

  /** The most calls admitted in any one second (a sliding window, as AWS's fakes count them). */
  private static int busiestSecond(List<Long> admitted) {
    int busiest = 0;
    int first = 0;
    for (int last = 0; last < admitted.size(); last++) {
      while (admitted.get(last) - admitted.get(first) >= Duration.ofSeconds(1).toNanos()) {
        first++;
      }
      busiest = Math.max(busiest, last - first + 1);
    }
    return busiest;
  }

  /** As above, on one service's buckets, noting the simulated time of every call admitted. */
  private Map<String, Integer> simulate(List<Resource> resources, String service, List<Long> admitted) {
    return simulate(resources, service, admitted, null, Duration.ZERO);
  }

  /** As above, each retry after a refusal running up to {@code lateBy} after the time it was given. */
  private Map<String, Integer> simulate(List<Resource> resources, String service, List<Long> admitted,
      java.util.Random late, Duration lateBy) {
    Map<String, Integer> done = new LinkedHashMap<>();
    PriorityQueue<Attempt> queue = new PriorityQueue<>(
        Comparator.comparingLong(Attempt::at).thenComparingInt(Attempt::priority));
    long start = time.currentTimeNanos();
    for (int i = 0; i < resources.size(); i++) {
      done.put(resources.get(i).name(), 0);
      queue.add(new Attempt(start, i));
    }
    while (!queue.isEmpty() && queue.peek().at() < start + SIMULATED.toNanos()) {
      Attempt attempt = queue.poll();
      time.setTo(attempt.at());
      Resource resource = resources.get(attempt.priority());
      AwsCaller caller = AwsCaller.resource(resource.name()); // one per reconcile
      try {
        for (String operation : resource.operations()) {
          limits.acquire(resource.target(), service, operation, caller);
          admitted.add(time.currentTimeNanos());
        }
        done.merge(resource.name(), 1, Integer::sum);
        queue.add(new Attempt(attempt.at(), attempt.priority()));
      } catch (RateLimitedException limited) {
        long lateness = late == null ? 0 : (long) (late.nextDouble() * lateBy.toNanos());
        queue.add(new Attempt(attempt.at() + limited.retryAfter().toNanos() + lateness, attempt.priority()));
      }
    }
    return done;
  }

  /**
   * As {@link #simulate}, but each call of an attempt a round trip after the one before ({@code perCall}), the
   * attempts of all resources interleaved in time as threads would run them; a retry runs up to {@code lateBy}
   * after the time it was given.
   */
  private Map<String, Integer> simulateSpreadOut(List<Resource> resources, String service, List<Long> admitted,
      Duration perCall, java.util.Random late, Duration lateBy) {
    record Step(long at, int resource, int call, AwsCaller caller) {}
    Map<String, Integer> done = new LinkedHashMap<>();
    PriorityQueue<Step> queue = new PriorityQueue<>(
        Comparator.comparingLong(Step::at).thenComparingInt(Step::resource));
    long start = time.currentTimeNanos();
    for (int i = 0; i < resources.size(); i++) {
      done.put(resources.get(i).name(), 0);
      queue.add(new Step(start, i, 0, AwsCaller.resource(resources.get(i).name())));
    }
    while (!queue.isEmpty() && queue.peek().at() < start + SIMULATED.toNanos()) {
      Step step = queue.poll();
      time.setTo(step.at());
      Resource resource = resources.get(step.resource());
      try {
        limits.acquire(resource.target(), service, resource.operations().get(step.call()), step.caller());
        admitted.add(time.currentTimeNanos());
        long next = step.at() + perCall.toNanos();
        if (step.call() + 1 < resource.operations().size()) {
          queue.add(new Step(next, step.resource(), step.call() + 1, step.caller()));
        } else {
          done.merge(resource.name(), 1, Integer::sum);
          queue.add(new Step(next, step.resource(), 0, AwsCaller.resource(resource.name())));
        }
      } catch (RateLimitedException limited) {
        long lateness = (long) (late.nextDouble() * lateBy.toNanos());
        queue.add(new Step(step.at() + limited.retryAfter().toNanos() + lateness, step.resource(), 0,
            AwsCaller.resource(resource.name())));
      }
    }
    return done;
  }

  private static Duration refusal(Runnable call) {
    try {
      call.run();
    } catch (RateLimitedException e) {
      return e.retryAfter();
    }
    throw new AssertionError("expected no token");
  }

  private record Resource(String name, AwsTarget target, List<String> operations) {}

  /** A reconcile due at {@code at}; on a tie the lower priority (the greedy resource, listed first) runs first. */
  private record Attempt(long at, int priority) {}
}
