package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.testing.ApiRequests;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What N CronJobSets in one namespace cost the API server per recheck: observes read the watches' caches, so a round
 * of rechecks lists nothing (it used to list the namespace's CronJobs and Jobs once per set, N lists of N sets'
 * objects), while drift is still seen.
 */
public class CronJobSetWatchCostOperatorTest {
  static final String NS = "crowded";
  static final int SETS = 10;

  private OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void rechecksOfManySetsInOneNamespaceListNothingAndDriftIsStillSeen() {
    var sets = harness.client().resources(CronJobSet.class).inNamespace(NS);
    for (int i = 0; i < SETS; i++) {
      sets.resource(set(NS, "set" + i, "UTC", job("export", "30 2 * * *", "/scripts/export.sh"),
          job("sync", "*/15 * * * *", "/scripts/sync.sh"))).create();
    }
    // Rechecks every 500 ms: each set is reconciled several times a second or two.
    harness.start(OperatorHarness.fastTimings(Duration.ofMillis(500)));
    await().atMost(Duration.ofSeconds(60)).until(() -> sets.list().getItems().stream().filter(s -> s.getStatus() != null
        && Conditions.isTrue(s.getStatus().getConditions(), Conditions.READY)).count() == SETS);

    long lists = lists();
    long gets = ApiRequests.count(ApiRequests.gets(NS, "cronjobs"));
    long reconciles = reconciles();
    // At least three rechecks of every set.
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciles() >= reconciles + 3L * SETS);
    assertThat(lists()).as("CronJob and Job lists during %d rechecks of %d sets", reconciles() - reconciles, SETS)
        .isEqualTo(lists);
    assertThat(ApiRequests.count(ApiRequests.gets(NS, "cronjobs"))).as("every desired CronJob is in the cache")
        .isEqualTo(gets);

    // After a restart the two watches list once each (O(1), whatever the number of sets), then rechecks list nothing.
    harness.restart();
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciles() >= SETS);
    // (The stopped operator's last reconciles may still read by name from its closed caches: counted from here.)
    long getsAfterRestart = ApiRequests.count(ApiRequests.gets(NS, "cronjobs"));
    await().atMost(Duration.ofSeconds(60)).until(() -> reconciles() >= 4L * SETS);
    // One per watch; a watch that reconnects on a busy machine lists again (seen once in a full run): still O(1),
    // where a list per reconcile would be at least 4 x SETS.
    assertThat(lists() - lists).as("lists after a restart and rechecks").isBetween(2L, 4L);
    assertThat(ApiRequests.count(ApiRequests.gets(NS, "cronjobs"))).isEqualTo(getsAfterRestart);

    // Positive control: the caches are live. A CronJob deleted by hand is seen and made again.
    var cronJobs = harness.client().batch().v1().cronjobs().inNamespace(NS);
    String uid = cronJobs.withName("set7-sync").get().getMetadata().getUid();
    cronJobs.withName("set7-sync").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> cronJobs.withName("set7-sync").get() != null
        && !uid.equals(cronJobs.withName("set7-sync").get().getMetadata().getUid()));
    assertThat(cronJobs.list().getItems()).hasSize(2 * SETS);
  }

  private static long lists() {
    return ApiRequests.count(ApiRequests.lists("cronjobs")) + ApiRequests.count(ApiRequests.lists("jobs"));
  }

  private long reconciles() {
    return Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("kind", CronJobSet.KIND).timers().stream().mapToLong(Timer::count).sum();
  }
}
