package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.hostedZoneId) ? 1 : 0) + (has(self.hostedZoneName) ? 1 : 0)"
    + " + (has(self.manual) && self.manual ? 1 : 0) == 1",
    message = "dns needs exactly one of hostedZoneId, hostedZoneName or manual: true.")
public class DnsSpec {
  @JsonPropertyDescription("The Route 53 hosted zone's id, e.g. Z0123456789ABCDEFGHIJ.")
  @Size(max = 32)
  @Pattern("^Z[A-Z0-9]{1,31}$")
  private String hostedZoneId;

  @JsonPropertyDescription("The Route 53 public hosted zone's name, e.g. example.com; it must be the only public zone"
      + " of that name in the account.")
  @Size(max = 253)
  @Pattern(MailRouteSpec.DOMAIN_PATTERN)
  private String hostedZoneName;

  @JsonPropertyDescription("The domain's DNS is not in Route 53: the operator writes no record and lists in"
      + " status.dnsRecords exactly what a person must create; verification is awaited the same way.")
  private Boolean manual;

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

  public Boolean getManual() {
    return manual;
  }

  public void setManual(Boolean manual) {
    this.manual = manual;
  }

  public boolean isManual() {
    return Boolean.TRUE.equals(manual);
  }
}
