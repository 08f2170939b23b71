package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A CloudWatch metric alarm on a metric filter's metric. Bounds follow PutMetricAlarm's API reference: a period of 10,
 * 20, 30 or a multiple of 60 seconds; an evaluation window (period x evaluation periods) of at most one day for a
 * period under an hour, and at most seven days otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = AlarmSpec.EVALUATION_WINDOW_RULE,
    message = "periodSeconds x evaluationPeriods must be at most 86400 (one day) when the period is under an hour,"
        + " and at most 604800 (seven days) otherwise.")
public class AlarmSpec {

  /** Defaults (60 s, 1 period) are the planner's; the rule applies them so an omitted field is judged as sent. */
  static final String EVALUATION_WINDOW_RULE =
      "(has(self.periodSeconds) ? self.periodSeconds : 60) * (has(self.evaluationPeriods) ? self.evaluationPeriods : 1)"
          + " <= ((has(self.periodSeconds) ? self.periodSeconds : 60) < 3600 ? 86400 : 604800)";

  @JsonPropertyDescription("The value the statistic is compared with.")
  @Required
  private Double threshold;

  @JsonPropertyDescription("How the statistic is compared with the threshold. Default GreaterThanOrEqualToThreshold.")
  private Comparison comparison;

  @JsonPropertyDescription("Statistic of the metric over each period. Default Sum.")
  private Statistic statistic;

  @JsonPropertyDescription("Length of a period in seconds: 10, 20, 30 or a multiple of 60. Default 60.")
  @Min(10)
  @Max(604800)
  @ValidationRule(value = "self == 10 || self == 20 || self == 30 || self % 60 == 0",
      message = "periodSeconds must be 10, 20, 30 or a multiple of 60.")
  private Integer periodSeconds;

  @JsonPropertyDescription("How many consecutive periods must breach before the alarm fires. Default 1. periodSeconds"
      + " x evaluationPeriods is at most one day for periods under an hour, seven days otherwise.")
  @Min(1)
  @Max(8640)
  private Integer evaluationPeriods;

  @JsonPropertyDescription("How periods without data count. Default notBreaching.")
  private MissingData treatMissingData;

  @JsonPropertyDescription("SNS topics notified when the alarm fires (at most 5).")
  @Size(max = 5)
  private List<@Size(max = 320) @Pattern("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$") String> actions =
      new ArrayList<>();

  @JsonPropertyDescription("Alarm description shown in CloudWatch.")
  @Size(max = 1024)
  private String description;

  public enum Comparison {
    GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold
  }

  public enum Statistic {
    SampleCount, Average, Sum, Minimum, Maximum
  }

  public enum MissingData {
    breaching, notBreaching, ignore, missing
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public Comparison getComparison() {
    return comparison;
  }

  public void setComparison(Comparison comparison) {
    this.comparison = comparison;
  }

  public Statistic getStatistic() {
    return statistic;
  }

  public void setStatistic(Statistic statistic) {
    this.statistic = statistic;
  }

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }

  public Integer getEvaluationPeriods() {
    return evaluationPeriods;
  }

  public void setEvaluationPeriods(Integer evaluationPeriods) {
    this.evaluationPeriods = evaluationPeriods;
  }

  public MissingData getTreatMissingData() {
    return treatMissingData;
  }

  public void setTreatMissingData(MissingData treatMissingData) {
    this.treatMissingData = treatMissingData;
  }

  public List<String> getActions() {
    return actions;
  }

  public void setActions(List<String> actions) {
    this.actions = actions == null ? new ArrayList<>() : actions;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
