package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.ReputationAlarmsSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Reputation alarms on the configuration set's bounce and complaint rates, and the ReputationHealthy condition. */
class MailRouteReputationOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:mail-alerts";
  private static final String BOUNCE = "kaizen:mail:shop-mail:bounce-rate";
  private static final String COMPLAINT = "kaizen:mail:shop-mail:complaint-rate";

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSesV2 ses = harness.ses();
  private final FakeCloudWatch cloudWatch = harness.cloudWatch();

  @AfterEach
  void stop() {
    harness.close();
  }

  private static MailRoute route(DeletionPolicy policy) {
    MailRoute route = MailRoutes.route(NS, "mail", DOMAIN, null);
    ConfigurationSetSpec set = new ConfigurationSetSpec();
    set.setName("shop-mail");
    route.getSpec().setConfigurationSet(set);
    ReputationAlarmsSpec alarms = new ReputationAlarmsSpec();
    alarms.setAlarmActions(List.of(TOPIC));
    route.getSpec().setReputationAlarms(alarms);
    route.getSpec().setDeletionPolicy(policy);
    return route;
  }

  /** A person's call (as CloudWatch's evaluation would): not the operator's, so not counted against its policy. */
  private void setState(String alarm, StateValue state, String reasonData) {
    FakeAwsService.asSomeoneElse(() -> cloudWatch.setAlarmState(r -> r.alarmName(alarm).stateValue(state)
        .stateReason("set by the test").stateReasonData(reasonData)));
  }

  /**
   * Waits until {@code count} more reconciles have read the route's alarms (every reconcile with an identity reads
   * them, light or full; at rest the identity itself comes from a shared listing): evidence that rechecks happened,
   * where a fixed wait only hopes they did.
   */
  private void awaitRechecks(int count) {
    long before = alarmReads();
    await().atMost(OperatorHarness.WAIT).until(() -> alarmReads() >= before + count);
  }

  private long alarmReads() {
    return cloudWatch.calls("DescribeAlarms").stream().filter(FakeAwsService.Call::succeeded).count();
  }

  private Condition reputation() {
    return Conditions.find(get(harness, NS, "mail").getStatus().getConditions(), MailRouteKind.REPUTATION_HEALTHY)
        .orElseThrow();
  }

  @Test
  void alarmsCreatedTaggedFollowedByReputationHealthyDriftPutBackQuietAtRestAndDeletedWithTheRoute() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(3)));
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route(DeletionPolicy.Delete)).create();
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    ses.verifyDkim(DOMAIN);
    // New alarms have no data yet: Unknown, not healthy, not failing.
    awaitCondition(harness, NS, "mail", MailRouteKind.REPUTATION_HEALTHY, "Unknown", "InsufficientData");
    MailRoute ready = awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    MetricAlarm bounce = cloudWatch.alarm(BOUNCE).orElseThrow();
    assertThat(bounce.namespace()).isEqualTo("AWS/SES");
    assertThat(bounce.metricName()).isEqualTo("Reputation.BounceRate");
    assertThat(bounce.dimensions()).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("ses:configuration-set");
      assertThat(d.value()).isEqualTo("shop-mail");
    });
    assertThat(bounce.threshold()).isEqualTo(0.02);
    assertThat(bounce.alarmActions()).containsExactly(TOPIC);
    assertThat(cloudWatch.alarm(COMPLAINT).orElseThrow().threshold()).isEqualTo(0.0005);
    assertThat(cloudWatch.tags(BOUNCE)).containsEntry("kaizen.dev/owner", "shop/MailRoute/mail");
    assertThat(cloudWatch.tags(COMPLAINT)).containsEntry("kaizen.dev/owner", "shop/MailRoute/mail");
    assertThat(ready.getStatus().getReputationAlarms()).extracting(a -> a.getName() + " " + a.getThresholdPercent())
        .containsExactly(BOUNCE + " 2.0", COMPLAINT + " 0.05");

    setState(BOUNCE, StateValue.OK, null);
    setState(COMPLAINT, StateValue.OK, null);
    awaitCondition(harness, NS, "mail", MailRouteKind.REPUTATION_HEALTHY, "True", "RatesBelowThresholds");
    setState(BOUNCE, StateValue.ALARM, "{\"version\":\"1.0\",\"recentDatapoints\":[0.031],\"threshold\":0.02}");
    MailRoute high = awaitCondition(harness, NS, "mail", MailRouteKind.REPUTATION_HEALTHY, "False", "BounceRateHigh");
    assertThat(Conditions.find(high.getStatus().getConditions(), MailRouteKind.REPUTATION_HEALTHY).orElseThrow()
        .getMessage()).isEqualTo("The bounce rate of configuration set shop-mail is 3.1 %, at or above the alarm's"
            + " 2 % (SES reviews an account at 5 % and may pause its sending at 10 %).");
    assertThat(Conditions.find(high.getStatus().getConditions(), Conditions.READY).orElseThrow().getStatus())
        .isEqualTo("True"); // AWS still matches the spec: the rate is news, not drift
    setState(BOUNCE, StateValue.OK, null);
    awaitCondition(harness, NS, "mail", MailRouteKind.REPUTATION_HEALTHY, "True", "RatesBelowThresholds");

    // Drift: a threshold edited in the console is put back, with one PutMetricAlarm.
    int puts = cloudWatch.callCount("PutMetricAlarm");
    cloudWatch.backdoorSetThreshold(BOUNCE, 0.5);
    await().atMost(Duration.ofSeconds(60)).until(() -> cloudWatch.alarm(BOUNCE).orElseThrow().threshold() == 0.02);
    assertThat(cloudWatch.callCount("PutMetricAlarm")).isEqualTo(puts + 1);

    // Rechecks and a restart write nothing and keep the condition (awaited: two rechecks before and two after).
    awaitRechecks(2);
    harness.restart();
    awaitRechecks(2);
    assertThat(cloudWatch.callCount("PutMetricAlarm")).isEqualTo(puts + 1);
    assertThat(cloudWatch.callCount("TagResource")).isZero();
    assertThat(reputation().getStatus()).isEqualTo("True");
    assertThat(cloudWatch.callCount("DescribeAlarms")).isPositive();

    // Retain (set before deleting): the alarms stay.
    dev.kaizen.operator.testing.OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS)
        .withName("mail"), route -> {
          route.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
          return route;
        });
    await().atMost(Duration.ofSeconds(30)).until(() -> get(harness, NS, "mail").getStatus().getObservedGeneration()
        .equals(get(harness, NS, "mail").getMetadata().getGeneration()));
    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> get(harness, NS, "mail") == null);
    assertThat(cloudWatch.alarmNames()).containsExactly(BOUNCE, COMPLAINT);
    assertThat(cloudWatch.callCount("DeleteAlarms")).isZero();
  }

  @Test
  void alarmsDroppedBeforeAnyReconcileObservedThemAreStillRemoved() {
    // Confirmation 3 s after a change: time to make CloudWatch unreadable before any reconcile sees the new alarms.
    harness.start(new dev.kaizen.operator.core.reconcile.ReconcileTimings(Duration.ofSeconds(3), Duration.ofHours(1),
        Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route(DeletionPolicy.Delete)).create();
    await().atMost(MailRoutes.SES_PACED).pollInterval(Duration.ofMillis(20))
        .until(() -> cloudWatch.alarm(BOUNCE).isPresent() && cloudWatch.alarm(COMPLAINT).isPresent());
    cloudWatch.failNext("DescribeAlarms", Integer.MAX_VALUE, FakeAwsService.Fault.THROTTLING);
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), edited -> {
      edited.getSpec().setReputationAlarms(null);
      return edited;
    });
    await().atMost(MailRoutes.SES_PACED).until(() -> Long.valueOf(2).equals(get(harness, NS, "mail").getStatus()
        .getObservedGeneration()));
    cloudWatch.clearFaults();

    try {
      await().atMost(MailRoutes.SES_PACED).until(() -> cloudWatch.alarm(BOUNCE).isEmpty()
          && cloudWatch.alarm(COMPLAINT).isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the dropped alarms were left behind; status: " + io.fabric8.kubernetes.client.utils
          .Serialization.asYaml(get(harness, NS, "mail").getStatus()), e);
    }
    assertThat(cloudWatch.callCount("PutMetricAlarm")).isEqualTo(2);
  }

  @Test
  void anUnownedAlarmAtOurNameStallsTheRouteAndIsNeverChangedNorDeleted() {
    // Someone's alarm at the complaint alarm's name, without our tags.
    FakeAwsService.asSomeoneElse(() -> cloudWatch.putMetricAlarm(r -> r.alarmName(COMPLAINT).namespace("AWS/SES")
        .metricName("Reputation.ComplaintRate").statistic("Maximum").period(300).evaluationPeriods(1).threshold(0.001)
        .comparisonOperator("GreaterThanThreshold")));
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(3)));
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route(DeletionPolicy.Delete)).create();
    // Found once the identity exists (the alarms are read after it): the route stalls, naming the alarm.
    MailRoute stalled = awaitCondition(harness, NS, "mail", Conditions.STALLED, "True", "NameConflict");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains(COMPLAINT);
    awaitRechecks(2);
    harness.restart();
    awaitRechecks(2);
    assertThat(cloudWatch.alarm(COMPLAINT).orElseThrow().threshold()).isEqualTo(0.001);
    assertThat(cloudWatch.tags(COMPLAINT)).isEmpty();

    assertThat(Conditions.find(get(harness, NS, "mail").getStatus().getConditions(), Conditions.STALLED)
        .orElseThrow().getReason()).isEqualTo("NameConflict");
    assertThat(cloudWatch.callCount("PutMetricAlarm") + cloudWatch.callCount("TagResource")).isEqualTo(1); // the test's
    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> get(harness, NS, "mail") == null);
    assertThat(cloudWatch.alarmNames()).containsExactly(COMPLAINT); // kept as it was
    assertThat(cloudWatch.alarm(COMPLAINT).orElseThrow().threshold()).isEqualTo(0.001);
    assertThat(cloudWatch.callCount("DeleteAlarms")).isZero();
  }
}
