package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** The Application Load Balancer: a live listener to the active colour, a test listener to the standby. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.livePort) || !has(self.testPort) || self.livePort != self.testPort",
    message = "loadBalancer.livePort and testPort must differ.")
public class LoadBalancerSpec {
  public enum Scheme { internal, internet_facing }

  @JsonPropertyDescription("internal (default) or internet_facing.")
  private Scheme scheme;

  @JsonPropertyDescription("Security groups of the load balancer (default: the VPC's default group).")
  @Size(max = 5)
  private List<@Size(max = 32) @Pattern("^sg-[0-9a-f]{8,17}$") String> securityGroups = new ArrayList<>();

  @JsonPropertyDescription("Port of the live listener (HTTP, default 80): the active colour.")
  @Min(1)
  @Max(65535)
  private Integer livePort;

  @JsonPropertyDescription("Port of the test listener (HTTP, default 8983): the standby colour, or the active one"
      + " while there is no standby.")
  @Min(1)
  @Max(65535)
  private Integer testPort;

  public Scheme getScheme() {
    return scheme;
  }

  public void setScheme(Scheme scheme) {
    this.scheme = scheme;
  }

  public List<String> getSecurityGroups() {
    return securityGroups;
  }

  public void setSecurityGroups(List<String> securityGroups) {
    this.securityGroups = securityGroups == null ? new ArrayList<>() : securityGroups;
  }

  public Integer getLivePort() {
    return livePort;
  }

  public void setLivePort(Integer livePort) {
    this.livePort = livePort;
  }

  public Integer getTestPort() {
    return testPort;
  }

  public void setTestPort(Integer testPort) {
    this.testPort = testPort;
  }

  public int effectiveLivePort() {
    return livePort == null ? 80 : livePort;
  }

  public int effectiveTestPort() {
    return testPort == null ? 8983 : testPort;
  }

  /** The ELBv2 scheme string. */
  public String awsScheme() {
    return scheme == Scheme.internet_facing ? "internet-facing" : "internal";
  }
}
