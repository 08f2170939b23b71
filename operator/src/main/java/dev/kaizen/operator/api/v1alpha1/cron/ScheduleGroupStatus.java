package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/**
 * The EventBridge Scheduler schedule group of a set with target eventbridge, as last observed; before its creation,
 * its name and region alone (recorded first, so a group made is never left unrecorded).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScheduleGroupStatus {

  @JsonPropertyDescription("The group's name: <namespace>_<set>, shortened with a hash past 64 characters.")
  @Size(max = 64)
  private String name;

  @JsonPropertyDescription("The group's ARN.")
  @Size(max = 1600)
  private String arn;

  @JsonPropertyDescription("The region the group lives in.")
  @Size(max = 32)
  private String region;

  @JsonPropertyDescription("ACTIVE, or DELETING while EventBridge Scheduler deletes it; absent before its creation.")
  @Size(max = 16)
  private String state;

  public ScheduleGroupStatus() {}

  public ScheduleGroupStatus(String name, String arn, String region, String state) {
    this.name = name;
    this.arn = arn;
    this.region = region;
    this.state = state;
  }

  /** The group about to be created: known by name and region only. */
  public static ScheduleGroupStatus beforeCreation(String name, String region) {
    return new ScheduleGroupStatus(name, null, region, null);
  }

  /** The region the group lives in: recorded, else the one its ARN names. */
  public java.util.Optional<String> livesIn() {
    if (region != null) {
      return java.util.Optional.of(region);
    }
    String[] parts = arn == null ? new String[0] : arn.split(":");
    return parts.length > 3 ? java.util.Optional.of(parts[3]) : java.util.Optional.empty();
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

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
