package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.mail.ReputationAlarmsSpec;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReputationAlarmPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("prod", "shop/MailRoute/mail", "uid-1");
  private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:mail-alerts";
  private static final String BOUNCE = "kaizen:mail:shop-mail:bounce-rate";
  private static final String COMPLAINT = "kaizen:mail:shop-mail:complaint-rate";
  private static final List<DesiredReputationAlarm> DEFAULTS = DesiredReputationAlarm.of(new ReputationAlarmsSpec(),
      "shop-mail", "shop/mail");

  private static Verdicts verdicts(Ownership bounce, Ownership complaint) {
    return new Verdicts(Map.of(ReputationAlarmPlanner.key(BOUNCE), bounce, ReputationAlarmPlanner.key(COMPLAINT),
        complaint), List.of());
  }

  /** The alarm as the operator would have put it, in {@code state}. */
  private static ObservedReputationAlarm asPut(DesiredReputationAlarm alarm, String state, Optional<Double> rate) {
    return new ObservedReputationAlarm(alarm.name(), "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:" + alarm.name(),
        DesiredReputationAlarm.NAMESPACE, alarm.metric().metricName(), alarm.dimensions(),
        DesiredReputationAlarm.STATISTIC, DesiredReputationAlarm.PERIOD_SECONDS,
        DesiredReputationAlarm.EVALUATION_PERIODS, alarm.threshold(), DesiredReputationAlarm.COMPARISON,
        DesiredReputationAlarm.TREAT_MISSING_DATA, alarm.alarmActions(), alarm.okActions(), alarm.description(), state,
        rate);
  }

  private static List<String> described(List<Change<MailRoutePorts>> changes) {
    return changes.stream().map(Change::describe).toList();
  }

  @Test
  void defaultsAreTwoPercentAndFiveHundredthsOfAPercentOnTheSetsMetrics() {
    assertThat(DEFAULTS).extracting(DesiredReputationAlarm::name).containsExactly(BOUNCE, COMPLAINT);
    assertThat(DEFAULTS.get(0).threshold()).isEqualTo(0.02);
    assertThat(DEFAULTS.get(1).threshold()).isEqualTo(0.0005);
    assertThat(DEFAULTS.get(0).dimensions()).containsExactly(Map.entry("ses:configuration-set", "shop-mail"));
    assertThat(DEFAULTS.get(1).description()).contains("at or above 0.05 %", "reviews an account at 0.1 %",
        "pause its sending at 0.5 %");
  }

  @Test
  void absentAlarmsAreCreatedWithTagsAndAlarmsInPlaceNeedNothing() {
    ObservedReputationAlarms none = new ObservedReputationAlarms(List.of(), Optional.of(Map.of()));
    assertThat(described(ReputationAlarmPlanner.plan(DEFAULTS, none, new Verdicts(Map.of(), List.of()),
        MINE, Map.of()))).containsExactly(
            "PutMetricAlarm " + BOUNCE + ": absent; Reputation.BounceRate of shop-mail >= 2 %",
            "PutMetricAlarm " + COMPLAINT + ": absent; Reputation.ComplaintRate of shop-mail >= 0.05 %");

    Map<String, String> tags = MailRoutePlanner.tags(Map.of("team", "mail"), MINE);
    ObservedReputationAlarms inPlace = new ObservedReputationAlarms(DEFAULTS.stream()
        .map(a -> asPut(a, "OK", Optional.empty())).toList(), Optional.of(Map.of(BOUNCE, tags, COMPLAINT, tags)));
    assertThat(ReputationAlarmPlanner.plan(DEFAULTS, inPlace, verdicts(Ownership.OWNED, Ownership.OWNED), MINE,
        Map.of("team", "mail"))).isEmpty();
  }

  @Test
  void aDriftedThresholdIsPutBackAndMissingTagsAddedOnlyWhenTagsWereRead() {
    ObservedReputationAlarm edited = asPut(DEFAULTS.get(0), "OK", Optional.empty());
    edited = new ObservedReputationAlarm(edited.name(), edited.arn(), edited.namespace(), edited.metricName(),
        edited.dimensions(), edited.statistic(), edited.periodSeconds(), edited.evaluationPeriods(), 0.05,
        edited.comparison(), edited.treatMissingData(), List.of(TOPIC), edited.okActions(), edited.description(),
        "OK", Optional.empty());
    ObservedReputationAlarm complaint = asPut(DEFAULTS.get(1), "OK", Optional.empty());

    List<Change<MailRoutePorts>> light = ReputationAlarmPlanner.plan(DEFAULTS, new ObservedReputationAlarms(
        List.of(edited, complaint), Optional.empty()), verdicts(Ownership.OWNED, Ownership.OWNED), MINE, Map.of());
    assertThat(described(light)).containsExactly("PutMetricAlarm " + BOUNCE + ": threshold 5 % -> 2 %, actions");

    List<Change<MailRoutePorts>> full = ReputationAlarmPlanner.plan(DEFAULTS, new ObservedReputationAlarms(
        List.of(edited, complaint), Optional.of(Map.of(BOUNCE, Map.of(), COMPLAINT, MINE.asTags()))),
        verdicts(Ownership.ADOPT, Ownership.OWNED), MINE, Map.of());
    assertThat(full).extracting(Change::operation).containsExactly("PutMetricAlarm", "TagResource");
  }

  @Test
  void anotherOwnersAlarmIsNeitherChangedNorDeleted() {
    ObservedReputationAlarms found = new ObservedReputationAlarms(List.of(
        new ObservedReputationAlarm(BOUNCE, "arn:x", "AWS/SES", "Reputation.BounceRate", Map.of(), "Maximum", 60, 1,
            0.5, "GreaterThanThreshold", "missing", List.of(), List.of(), "", "OK", Optional.empty()),
        asPut(DEFAULTS.get(1), "OK", Optional.empty())), Optional.empty());
    Verdicts foreign = verdicts(Ownership.FOREIGN, Ownership.OWNED);
    assertThat(ReputationAlarmPlanner.plan(DEFAULTS, found, foreign, MINE, Map.of())).isEmpty();
    assertThat(described(ReputationAlarmPlanner.removal(List.of(BOUNCE, COMPLAINT), found, foreign, "resource deleted")))
        .containsExactly("DeleteAlarms " + COMPLAINT + ": resource deleted");
  }

  @Test
  void reputationHealthyFollowsTheAlarmsStates() {
    ObservedReputationAlarm bounceOk = asPut(DEFAULTS.get(0), "OK", Optional.empty());
    ObservedReputationAlarm complaintOk = asPut(DEFAULTS.get(1), "OK", Optional.empty());
    DetailCondition healthy = ReputationHealth.condition(true, Optional.of(new ObservedReputationAlarms(
        List.of(bounceOk, complaintOk), Optional.empty())), Optional.empty());
    assertThat(healthy.status()).isEqualTo("True");
    assertThat(healthy.message()).isEqualTo("The bounce rate is below 2 % and the complaint rate is below 0.05 %.");

    DetailCondition firing = ReputationHealth.condition(true, Optional.of(new ObservedReputationAlarms(
        List.of(asPut(DEFAULTS.get(0), "ALARM", Optional.of(0.031)), complaintOk), Optional.empty())),
        Optional.empty());
    assertThat(firing.status()).isEqualTo("False");
    assertThat(firing.reason()).isEqualTo("BounceRateHigh");
    assertThat(firing.message()).isEqualTo("The bounce rate of configuration set shop-mail is 3.1 %, at or above the"
        + " alarm's 2 % (SES reviews an account at 5 % and may pause its sending at 10 %).");

    DetailCondition unsure = ReputationHealth.condition(true, Optional.of(new ObservedReputationAlarms(
        List.of(bounceOk, asPut(DEFAULTS.get(1), "INSUFFICIENT_DATA", Optional.empty())), Optional.empty())),
        Optional.empty());
    assertThat(unsure.status()).isEqualTo("Unknown");
    assertThat(unsure.reason()).isEqualTo("InsufficientData");
    assertThat(ReputationHealth.condition(false, Optional.empty(), Optional.of(healthy)).reason())
        .isEqualTo("NotMonitored");
    // Not read this time (held back, or failed before): what status last showed stands.
    assertThat(ReputationHealth.condition(true, Optional.empty(), Optional.of(firing))).isEqualTo(firing);
    assertThat(ReputationHealth.condition(true, Optional.empty(), Optional.empty()).reason()).isEqualTo("NotObserved");
  }

  @Test
  void theLatestRateComesFromTheStatesReasonDataNotItsText() {
    assertThat(CloudWatchReputationAlarmGateway.latestRate(
        "{\"version\":\"1.0\",\"recentDatapoints\":[0.01,0.031],\"threshold\":0.02}")).contains(0.031);
    assertThat(CloudWatchReputationAlarmGateway.latestRate("{\"version\":\"1.0\"}")).isEmpty();
    assertThat(CloudWatchReputationAlarmGateway.latestRate("not json")).isEmpty();
    assertThat(CloudWatchReputationAlarmGateway.latestRate(null)).isEmpty();
  }
}
