package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class LogGroupStatus {

  @JsonPropertyDescription("The group's name: spec.logGroup.name or the default /<namespace>/<name>.")
  @Size(max = 512)
  private String name;

  @JsonPropertyDescription("The group's ARN, once it exists.")
  @Size(max = 2048)
  private String arn;

  @JsonPropertyDescription("Retention observed in AWS, in days; absent when events never expire.")
  private Integer retentionDays;

  @JsonPropertyDescription("KMS key observed on the group.")
  @Size(max = 2048)
  private String kmsKeyArn;

  @JsonPropertyDescription("Tag keys the operator set from spec.logGroup.tags (removed from AWS when removed from spec).")
  // Spec keys (at most 40) plus removed keys not yet seen gone by a full observe; a group holds at most 50 tags.
  @Size(max = 128)
  private List<@Size(max = 128) String> managedTagKeys = new ArrayList<>();

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

  public Integer getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(Integer retentionDays) {
    this.retentionDays = retentionDays;
  }

  public String getKmsKeyArn() {
    return kmsKeyArn;
  }

  public void setKmsKeyArn(String kmsKeyArn) {
    this.kmsKeyArn = kmsKeyArn;
  }

  public List<String> getManagedTagKeys() {
    return managedTagKeys;
  }

  public void setManagedTagKeys(List<String> managedTagKeys) {
    this.managedTagKeys = managedTagKeys == null ? new ArrayList<>() : managedTagKeys;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogGroupStatus other
        && Objects.equals(name, other.name)
        && Objects.equals(arn, other.arn)
        && Objects.equals(retentionDays, other.retentionDays)
        && Objects.equals(kmsKeyArn, other.kmsKeyArn)
        && Objects.equals(managedTagKeys, other.managedTagKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, arn, retentionDays, kmsKeyArn, managedTagKeys);
  }
}
