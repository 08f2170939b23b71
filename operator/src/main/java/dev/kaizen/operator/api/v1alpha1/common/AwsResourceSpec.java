package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The fields every AWS-backed kind shares: {@link KaizenSpec}'s, and the region of its objects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class AwsResourceSpec extends KaizenSpec {

  @JsonPropertyDescription("AWS region of the objects, e.g. eu-west-1. Defaults to the operator's region.")
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]$")
  @Size(max = 32)
  private String region;

  @JsonPropertyDescription("The AwsAccount whose account the objects live in. Default: the account named by the"
      + " namespace's kaizen.dev/aws-account label, else the operator's own credentials. Cannot change once objects"
      + " exist: moving infrastructure between accounts is a migration (create a resource in the new account, then"
      + " delete this one).")
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  private String accountRef;

  public String getAccountRef() {
    return accountRef;
  }

  public void setAccountRef(String accountRef) {
    this.accountRef = accountRef;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }
}
