package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The load balancer as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadBalancerStatus {

  @JsonPropertyDescription("The load balancer's name.")
  @Size(max = 32)
  private String name;

  @JsonPropertyDescription("Its ARN.")
  @Size(max = 2048)
  private String arn;

  @JsonPropertyDescription("Its DNS name.")
  @Size(max = 512)
  private String dnsName;

  @JsonPropertyDescription("The live endpoint (the active colour): http://<dns>:<live port>/solr.")
  @Size(max = 600)
  private String liveEndpoint;

  @JsonPropertyDescription("The test endpoint (the standby colour, else the active one).")
  @Size(max = 600)
  private String testEndpoint;

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

  public String getDnsName() {
    return dnsName;
  }

  public void setDnsName(String dnsName) {
    this.dnsName = dnsName;
  }

  public String getLiveEndpoint() {
    return liveEndpoint;
  }

  public void setLiveEndpoint(String liveEndpoint) {
    this.liveEndpoint = liveEndpoint;
  }

  public String getTestEndpoint() {
    return testEndpoint;
  }

  public void setTestEndpoint(String testEndpoint) {
    this.testEndpoint = testEndpoint;
  }
}
