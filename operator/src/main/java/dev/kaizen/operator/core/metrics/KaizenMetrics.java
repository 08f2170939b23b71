package dev.kaizen.operator.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Every metric the operator exports, by one name each (stable: dashboards and alert rules under
 * {@code deploy/monitoring/} use them, and {@code MonitoringAssetsTest} checks they exist). Names below are
 * Micrometer's; in the Prometheus format dots become underscores, counters end in {@code _total} and timers in
 * {@code _seconds} (with {@code _count}, {@code _sum}, {@code _max} and {@code _bucket}).
 *
 * <p>Nothing here knows a kind: the reconcile loop passes its kind's name, {@code AwsCalls} the AWS service and
 * operation, so a new kind gets every metric without extra code.
 */
public final class KaizenMetrics {
  /** Timer {kind, outcome}: one per reconcile or deletion ({@link Outcome}). */
  public static final String RECONCILE_DURATION = "kaizen.reconcile.duration";
  /** Counter {service, operation, outcome}: AWS calls sent; outcome success, throttled, transient_error, ... */
  public static final String AWS_CALLS = "kaizen.aws.calls";
  /** Timer {service, operation}: how long AWS calls took. */
  public static final String AWS_CALL_DURATION = "kaizen.aws.call.duration";
  /**
   * Timer {service, operation, source}: a call held back by our own rate limiter, and the wait it was given; source
   * {@code call} (a write or single read of a reconcile) or {@code listing} (a page of a shared listing).
   */
  public static final String RATE_LIMIT_WAIT = "kaizen.rate.limit.wait";
  /** Counter {kind}: drift found in AWS and corrected. */
  public static final String DRIFT_CORRECTIONS = "kaizen.drift.corrections";
  /** Counter {kind, type, reason}: Kubernetes Events recorded. */
  public static final String EVENTS = "kaizen.events";
  /** Gauge {kind, condition, status}: resources whose condition has that status (Unknown: not set yet). */
  public static final String RESOURCES = "kaizen.resources";
  /** Gauge {kind}: seconds since the least recently synced (not Stalled) resource last synced successfully. */
  public static final String LAST_SYNC_AGE = "kaizen.last.successful.sync.age";
  /**
   * Gauge {service, listing, target}: seconds since the start of the last complete pass of a shared listing (what
   * light observes read is at most this old).
   */
  public static final String LISTING_AGE = "kaizen.listing.age";
  /** Gauge {service, listing, target}: 1 while a shared listing has not completed a pass within the resync. */
  public static final String LISTING_BEHIND = "kaizen.listing.behind";
  /** Counter {service, listing}: pages fetched by the shared listings. */
  public static final String LISTING_PAGES = "kaizen.listing.pages";
  /** Timer {service, listing}: how long a complete pass of a shared listing took. */
  public static final String LISTING_PASS_DURATION = "kaizen.listing.pass.duration";
  /** Gauge: 1 while this instance is the leader (or runs without leader election), else 0. */
  public static final String LEADER = "kaizen.leader";

  /** Reconcile outcomes, the values of the {@code outcome} tag of {@link #RECONCILE_DURATION}. */
  public enum Outcome {
    IN_SYNC, APPLIED, PLAN_PENDING, WAITING, STALLED, THROTTLED, TRANSIENT_ERROR, RATE_LIMITED, CONFLICT, FAILED,
    DELETED, RETAINED, DELETE_FAILED;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** AWS was observed and the result reported: the resource is synced. */
    public boolean synced() {
      return this == IN_SYNC || this == APPLIED || this == PLAN_PENDING || this == WAITING;
    }
  }

