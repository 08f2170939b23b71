package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The root EBS volume of each node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumeSpec {
  public enum VolumeType { gp3, gp2, io1, io2 }

  @JsonPropertyDescription("Size in GiB (default 50).")
  @Min(8)
  @Max(16384)
  private Integer sizeGiB;

  @JsonPropertyDescription("EBS volume type (default gp3).")
  private VolumeType type;

  public Integer getSizeGiB() {
    return sizeGiB;
  }

  public void setSizeGiB(Integer sizeGiB) {
    this.sizeGiB = sizeGiB;
  }

  public VolumeType getType() {
    return type;
  }

  public void setType(VolumeType type) {
    this.type = type;
  }

  public int effectiveSizeGiB() {
    return sizeGiB == null ? 50 : sizeGiB;
  }

  public String effectiveType() {
    return type == null ? VolumeType.gp3.name() : type.name();
  }
}
