package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.Map;

/**
 * Everything a MailRoute plan is applied through, in one account and region: SES v2 there, Route 53 of the account,
 * the public DNS (for SPF lookup counting), and the account's default tags for what it creates.
 */
public record MailRoutePorts(AwsTarget target, IdentityGateway ses, ConfigurationSetGateway configurationSets,
    DedicatedIpPoolGateway pools, DnsGateway dns, DnsResolver resolver, Map<String, String> defaultTags,
    DeliveryLogGateway deliveryLog, ReputationAlarmGateway reputationAlarms) {

  public MailRoutePorts {
    defaultTags = Map.copyOf(defaultTags);
  }

  /** Ports without reputation alarms (planner tests of the other parts). */
  public MailRoutePorts(AwsTarget target, IdentityGateway ses, ConfigurationSetGateway configurationSets,
      DedicatedIpPoolGateway pools, DnsGateway dns, DnsResolver resolver, Map<String, String> defaultTags,
      DeliveryLogGateway deliveryLog) {
    this(target, ses, configurationSets, pools, dns, resolver, defaultTags, deliveryLog, null);
  }

  /** Ports without a delivery log (planner tests of the other parts). */
  public MailRoutePorts(AwsTarget target, IdentityGateway ses, ConfigurationSetGateway configurationSets,
      DedicatedIpPoolGateway pools, DnsGateway dns, DnsResolver resolver, Map<String, String> defaultTags) {
    this(target, ses, configurationSets, pools, dns, resolver, defaultTags, null);
  }

  /**
   * The same ports for one reconcile of one resource in an account with these default tags: its calls keep their
   * turn — Route 53's on the account-wide bucket, SES's on buckets of one token (1 request/s, half of it ours), where
   * a retry refused on one read would otherwise spend the next token on another read again and never get through
   * (seen: a MailRoute held back for good on GetEmailIdentity).
   */
  public MailRoutePorts forCaller(AwsCaller caller, Map<String, String> tags) {
    return new MailRoutePorts(target, ses.forCaller(caller), configurationSets.forCaller(caller),
        pools.forCaller(caller), dns.forCaller(caller),
        resolver, tags, deliveryLog == null ? null : deliveryLog.forCaller(caller),
        reputationAlarms == null ? null : reputationAlarms.forCaller(caller));
  }
}
