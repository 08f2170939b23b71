package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class MailRouteStatus extends KaizenStatus {

  @JsonPropertyDescription("The SES identity as last observed.")
  private IdentityStatus identity;

  @JsonPropertyDescription("The Route 53 hosted zone the records are written in (resolved from dns.hostedZoneName).")
  @Size(max = 64)
  private String hostedZoneId;

  @JsonPropertyDescription("Every DNS record the domain needs, and whether it was found as needed. With dns.manual"
      + " these are the records a person must create.")
  @Size(max = 32)
  private List<DnsRecordStatus> dnsRecords = new ArrayList<>();

  @JsonPropertyDescription("The apex SPF record composed from spec.spf, with its DNS lookup counts (RFC 7208 4.6.4).")
  private SpfStatus apexSpf;

  @JsonPropertyDescription("Whether the SES account is still in the sandbox (sending only to verified addresses).")
  private Boolean sandbox;

  @JsonPropertyDescription("The SES account's enforcement status (HEALTHY, PROBATION, SHUTDOWN): a paused account"
      + " explains every failure to send.")
  @Size(max = 32)
  private String enforcementStatus;

  @JsonPropertyDescription("The SES configuration set the identity sends through by default, as last observed (or one"
      + " the spec dropped, until it is deleted).")
  @Size(max = 64)
  private String configurationSet;

  @JsonPropertyDescription("The configuration set's dedicated IP pool and its IPs, as last observed.")
  private DedicatedIpPoolStatus dedicatedIpPool;

  @JsonPropertyDescription("The CloudWatch Logs group of the delivery log, once it exists.")
  @Size(max = 512)
  private String deliveryLogGroup;

  @JsonPropertyDescription("The reputation alarms on the configuration set's bounce and complaint rates, as last"
      + " observed (or dropped from the spec, until they are deleted).")
  @Size(max = 2)
  private List<ReputationAlarmStatus> reputationAlarms = new ArrayList<>();

  public List<ReputationAlarmStatus> getReputationAlarms() {
    return reputationAlarms;
  }

  public void setReputationAlarms(List<ReputationAlarmStatus> reputationAlarms) {
    this.reputationAlarms = reputationAlarms == null ? new ArrayList<>() : reputationAlarms;
  }

  public String getDeliveryLogGroup() {
    return deliveryLogGroup;
  }

  public void setDeliveryLogGroup(String deliveryLogGroup) {
    this.deliveryLogGroup = deliveryLogGroup;
  }

  public DedicatedIpPoolStatus getDedicatedIpPool() {
    return dedicatedIpPool;
  }

  public void setDedicatedIpPool(DedicatedIpPoolStatus dedicatedIpPool) {
    this.dedicatedIpPool = dedicatedIpPool;
  }

  public String getConfigurationSet() {
    return configurationSet;
  }

  public void setConfigurationSet(String configurationSet) {
    this.configurationSet = configurationSet;
  }

  public Boolean getSandbox() {
    return sandbox;
  }

  public void setSandbox(Boolean sandbox) {
    this.sandbox = sandbox;
  }

  public String getEnforcementStatus() {
    return enforcementStatus;
  }

  public void setEnforcementStatus(String enforcementStatus) {
    this.enforcementStatus = enforcementStatus;
  }

  public IdentityStatus getIdentity() {
    return identity;
  }

  public void setIdentity(IdentityStatus identity) {
    this.identity = identity;
  }

  public String getHostedZoneId() {
    return hostedZoneId;
  }

  public void setHostedZoneId(String hostedZoneId) {
    this.hostedZoneId = hostedZoneId;
  }

  public List<DnsRecordStatus> getDnsRecords() {
    return dnsRecords;
  }

  public void setDnsRecords(List<DnsRecordStatus> dnsRecords) {
    this.dnsRecords = dnsRecords == null ? new ArrayList<>() : dnsRecords;
  }

  public SpfStatus getApexSpf() {
    return apexSpf;
  }

  public void setApexSpf(SpfStatus apexSpf) {
    this.apexSpf = apexSpf;
  }
}
