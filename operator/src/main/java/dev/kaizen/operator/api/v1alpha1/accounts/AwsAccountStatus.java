package dev.kaizen.operator.api.v1alpha1.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AwsAccountStatus extends KaizenStatus {

  @JsonPropertyDescription("The 12-digit account actually reached, as STS reported it after assuming the role.")
  @Size(max = 12)
  private String accountId;

  @JsonPropertyDescription("The identity STS reported for the assumed role (GetCallerIdentity's ARN).")
  @Size(max = 2048)
  private String callerArn;

  @JsonPropertyDescription("When the role was last assumed successfully (RFC 3339).")
  @Size(max = 64)
  private String lastVerified;

  @JsonPropertyDescription("Resources bound to this account (namespace/Kind/name), shown while a deletion waits for"
      + " them: the account cannot be deleted while it is used.")
  @Size(max = 100)
  private List<@Size(max = 512) String> usedBy = new ArrayList<>();

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getCallerArn() {
    return callerArn;
  }

  public void setCallerArn(String callerArn) {
    this.callerArn = callerArn;
  }

  public String getLastVerified() {
    return lastVerified;
  }

  public void setLastVerified(String lastVerified) {
    this.lastVerified = lastVerified;
  }

  public List<String> getUsedBy() {
    return usedBy;
  }

  public void setUsedBy(List<String> usedBy) {
    this.usedBy = usedBy == null ? new ArrayList<>() : usedBy;
  }
}
