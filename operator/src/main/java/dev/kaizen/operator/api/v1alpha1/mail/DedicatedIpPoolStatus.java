package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The dedicated IP pool as last observed: the IPs mail of the domain leaves from, for receivers to allow-list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DedicatedIpPoolStatus {
  @JsonPropertyDescription("The pool's name in SES.")
  @Size(max = 64)
  private String name;

  @JsonPropertyDescription("STANDARD or MANAGED.")
  @Size(max = 16)
  private String scalingMode;

  @JsonPropertyDescription("The IPv4 addresses in the pool (GetDedicatedIps), sorted.")
  @Size(max = 200)
  private List<@Size(max = 15) String> ips = new ArrayList<>();

  public DedicatedIpPoolStatus() {}

  public DedicatedIpPoolStatus(String name, String scalingMode, List<String> ips) {
    this.name = name;
    this.scalingMode = scalingMode;
    this.ips = new ArrayList<>(ips);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getScalingMode() {
    return scalingMode;
  }

  public void setScalingMode(String scalingMode) {
    this.scalingMode = scalingMode;
  }

  public List<String> getIps() {
    return ips;
  }

  public void setIps(List<String> ips) {
    this.ips = ips == null ? new ArrayList<>() : ips;
  }
}
