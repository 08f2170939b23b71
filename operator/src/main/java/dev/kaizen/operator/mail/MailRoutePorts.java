package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.Map;

/**
 * Everything a MailRoute plan is applied through, in one account and region: SES v2 there, Route 53 of the account,
 * the public DNS (for SPF lookup counting), and the account's default tags for what it creates.
 */
public record MailRoutePorts(AwsTarget target, IdentityGateway ses, ConfigurationSetGateway configurationSets,
    DnsGateway dns, DnsResolver resolver, Map<String, String> defaultTags) {

  public MailRoutePorts {
    defaultTags = Map.copyOf(defaultTags);
  }

  /**
   * The same ports for one reconcile of one resource in an account with these default tags: its Route 53 calls keep
   * their turn on the account-wide bucket. SES's buckets are per operation, which resources hardly contend for.
   */
  public MailRoutePorts forCaller(AwsCaller caller, Map<String, String> tags) {
    return new MailRoutePorts(target, ses, configurationSets, dns.forCaller(caller), resolver, tags);
  }
}
