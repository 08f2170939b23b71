package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class MailFromSpec {
  public enum BehaviorOnMxFailure { USE_DEFAULT_VALUE, REJECT_MESSAGE }

  @JsonPropertyDescription("The MAIL FROM subdomain's first label, e.g. bounce for bounce.<domain>.")
  @Required
  @Size(max = 63)
  @Pattern("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")
  private String subdomain;

  @JsonPropertyDescription("What SES does when the MX record is missing: USE_DEFAULT_VALUE (default: send from"
      + " amazonses.com) or REJECT_MESSAGE.")
  private BehaviorOnMxFailure behaviorOnMxFailure;

  public String getSubdomain() {
    return subdomain;
  }

  public void setSubdomain(String subdomain) {
    this.subdomain = subdomain;
  }

  public BehaviorOnMxFailure getBehaviorOnMxFailure() {
    return behaviorOnMxFailure;
  }

  public void setBehaviorOnMxFailure(BehaviorOnMxFailure behaviorOnMxFailure) {
    this.behaviorOnMxFailure = behaviorOnMxFailure;
  }
}
