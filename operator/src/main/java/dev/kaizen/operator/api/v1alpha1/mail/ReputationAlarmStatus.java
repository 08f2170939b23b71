package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** One reputation alarm as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReputationAlarmStatus {
  @JsonPropertyDescription("The CloudWatch alarm's name.")
  @Size(max = 255)
  private String name;

  @JsonPropertyDescription("The SES metric it watches: Reputation.BounceRate or Reputation.ComplaintRate.")
  @Size(max = 64)
  private String metric;

  @JsonPropertyDescription("The alarm's threshold, in percent.")
  private Double thresholdPercent;

  @JsonPropertyDescription("The alarm's state: OK, ALARM or INSUFFICIENT_DATA.")
  @Size(max = 32)
  private String state;

  public ReputationAlarmStatus() {}

  public ReputationAlarmStatus(String name, String metric, Double thresholdPercent, String state) {
    this.name = name;
    this.metric = metric;
    this.thresholdPercent = thresholdPercent;
    this.state = state;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public Double getThresholdPercent() {
    return thresholdPercent;
  }

  public void setThresholdPercent(Double thresholdPercent) {
    this.thresholdPercent = thresholdPercent;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
