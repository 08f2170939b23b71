package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.ReputationAlarmsSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CloudWatch alarm on an SES reputation metric of the route's configuration set: SES publishes
 * {@code Reputation.BounceRate} and {@code Reputation.ComplaintRate} in the {@code AWS/SES} namespace, per configuration
 * set under the dimension {@code ses:configuration-set} once the set's reputation metrics are on, as fractions (0.02 is
 * 2 %). Named {@code kaizen:mail:<configuration set>:bounce-rate} / {@code :complaint-rate}: the operator's alarm
 * prefix (so the IAM policy's alarm statements cover them), one DescribeAlarms by {@link #prefix} reads both.
 */
public record DesiredReputationAlarm(String name, Metric metric, String configurationSet, double thresholdPercent,
    List<String> alarmActions, List<String> okActions, String description) {

  /** The two rates, with SES's own review and pause levels (percent) for the sentences people read. */
  public enum Metric {
    BOUNCE("Reputation.BounceRate", "bounce-rate", "bounce rate", 2.0, 5.0, 10.0),
    COMPLAINT("Reputation.ComplaintRate", "complaint-rate", "complaint rate", 0.05, 0.1, 0.5);

    final String metricName;
    final String suffix;
    final String words;
    final double defaultPercent;
    final double reviewPercent;
    final double pausePercent;

    Metric(String metricName, String suffix, String words, double defaultPercent, double reviewPercent,
        double pausePercent) {
      this.metricName = metricName;
      this.suffix = suffix;
      this.words = words;
      this.defaultPercent = defaultPercent;
      this.reviewPercent = reviewPercent;
      this.pausePercent = pausePercent;
    }

    public String metricName() {
      return metricName;
    }

    public String words() {
      return words;
    }

    static Optional<Metric> of(String metricName) {
      for (Metric metric : values()) {
        if (metric.metricName.equals(metricName)) {
          return Optional.of(metric);
        }
      }
      return Optional.empty();
    }
  }

  public static final String NAMESPACE = "AWS/SES";
  public static final String DIMENSION = "ses:configuration-set";
  /** Average of the rate over an hour, one period: the rates move slowly and SES itself judges them over time. */
  public static final String STATISTIC = "Average";
  public static final int PERIOD_SECONDS = 3600;
  public static final int EVALUATION_PERIODS = 1;
  public static final String COMPARISON = "GreaterThanOrEqualToThreshold";
  /** No data means no mail bounced or complained: not a breach (a new alarm is INSUFFICIENT_DATA until evaluated). */
  public static final String TREAT_MISSING_DATA = "notBreaching";

  public DesiredReputationAlarm {
    alarmActions = List.copyOf(alarmActions);
    okActions = List.copyOf(okActions);
  }

  /** Both alarms of the spec, bounce first. */
  public static List<DesiredReputationAlarm> of(ReputationAlarmsSpec spec, String configurationSet, String owner) {
    return List.of(of(spec, Metric.BOUNCE, configurationSet, owner), of(spec, Metric.COMPLAINT, configurationSet, owner));
  }

  private static DesiredReputationAlarm of(ReputationAlarmsSpec spec, Metric metric, String configurationSet,
      String owner) {
    Double asked = metric == Metric.BOUNCE ? spec.getBounceRatePercent() : spec.getComplaintRatePercent();
    double percent = asked != null ? asked : metric.defaultPercent;
    return new DesiredReputationAlarm(name(configurationSet, metric), metric, configurationSet, percent,
        spec.getAlarmActions(), spec.getOkActions(), "SES " + metric.words + " of configuration set "
        + configurationSet + " at or above " + percent(percent) + " (MailRoute " + owner + "; SES reviews an account"
        + " at " + percent(metric.reviewPercent) + " and may pause its sending at " + percent(metric.pausePercent)
        + ").");
  }

  public static String prefix(String configurationSet) {
    return "kaizen:mail:" + configurationSet + ":";
  }

  public static String name(String configurationSet, Metric metric) {
    return prefix(configurationSet) + metric.suffix;
  }

  /** What CloudWatch stores: the rate as a fraction. */
  public double threshold() {
    return thresholdPercent / 100.0;
  }

  public Map<String, String> dimensions() {
    return Map.of(DIMENSION, configurationSet);
  }

  /** {@code 2 %}, {@code 0.05 %}: as few digits as the value needs. */
  static String percent(double percent) {
    return java.math.BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + " %";
  }

  /** Why the observed alarm is not this one, or empty when it is. */
  public Optional<String> drift(ObservedReputationAlarm found) {
    List<String> differs = new java.util.ArrayList<>();
    if (!NAMESPACE.equals(found.namespace()) || !metric.metricName.equals(found.metricName())
        || !dimensions().equals(found.dimensions())) {
      differs.add("metric " + found.namespace() + " " + found.metricName() + " " + found.dimensions());
    }
    if (Math.abs(threshold() - found.threshold()) > 1e-12) {
      differs.add("threshold " + percent(found.threshold() * 100) + " -> " + percent(thresholdPercent));
    }
    if (!STATISTIC.equals(found.statistic()) || PERIOD_SECONDS != found.periodSeconds()
        || EVALUATION_PERIODS != found.evaluationPeriods() || !COMPARISON.equals(found.comparison())
        || !TREAT_MISSING_DATA.equals(found.treatMissingData())) {
      differs.add("evaluation " + found.statistic() + "/" + found.periodSeconds() + "s x" + found.evaluationPeriods()
          + " " + found.comparison() + " missing=" + found.treatMissingData());
    }
    if (!alarmActions.equals(found.alarmActions()) || !okActions.equals(found.okActions())) {
      differs.add("actions");
    }
    if (!description.equals(found.description())) {
      differs.add("description");
    }
    return differs.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", differs));
  }
}
