package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status fields every kind shares: what generation was seen, the conditions, the pending plan, the ownership
 * verdicts, changes waiting to take effect and requests acted on.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class KaizenStatus {

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Reconciling and Stalled, with kstatus meaning.")
  @SchemaFrom(type = ConditionSchema[].class)
  @Size(max = 16)
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription(
      "Changes the operator would make and has not made: all of them in mode Plan, else those still pending.")
  // Generous: the operator writes these, and a status the API server rejects would hide everything else.
  @Size(max = 1000)
  private List<@Size(max = 65536) String> plan = new ArrayList<>();

  @JsonPropertyDescription("When AWS was last fully re-read for this resource (RFC 3339).")
  @Size(max = 64)
  private String lastFullSyncTime;

  @JsonPropertyDescription("Whose the root AWS object was at the last full observe; a light observe keeps this verdict.")
  private OwnershipStatus ownership;

  @JsonPropertyDescription("Changes made that have not yet taken effect; a restarted operator waits for these instead"
      + " of making them again.")
  @Size(max = 64)
  private List<PendingChange> pending = new ArrayList<>();

  @JsonPropertyDescription("The generation whose changes were refused as they are (a terminal failure): nothing is"
      + " applied again until the spec changes or the annotation kaizen.dev/retry is set to a new value.")
  private Long blockedGeneration;

  @JsonPropertyDescription("The kaizen.dev/* request annotations acted on, by name, with the value acted on: a request"
      + " is acted on once per value.")
  @Size(max = 16)
  private Map<String, @Size(max = 256) String> requests = new LinkedHashMap<>();

  @JsonPropertyDescription("The 12-digit ID of the AWS account the resource's objects were found or created in (as"
      + " STS reports it); absent until one of its objects exists, or while the ID cannot be read.")
  @Size(max = 63) // 12 digits; older versions wrote the binding's name here (see accountName)
  private String account;

  @JsonPropertyDescription("The account binding those objects live in: the AwsAccount's name, or default for the"
      + " operator's own credentials. Another binding is refused while this is set (moving is a migration).")
  @Size(max = 63)
  private String accountName;

  /** The 12-digit account ID (older statuses: the binding's name, with no {@link #getAccountName()}). */
  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getAccountName() {
    return accountName;
  }

  public void setAccountName(String accountName) {
    this.accountName = accountName;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : conditions;
  }

  public List<String> getPlan() {
    return plan;
  }

  public void setPlan(List<String> plan) {
    this.plan = plan == null ? new ArrayList<>() : plan;
  }

  public String getLastFullSyncTime() {
    return lastFullSyncTime;
  }

  public void setLastFullSyncTime(String lastFullSyncTime) {
    this.lastFullSyncTime = lastFullSyncTime;
  }

  public OwnershipStatus getOwnership() {
    return ownership;
  }

  public void setOwnership(OwnershipStatus ownership) {
    this.ownership = ownership;
  }

  public Long getBlockedGeneration() {
    return blockedGeneration;
  }

  public void setBlockedGeneration(Long blockedGeneration) {
    this.blockedGeneration = blockedGeneration;
  }

  public List<PendingChange> getPending() {
    return pending;
  }

  public void setPending(List<PendingChange> pending) {
    this.pending = pending == null ? new ArrayList<>() : pending;
  }

  public Map<String, String> getRequests() {
    return requests;
  }

  public void setRequests(Map<String, String> requests) {
    this.requests = requests == null ? new LinkedHashMap<>() : requests;
  }
}
