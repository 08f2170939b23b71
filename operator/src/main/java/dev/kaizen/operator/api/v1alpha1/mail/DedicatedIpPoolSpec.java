package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The dedicated IP pool the configuration set sends from: STANDARD holds IPs the account already leased (the spec
 * lists them and the operator moves them in), MANAGED is sized by SES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.scalingMode) || self.scalingMode != 'MANAGED' || !has(self.ips) || size(self.ips) == 0",
    message = "ips are listed only for a STANDARD pool: SES chooses a MANAGED pool's IPs.")
// SES converts STANDARD to MANAGED (PutDedicatedIpPoolScalingAttributes) but never back; an absent mode is STANDARD.
@ValidationRule(value = "!has(oldSelf.scalingMode) || oldSelf.scalingMode != 'MANAGED'"
    + " || (has(self.scalingMode) && self.scalingMode == 'MANAGED')", fieldPath = ".scalingMode",
    message = "dedicatedIpPool.scalingMode cannot change from MANAGED to STANDARD (SES does not convert a MANAGED"
        + " pool back): remove the dedicatedIpPool block, then add one with another name.")
public class DedicatedIpPoolSpec {
  public enum ScalingMode { STANDARD, MANAGED }

  @JsonPropertyDescription("The pool's name in SES: lowercase letters, digits, '_' and '-', at most 64. Cannot change.")
  @Required
  @Size(min = 1, max = 64)
  @Pattern("^[a-z0-9_-]+$")
  @ValidationRule(value = "self == oldSelf", message = "dedicatedIpPool.name cannot change: remove the"
      + " dedicatedIpPool block, then add one with the new name.")
  private String name;

  @JsonPropertyDescription("STANDARD (default): the pool holds the leased IPs listed in ips. MANAGED: SES leases and"
      + " scales the pool's IPs itself. STANDARD may become MANAGED (SES converts the pool in place and keeps the IPs"
      + " it holds, then manages them: empty ips); MANAGED cannot become STANDARD.")
  private ScalingMode scalingMode = ScalingMode.STANDARD;

  @JsonPropertyDescription("STANDARD only: dedicated IPv4 addresses the account has leased (AWS leases them outside"
      + " the API); the operator moves them into the pool, and back to ses-default-dedicated-pool when they leave"
      + " this list or the pool is deleted.")
  @Size(max = 50)
  private List<@Size(max = 15) @Pattern("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$") String> ips = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ScalingMode getScalingMode() {
    return scalingMode;
  }

  public void setScalingMode(ScalingMode scalingMode) {
    this.scalingMode = scalingMode;
  }

  public List<String> getIps() {
    return ips;
  }

  public void setIps(List<String> ips) {
    this.ips = ips == null ? new ArrayList<>() : ips;
  }
}
