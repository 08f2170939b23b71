package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class LogPipelineStatus extends KaizenStatus {

  @JsonPropertyDescription("The log group as last observed in AWS.")
  private LogGroupStatus logGroup;

  @JsonPropertyDescription("Metric filters in place (name = the AWS filter name, id = the log group).")
  @Size(max = 100) // CloudWatch Logs allows 100 metric filters per group
  private List<ObjectRef> metricFilters = new ArrayList<>();

  @JsonPropertyDescription("Alarms in place, with their ARN and state (OK, ALARM, INSUFFICIENT_DATA).")
  @Size(max = 200) // one per filter (at most 100 per group), and room for those being removed
  private List<ObjectRef> alarms = new ArrayList<>();

  @JsonPropertyDescription("The subscription filter in place (id = its destination).")
  private ObjectRef subscription;

  @JsonPropertyDescription("The Fluent Bit configuration: name = the ConfigMap key, id = namespace/name of the ConfigMap.")
  private ObjectRef fluentBit;

  public List<ObjectRef> getMetricFilters() {
    return metricFilters;
  }

  public void setMetricFilters(List<ObjectRef> metricFilters) {
    this.metricFilters = metricFilters == null ? new ArrayList<>() : metricFilters;
  }

  public List<ObjectRef> getAlarms() {
    return alarms;
  }

  public void setAlarms(List<ObjectRef> alarms) {
    this.alarms = alarms == null ? new ArrayList<>() : alarms;
  }

  public ObjectRef getSubscription() {
    return subscription;
  }

  public void setSubscription(ObjectRef subscription) {
    this.subscription = subscription;
  }

  public ObjectRef getFluentBit() {
    return fluentBit;
  }

  public void setFluentBit(ObjectRef fluentBit) {
    this.fluentBit = fluentBit;
  }

  public LogGroupStatus getLogGroup() {
    return logGroup;
  }

  public void setLogGroup(LogGroupStatus logGroup) {
    this.logGroup = logGroup;
  }
}
