package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The SES configuration set every mail of the domain goes through: it is made the identity's default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigurationSetSpec {
  public enum TlsPolicy { REQUIRE, OPTIONAL }

  public enum SuppressedReason { BOUNCE, COMPLAINT }

  @JsonPropertyDescription("The configuration set's name: letters, digits, '_' and '-', at most 64. Cannot change.")
  @Required
  @Size(min = 1, max = 64)
  @Pattern("^[a-zA-Z0-9_-]+$")
  @ValidationRule(value = "self == oldSelf", message = "configurationSet.name cannot change: remove the"
      + " configurationSet block, then add one with the new name.")
  private String name;

  @JsonPropertyDescription("REQUIRE: SES delivers only over TLS; OPTIONAL (default): TLS when the receiver offers it.")
  private TlsPolicy tlsPolicy;

  @JsonPropertyDescription("Whether SES tracks bounce and complaint rates for this configuration set (default true).")
  private Boolean reputationMetrics;

  @JsonPropertyDescription("Whether mail through this configuration set is sent (default true); false pauses it.")
  private Boolean sendingEnabled;

  @JsonPropertyDescription("Addresses SES stops sending to after a BOUNCE or COMPLAINT. Omit to follow the account's"
      + " suppression list settings; an empty list suppresses nothing for this configuration set.")
  @Size(max = 2)
  private List<SuppressedReason> suppressedReasons;

  @JsonPropertyDescription("The dedicated IP pool mail through this configuration set is sent from (the set's"
      + " sending pool). Omit to send from the account's default (shared, or ses-default-dedicated-pool).")
  private DedicatedIpPoolSpec dedicatedIpPool;

  public DedicatedIpPoolSpec getDedicatedIpPool() {
    return dedicatedIpPool;
  }

  public void setDedicatedIpPool(DedicatedIpPoolSpec dedicatedIpPool) {
    this.dedicatedIpPool = dedicatedIpPool;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public TlsPolicy getTlsPolicy() {
    return tlsPolicy;
  }

  public void setTlsPolicy(TlsPolicy tlsPolicy) {
    this.tlsPolicy = tlsPolicy;
  }

  public Boolean getReputationMetrics() {
    return reputationMetrics;
  }

  public void setReputationMetrics(Boolean reputationMetrics) {
    this.reputationMetrics = reputationMetrics;
  }

  public Boolean getSendingEnabled() {
    return sendingEnabled;
  }

  public void setSendingEnabled(Boolean sendingEnabled) {
    this.sendingEnabled = sendingEnabled;
  }

  public List<SuppressedReason> getSuppressedReasons() {
    return suppressedReasons;
  }

  public void setSuppressedReasons(List<SuppressedReason> suppressedReasons) {
    this.suppressedReasons = suppressedReasons;
  }
}
