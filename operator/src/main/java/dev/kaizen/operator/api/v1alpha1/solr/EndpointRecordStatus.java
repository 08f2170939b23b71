package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The live endpoint's Route 53 alias record, as last written and seen (also where to remove it from). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndpointRecordStatus {

  @JsonPropertyDescription("The record's name, e.g. solr.search.example.com.")
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("The hosted zone that holds it.")
  @Size(max = 32)
  private String hostedZoneId;

  @JsonPropertyDescription("The alias record types written: A, and AAAA for a dualstack load balancer.")
  @Size(max = 2)
  private List<@Size(max = 4) String> types = new ArrayList<>();

  @JsonPropertyDescription("The live endpoint by that name: http://<name>:<live port>/solr; empty until the record"
      + " points at the load balancer.")
  @Size(max = 320)
  private String endpoint;

  public EndpointRecordStatus() {}

  public EndpointRecordStatus(String name, String hostedZoneId, List<String> types, String endpoint) {
    this.name = name;
    this.hostedZoneId = hostedZoneId;
    this.types = new ArrayList<>(types);
    this.endpoint = endpoint;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getHostedZoneId() {
    return hostedZoneId;
  }

  public void setHostedZoneId(String hostedZoneId) {
    this.hostedZoneId = hostedZoneId;
  }

  public List<String> getTypes() {
    return types;
  }

  public void setTypes(List<String> types) {
    this.types = types == null ? new ArrayList<>() : types;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }
}
