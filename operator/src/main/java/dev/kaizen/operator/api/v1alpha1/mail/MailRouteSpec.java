package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.deliveryLog) || has(self.configurationSet)", message = "deliveryLog needs a"
    + " configurationSet: SES publishes events through a configuration set's event destination.")
@ValidationRule(value = "!has(self.reputationAlarms) || has(self.configurationSet)"
    + " && (!has(self.configurationSet.reputationMetrics) || self.configurationSet.reputationMetrics)",
    message = "reputationAlarms needs a configurationSet with reputationMetrics on: SES publishes the bounce and"
        + " complaint rates per configuration set only then.")
public class MailRouteSpec extends AwsResourceSpec {
  /** A DNS domain name: dot-separated labels of letters, digits and hyphens, no trailing dot. */
  public static final String DOMAIN_PATTERN =
      "^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$";

  @JsonPropertyDescription("The sending domain, e.g. example.com: the SES identity's name. Cannot change.")
  @Required
  @Size(max = 253)
  @Pattern(DOMAIN_PATTERN)
  @ValidationRule(value = "self == oldSelf", message = "domain cannot change: to send from another domain, create"
      + " another MailRoute and delete this one.")
  private String domain;

  @JsonPropertyDescription("Where the domain's DNS records live: a Route 53 hosted zone (by id or by name), or manual"
      + " (status.dnsRecords then lists the records a person must create).")
  @Required
  private DnsSpec dns;

  @JsonPropertyDescription("Easy DKIM settings.")
  private DkimSpec dkim;

  @JsonPropertyDescription("A custom MAIL FROM subdomain, with its MX and SPF records. Omit to use SES's own.")
  private MailFromSpec mailFrom;

  @JsonPropertyDescription("The DMARC record at _dmarc.<domain>. Omit to publish none (an existing one is left alone).")
  private DmarcSpec dmarc;

  @JsonPropertyDescription("The apex SPF record, for domains that also send through other services.")
  private SpfSpec spf;

  @JsonPropertyDescription("An SES configuration set made the identity's default, so every mail of the domain goes"
      + " through it (TLS policy, reputation metrics, sending, suppression). Omit to send without one.")
  private ConfigurationSetSpec configurationSet;

  @JsonPropertyDescription("The delivery log: the configuration set's SES events (send, delivery, bounce, complaint,"
      + " reject, delivery delay) kept in the CloudWatch Logs group /kaizen/mail/<namespace>/<name>, with a saved Logs"
      + " Insights query that finds what happened to one recipient's mail. Needs configurationSet.")
  private DeliveryLogSpec deliveryLog;

  @JsonPropertyDescription("CloudWatch alarms on the configuration set's bounce and complaint rates (defaults 2 % and"
      + " 0.05 %, below SES's review levels of 5 % and 0.1 %), optionally notifying SNS topics; the ReputationHealthy"
      + " condition follows their state. Needs configurationSet with reputationMetrics on.")
  private ReputationAlarmsSpec reputationAlarms;

  public ReputationAlarmsSpec getReputationAlarms() {
    return reputationAlarms;
  }

  public void setReputationAlarms(ReputationAlarmsSpec reputationAlarms) {
    this.reputationAlarms = reputationAlarms;
  }

  public DeliveryLogSpec getDeliveryLog() {
    return deliveryLog;
  }

  public void setDeliveryLog(DeliveryLogSpec deliveryLog) {
    this.deliveryLog = deliveryLog;
  }

  public ConfigurationSetSpec getConfigurationSet() {
    return configurationSet;
  }

  public void setConfigurationSet(ConfigurationSetSpec configurationSet) {
    this.configurationSet = configurationSet;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public DnsSpec getDns() {
    return dns;
  }

  public void setDns(DnsSpec dns) {
    this.dns = dns;
  }

  public DkimSpec getDkim() {
    return dkim;
  }

  public void setDkim(DkimSpec dkim) {
    this.dkim = dkim;
  }

  public MailFromSpec getMailFrom() {
    return mailFrom;
  }

  public void setMailFrom(MailFromSpec mailFrom) {
    this.mailFrom = mailFrom;
  }

  public DmarcSpec getDmarc() {
    return dmarc;
  }

  public void setDmarc(DmarcSpec dmarc) {
    this.dmarc = dmarc;
  }

  public SpfSpec getSpf() {
    return spf;
  }

  public void setSpf(SpfSpec spf) {
    this.spf = spf;
  }
}
