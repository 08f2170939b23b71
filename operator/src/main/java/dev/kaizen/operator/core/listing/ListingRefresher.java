package dev.kaizen.operator.core.listing;

import dev.kaizen.operator.core.metrics.KaizenMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every {@link SharedListing} off the reconcile pool (DESIGN.md: "Listings never run inside a
 * reconcile"). Each listing advances one page per task on a small scheduled executor; when the rate limiter has
 * no token the next page is scheduled at the moment one is free, so no thread ever sleeps or blocks on a bucket,
 * and a listing resumes where it stopped instead of starting over.
 *
 * <p>A listing starts a pass every {@code interval} (from the start of the previous pass; at once when the previous
 * one took longer), or at once when a reader finds its key not covered.
 */
public final class ListingRefresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ListingRefresher.class);
  /** Each task is one page (one AWS call): two threads keep one slow listing from delaying the others. */
  private static final int THREADS = 2;
  /** Longer than one page (an AWS call, bounded by the SDK's call timeout) normally takes. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Clock clock;
  private final Duration interval;
  private final Duration behindAfter;
  private final KaizenMetrics metrics;
  private final ScheduledThreadPoolExecutor executor;
  private final List<Driver> drivers = new CopyOnWriteArrayList<>();
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * @param interval how often each listing starts a pass
   * @param behindAfter a listing with no complete pass for longer than this is reported as behind
   */
  public ListingRefresher(Clock clock, Duration interval, Duration behindAfter, KaizenMetrics metrics) {
    this.clock = clock;
    this.interval = interval;
    this.behindAfter = behindAfter;
    this.metrics = metrics;
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ScheduledThreadPoolExecutor(THREADS, task -> {
      Thread thread = new Thread(task, "kaizen-listings-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  /** A new listing of {@code source} in {@code scope} (an account and region), refreshed once in use. */
  public <K, T> SharedListing<K, T> listing(String scope, ListingSource<K, T> source) {
    Driver driver = new Driver();
    SharedListing<K, T> listing = new SharedListing<>(scope, source, clock, interval, behindAfter, metrics,
        driver::wake);
    driver.listing = listing;
    drivers.add(driver);
    return listing;
  }

  /** Begins refreshing the listings in use (and those put in use later). */
  public void start() {
    started = true;
    drivers.stream().filter(d -> d.listing.inUse()).forEach(Driver::wake);
  }

  /** Stops refreshing and waits for a page in flight, so no AWS call is made after the operator has stopped. */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a shared listing page was still in flight {} after stopping", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Schedules one listing's steps: never two at once, the next at the delay the step asked for. */
  private final class Driver {
    private SharedListing<?, ?> listing;
    private ScheduledFuture<?> next;
    /** The one scheduled step allowed to run; a step superseded by a wake finds it changed and does nothing. */
    private Object ticket;
    private boolean running;
    private boolean wokenWhileRunning;

    /** Run a step now instead of at the scheduled time (a reader is waiting for coverage). */
    synchronized void wake() {
      if (!started || closed) {
        return;
      }
      if (running) {
        wokenWhileRunning = true;
        return;
      }
      if (next != null && !next.cancel(false)) {
        return; // already done or cancelled: the step will see what the reader asked for
      }
      // cancel() also succeeds on a task that has started but not yet marked itself running: the ticket makes
      // that task give way to the one scheduled here, so two steps of one listing never run at once.
      schedule(Duration.ZERO);
    }

    private void run(Object mine) {
      synchronized (this) {
        if (mine != ticket) {
          return;
        }
        running = true;
        wokenWhileRunning = false;
      }
      Duration delay;
      try {
        delay = listing.step();
      } catch (RuntimeException e) {
        LOG.error("a shared listing failed unexpectedly; retrying in {}", interval, e);
        delay = interval;
      }
      synchronized (this) {
        running = false;
        if (!closed) {
          schedule(wokenWhileRunning ? Duration.ZERO : delay);
        }
      }
    }

    private void schedule(Duration delay) {
      Object mine = new Object();
      ticket = mine;
      try {
        next = executor.schedule(() -> run(mine), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        // close() raced with this step: nothing more to refresh.
      }
    }
  }
}
