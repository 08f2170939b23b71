package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentityStatus {
  @JsonPropertyDescription("The SES identity (the domain).")
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("SES's verification status: PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED.")
  @Size(max = 32)
  private String verificationStatus;

  @JsonPropertyDescription("The Easy DKIM status: PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED.")
  @Size(max = 32)
  private String dkimStatus;

  @JsonPropertyDescription("When the operator first saw DKIM pending with the current tokens (RFC 3339); SES gives up"
      + " after 72 hours.")
  @Size(max = 64)
  private String dkimPendingSince;

  @JsonPropertyDescription("The MAIL FROM domain and its status: PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE.")
  @Size(max = 253)
  private String mailFromDomain;

  @Size(max = 32)
  private String mailFromStatus;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getVerificationStatus() {
    return verificationStatus;
  }

  public void setVerificationStatus(String verificationStatus) {
    this.verificationStatus = verificationStatus;
  }

  public String getDkimStatus() {
    return dkimStatus;
  }

  public void setDkimStatus(String dkimStatus) {
    this.dkimStatus = dkimStatus;
  }

  public String getDkimPendingSince() {
    return dkimPendingSince;
  }

  public void setDkimPendingSince(String dkimPendingSince) {
    this.dkimPendingSince = dkimPendingSince;
  }

  public String getMailFromDomain() {
    return mailFromDomain;
  }

  public void setMailFromDomain(String mailFromDomain) {
    this.mailFromDomain = mailFromDomain;
  }

  public String getMailFromStatus() {
    return mailFromStatus;
  }

  public void setMailFromStatus(String mailFromStatus) {
    this.mailFromStatus = mailFromStatus;
  }
}
