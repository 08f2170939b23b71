package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * An alarm with the operator's naming but no owner tags is someone else's: the pipeline stalls NameConflict, as for
 * a group, and the alarm is neither updated nor tagged, after rechecks and a restart; with adopt it is tagged first.
 * (An update would otherwise take it over and leave it untagged: PutMetricAlarm ignores Tags on an existing alarm.)
 */
class AlarmOwnershipOperatorTest {
  private static final String NS = "shop";
  private static final String ALARM = "kaizen:/shop/web:errors";

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatch cloudWatch = harness.cloudWatch();

  @AfterEach
  void stop() {
    harness.close();
  }

  private void someoneCreatesTheAlarm() {
    cloudWatch.putMetricAlarm(r -> r.alarmName(ALARM).namespace("Ops").metricName("errors")
        .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(100.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
  }

  private void create(boolean adopt) {
    LogPipeline pipeline = logPipeline(NS, "web").metricFilter("errors", "ERROR", 5.0).adopt(adopt).build();
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(pipeline).create();
  }

  @Test
  void anUntaggedAlarmOfOurNamingStallsAndIsNeverTakenOver() {
    someoneCreatesTheAlarm();
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    create(false);

    LogPipeline stalled = harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 1);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("The alarm " + ALARM + " already exists and carries no kaizen.dev owner marker");
    // A conflict forces a full observe at every recheck: each reads the alarm's tags again.
    int reads = cloudWatch.calls("ListTagsForResource").size();
    org.awaitility.Awaitility.await().atMost(OperatorHarness.WAIT)
        .until(() -> cloudWatch.calls("ListTagsForResource").size() >= reads + 3);
    harness.restart();
    harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 1);

    assertThat(cloudWatch.tags(ALARM)).isEmpty();
    assertThat(cloudWatch.alarm(ALARM).orElseThrow().threshold()).isEqualTo(100.0);
    assertThat(cloudWatch.calls("PutMetricAlarm")).hasSize(1); // the test's own
  }

  @Test
  void withAdoptTheAlarmIsTaggedAndUpdated() {
    someoneCreatesTheAlarm();
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    create(true);

    harness.awaitReady(NS, "web");

    assertThat(cloudWatch.tags(ALARM)).containsEntry(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id())
        .containsEntry(OwnerTags.OWNER, "shop/LogPipeline/web");
    assertThat(cloudWatch.alarm(ALARM).orElseThrow().threshold()).isEqualTo(5.0);
  }
}
