package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SES v2 configuration sets, as MailRoute uses them: one per domain, made its identity's default. */
public interface ConfigurationSetGateway {

  /** The configuration set, or empty when SES has none of that name. */
  Optional<ObservedConfigurationSet> describe(String name);

  /**
   * One page of ListConfigurationSets (names only, up to 1,000), and the token of the next page while more remain.
   */
  NamePage listNames(Optional<String> nextToken);

  record NamePage(List<String> names, Optional<String> nextToken) {}

  /** CreateConfigurationSet with every option of {@code desired} and the tags, in one call. */
  void create(DesiredConfigurationSet desired, Map<String, String> tags);

  /** PutConfigurationSetDeliveryOptions: the TLS policy and the sending pool (null: none), which SES sets together. */
  void deliveryOptions(String name, String tlsPolicy, String sendingPoolName);

  /** PutConfigurationSetReputationOptions. */
  void reputationMetrics(String name, boolean enabled);

  /** PutConfigurationSetSendingOptions. */
  void sending(String name, boolean enabled);

  /** PutConfigurationSetSuppressionOptions. */
  void suppressedReasons(String name, List<String> reasons);

  void delete(String name);

  /** TagResource on the set's ARN: adds or overwrites these tags, leaves the others. */
  void tag(String name, Map<String, String> tags);

  /** PutEmailIdentityConfigurationSetAttributes: the identity's default configuration set (null: none). */
  void makeDefault(String domain, String name);

  ConfigurationSetGateway forCaller(AwsCaller caller);
}
