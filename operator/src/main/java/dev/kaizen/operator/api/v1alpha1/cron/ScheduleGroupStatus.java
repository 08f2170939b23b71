package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The EventBridge Scheduler schedule group of a set with target eventbridge, as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScheduleGroupStatus {

  @JsonPropertyDescription("The group's name: <namespace>_<set>, shortened with a hash past 64 characters.")
  @Size(max = 64)
  private String name;

  @JsonPropertyDescription("The group's ARN.")
  @Size(max = 1600)
  private String arn;

  @JsonPropertyDescription("ACTIVE, or DELETING while EventBridge Scheduler deletes it.")
  @Size(max = 16)
  private String state;

  public ScheduleGroupStatus() {}

  public ScheduleGroupStatus(String name, String arn, String state) {
    this.name = name;
    this.arn = arn;
    this.state = state;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getArn() {
    return arn;
  }

  public void setArn(String arn) {
    this.arn = arn;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
