package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.reconcile.DetailCondition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code ReputationHealthy} condition, from the state of the route's reputation alarms: False when one is in
 * ALARM (the rate and the threshold in one sentence), Unknown while CloudWatch has too little data, True when both
 * are OK.
 */
final class ReputationHealth {
  static final String TYPE = MailRouteKind.REPUTATION_HEALTHY;

  private ReputationHealth() {}

  /**
   * @param last the condition as status last showed it: kept when the alarms were not read this time (a reconcile
   *     held back or failed before reading them is no evidence the rates changed)
   */
  static DetailCondition condition(boolean asked, Optional<ObservedReputationAlarms> observed,
      Optional<DetailCondition> last) {
    if (!asked) {
      return DetailCondition.unknown(TYPE, "NotMonitored", "spec.reputationAlarms is not set: the bounce and"
          + " complaint rates are not watched.");
    }
    if (observed.isEmpty()) {
      return last.filter(c -> !c.reason().equals("NotMonitored"))
          .orElse(DetailCondition.unknown(TYPE, "NotObserved", "The reputation alarms were not read."));
    }
    List<ObservedReputationAlarm> alarms = observed.get().alarms();
    if (alarms.size() < DesiredReputationAlarm.Metric.values().length) {
      return DetailCondition.unknown(TYPE, "AlarmsMissing", "The reputation alarms do not all exist yet.");
    }
    List<ObservedReputationAlarm> firing = alarms.stream().filter(a -> "ALARM".equals(a.state())).toList();
    if (!firing.isEmpty()) {
      return DetailCondition.of(TYPE, false, firing.size() > 1 ? "RatesHigh"
          : firing.get(0).metricName().equals(DesiredReputationAlarm.Metric.BOUNCE.metricName()) ? "BounceRateHigh"
              : "ComplaintRateHigh", firing.stream().map(ReputationHealth::sentence).collect(Collectors.joining(" ")));
    }
    List<ObservedReputationAlarm> unsure = alarms.stream().filter(a -> !"OK".equals(a.state())).toList();
    if (!unsure.isEmpty()) {
      return DetailCondition.unknown(TYPE, "InsufficientData", "CloudWatch has not enough data yet to judge the "
          + unsure.stream().map(a -> words(a)).collect(Collectors.joining(" and ")) + " (alarm state "
          + unsure.get(0).state() + ").");
    }
    return DetailCondition.of(TYPE, true, "RatesBelowThresholds", "The " + alarms.stream()
        .map(a -> words(a) + " is below " + DesiredReputationAlarm.percent(percentOf(a.threshold())))
        .collect(Collectors.joining(" and the ")) + ".");
  }

  /** "The bounce rate of configuration set shop-mail is 3.1 %, at or above the alarm's 2 % (...)." */
  private static String sentence(ObservedReputationAlarm alarm) {
    Optional<DesiredReputationAlarm.Metric> metric = DesiredReputationAlarm.Metric.of(alarm.metricName());
    String set = alarm.dimensions().getOrDefault(DesiredReputationAlarm.DIMENSION, "?");
    String threshold = DesiredReputationAlarm.percent(percentOf(alarm.threshold()));
    String rate = alarm.latestRate().map(r -> "is " + DesiredReputationAlarm.percent(percentOf(r)) + ", at or above")
        .orElse("reached");
    return "The " + words(alarm) + " of configuration set " + set + " " + rate + " the alarm's " + threshold
        + metric.map(m -> " (SES reviews an account at " + DesiredReputationAlarm.percent(m.reviewPercent)
            + " and may pause its sending at " + DesiredReputationAlarm.percent(m.pausePercent) + ").").orElse(".");
  }

  private static String words(ObservedReputationAlarm alarm) {
    return DesiredReputationAlarm.Metric.of(alarm.metricName()).map(DesiredReputationAlarm.Metric::words)
        .orElse(alarm.metricName());
  }

  /** A rate (fraction) as a percentage, rounded to 6 decimals so 0.0005 reads 0.05, not 0.05000000000000001. */
  static double percentOf(double fraction) {
    return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).setScale(6, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
