package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A LogPipeline deleted with Retain and created again re-attaches to its group and to the group's alarms. AWS ignores
 * Tags on PutMetricAlarm for an existing alarm, so the alarm must be tagged on its own to carry the new uid.
 */
class AlarmReattachOperatorTest {
  private static final String NS = "shop";
  private static final String GROUP = "/shop/web";
  private static final String ALARM = "kaizen:/shop/web:errors";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatchLogs logs = harness.logs();
  private final FakeCloudWatch cloudWatch = harness.cloudWatch();

  @AfterEach
  void stop() {
    harness.close();
  }

  private String create(double threshold) {
    LogPipeline pipeline = logPipeline(NS, "web").retentionDays(30).metricFilter("errors", "ERROR", threshold).build();
    return harness.client().resources(LogPipeline.class).inNamespace(NS).resource(pipeline).create()
        .getMetadata().getUid();
  }

  @Test
  void afterAReattachTheAlarmCarriesTheNewUid() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    String firstUid = create(5.0);
    harness.awaitReady(NS, "web");
    assertThat(cloudWatch.tags(ALARM)).containsEntry(OwnerTags.UID, firstUid);
    harness.logPipeline(NS, "web").delete();
    await().atMost(WAIT).until(() -> harness.logPipeline(NS, "web").get() == null);
    cloudWatch.clearCalls();

    String secondUid = create(7.0); // a changed threshold as well: PutMetricAlarm alone would keep the old tags
    harness.awaitReady(NS, "web");

    assertThat(secondUid).isNotEqualTo(firstUid);
    assertThat(logs.group(GROUP).orElseThrow().tags()).containsEntry(OwnerTags.UID, secondUid);
    assertThat(cloudWatch.tags(ALARM))
        .containsEntry(OwnerTags.UID, secondUid)
        .containsEntry(OwnerTags.OWNER, "shop/LogPipeline/web")
        .containsEntry(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id());
    assertThat(cloudWatch.alarm(ALARM).orElseThrow().threshold()).isEqualTo(7.0);
    // The alarm is tagged before the group: were the group tagged first and the alarm's tagging interrupted, the next
    // full observe would find the group OWNED and never tag the alarm again.
    assertThat(cloudWatch.succeededMutations()).containsExactly("TagResource", "PutMetricAlarm");
    assertThat(cloudWatch.calls("TagResource").get(0).at()).isBefore(logs.calls("TagResource").get(0).at());
  }
}
