package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch alarms on the configuration set's reputation metrics (SES publishes Reputation.BounceRate and
 * Reputation.ComplaintRate per configuration set when the set's reputation metrics are on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReputationAlarmsSpec {
  /** An SNS topic ARN, as CloudWatch alarm actions take them. */
  public static final String SNS_TOPIC_ARN = "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";

  @JsonPropertyDescription("Alarm when the bounce rate reaches this percentage (default 2). SES places an account"
      + " under review at 5 % and may pause its sending at 10 %.")
  @Min(0.01)
  @Max(100)
  private Double bounceRatePercent;

  @JsonPropertyDescription("Alarm when the complaint rate reaches this percentage (default 0.05). SES places an"
      + " account under review at 0.1 % and may pause its sending at 0.5 %.")
  @Min(0.001)
  @Max(100)
  private Double complaintRatePercent;

  @JsonPropertyDescription("SNS topics notified when an alarm fires (at most 5, CloudWatch's limit).")
  @Size(max = 5)
  private List<@Size(max = 320) @Pattern(SNS_TOPIC_ARN) String> alarmActions = new ArrayList<>();

  @JsonPropertyDescription("SNS topics notified when an alarm is back to OK (at most 5).")
  @Size(max = 5)
  private List<@Size(max = 320) @Pattern(SNS_TOPIC_ARN) String> okActions = new ArrayList<>();

  public Double getBounceRatePercent() {
    return bounceRatePercent;
  }

  public void setBounceRatePercent(Double bounceRatePercent) {
    this.bounceRatePercent = bounceRatePercent;
  }

  public Double getComplaintRatePercent() {
    return complaintRatePercent;
  }

  public void setComplaintRatePercent(Double complaintRatePercent) {
    this.complaintRatePercent = complaintRatePercent;
  }

  public List<String> getAlarmActions() {
    return alarmActions;
  }

  public void setAlarmActions(List<String> alarmActions) {
    this.alarmActions = alarmActions == null ? new ArrayList<>() : alarmActions;
  }

  public List<String> getOkActions() {
    return okActions;
  }

  public void setOkActions(List<String> okActions) {
    this.okActions = okActions == null ? new ArrayList<>() : okActions;
  }
}
