package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A Route 53 alias record for the live endpoint: {@code recordName} -> the load balancer (A, and AAAA when the load
 * balancer is dualstack), owned through the {@code _kaizen-owner.<recordName>} TXT marker.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.hostedZoneId) != has(self.hostedZoneName)",
    message = "dns needs exactly one of hostedZoneId or hostedZoneName.")
@ValidationRule(value = "!has(self.hostedZoneName) || self.recordName == self.hostedZoneName"
    + " || self.recordName.endsWith('.' + self.hostedZoneName)",
    message = "dns.recordName must be in the hosted zone dns.hostedZoneName (equal to it or ending with .<zone>).")
public class EndpointDnsSpec {
  /** A DNS name of letters, digits and hyphens, lower case, without the final dot. */
  public static final String NAME_PATTERN =
      "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";

  @JsonPropertyDescription("The Route 53 hosted zone's id, e.g. Z0123456789ABCDEFGHIJ.")
  @Size(max = 32)
  @Pattern("^Z[A-Z0-9]{1,31}$")
  private String hostedZoneId;

  @JsonPropertyDescription("The hosted zone's name, e.g. search.example.com; public or private, but the only zone of"
      + " that name in the account (else give hostedZoneId).")
  @Size(max = 253)
  @Pattern(NAME_PATTERN)
  private String hostedZoneName;

  @JsonPropertyDescription("The endpoint's name, e.g. solr.search.example.com: an alias A record (and AAAA when the"
      + " load balancer is dualstack) to the load balancer, evaluating its target health. Changing or removing it"
      + " moves or removes the record the operator made.")
  @Required
  @Size(max = 240)
  @Pattern(NAME_PATTERN)
  private String recordName;

  public String getHostedZoneId() {
    return hostedZoneId;
  }

  public void setHostedZoneId(String hostedZoneId) {
    this.hostedZoneId = hostedZoneId;
  }

  public String getHostedZoneName() {
    return hostedZoneName;
  }

  public void setHostedZoneName(String hostedZoneName) {
    this.hostedZoneName = hostedZoneName;
  }

  public String getRecordName() {
    return recordName;
  }

  public void setRecordName(String recordName) {
    this.recordName = recordName;
  }
}