  /** Buckets of the duration histograms: reconciles take milliseconds to tens of seconds. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
      Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

  private final MeterRegistry registry;
  private final Clock clock;
  private final AtomicInteger leader = new AtomicInteger(1);

  public KaizenMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    Gauge.builder(LEADER, leader, AtomicInteger::get)
        .description("1 while this instance is the leader (or runs without leader election)").register(registry);
  }

  /** Metrics that go nowhere: for tools and tests that do not look at them. */
  public static KaizenMetrics discarding() {
    return new KaizenMetrics(new CompositeMeterRegistry(), Clock.systemUTC());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public Clock clock() {
    return clock;
  }

  /** Registers a kind's meters (zero until something happens, so rates and alerts work from the start). */
  public ResourceTracker kind(String kind) {
    for (Outcome outcome : Outcome.values()) {
      reconcileTimer(kind, outcome);
    }
    driftCounter(kind);
    ResourceTracker tracker = new ResourceTracker(kind, clock);
    for (String condition : ResourceTracker.CONDITIONS) {
      for (String status : List.of("True", "False", "Unknown")) {
        Gauge.builder(RESOURCES, tracker, t -> t.count(condition, status))
            .description("Resources whose condition has this status (Unknown: not reported yet)")
            .tags("kind", kind, "condition", condition, "status", status).register(registry);
      }
    }
    Gauge.builder(LAST_SYNC_AGE, tracker, ResourceTracker::oldestSyncAgeSeconds)
        .description("Seconds since the least recently synced resource (not Stalled) last synced successfully")
        .baseUnit("seconds").tags("kind", kind).register(registry);
    return tracker;
  }

  public void reconciled(String kind, Outcome outcome, Duration took) {
    reconcileTimer(kind, outcome).record(took);
  }

  public void awsCall(String service, String operation, String outcome, Duration took) {
    Counter.builder(AWS_CALLS).description("AWS calls sent, by outcome (throttled: AWS said slow down)")
        .tags("service", service, "operation", operation, "outcome", outcome).register(registry).increment();
    Timer.builder(AWS_CALL_DURATION).description("Duration of AWS calls")
        .tags("service", service, "operation", operation).serviceLevelObjectives(BUCKETS)
        .register(registry).record(took);
  }

  /** A write or single read held back by the operator's own rate limiter for {@code wait}. */
  public void rateLimitWait(String service, String operation, Duration wait) {
    rateLimitWait(service, operation, "call", wait);
  }

  /**
   * A page of a shared listing held back by the rate limiter for {@code wait}: time spent waiting for quota like
   * any call's, though no reconcile waits on it directly (the refresher resumes the listing when the token is free).
   */
  public void listingRateLimitWait(String service, String operation, Duration wait) {
    rateLimitWait(service, operation, "listing", wait);
  }

  private void rateLimitWait(String service, String operation, String source, Duration wait) {
    Timer.builder(RATE_LIMIT_WAIT)
        .description("Calls held back by the operator's own rate limiter, and the wait they were given")
        .tags("service", service, "operation", operation, "source", source).register(registry).record(wait);
  }

  /** Registers the gauges of one shared listing, read from {@code listing} by the two functions. */
  public <L> void listing(String service, String listing, String target, L state, ToDoubleFunction<L> ageSeconds,
      ToDoubleFunction<L> behind) {
    Gauge.builder(LISTING_AGE, state, ageSeconds)
        .description("Seconds since the start of the last complete pass of a shared listing")
        .baseUnit("seconds").tags("service", service, "listing", listing, "target", target).register(registry);
    Gauge.builder(LISTING_BEHIND, state, behind)
        .description("1 while a shared listing has not completed a pass within the resync interval")
        .tags("service", service, "listing", listing, "target", target).register(registry);
  }

  public void listingPage(String service, String listing) {
    Counter.builder(LISTING_PAGES).description("Pages fetched by the shared listings")
        .tags("service", service, "listing", listing).register(registry).increment();
  }

  public void listingPass(String service, String listing, Duration took) {
    Timer.builder(LISTING_PASS_DURATION).description("Duration of a complete pass of a shared listing")
        .tags("service", service, "listing", listing).register(registry).record(took);
  }

  public void driftCorrected(String kind) {
    driftCounter(kind).increment();
  }

  public void event(String kind, String type, String reason) {
    Counter.builder(EVENTS).description("Kubernetes Events recorded")
        .tags("kind", kind, "type", type, "reason", reason).register(registry).increment();
  }

  public void leader(boolean leading) {
    leader.set(leading ? 1 : 0);
  }

  private Timer reconcileTimer(String kind, Outcome outcome) {
    return Timer.builder(RECONCILE_DURATION).description("Reconciles (and deletions) and how long they took")
        .tags("kind", kind, "outcome", outcome.tag()).serviceLevelObjectives(BUCKETS).register(registry);
  }

  private Counter driftCounter(String kind) {
    return Counter.builder(DRIFT_CORRECTIONS).description("Drift found in AWS and corrected")
        .tags("kind", kind).register(registry);
  }
}
