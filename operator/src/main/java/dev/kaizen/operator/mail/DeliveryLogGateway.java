package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery log's objects in one account and Region: a CloudWatch Logs group, an EventBridge rule (default bus)
 * and its target, the configuration set's event destination, the shared CloudWatch Logs resource policy and a saved
 * Logs Insights query.
 */
public interface DeliveryLogGateway {

  /** Reads the group, the rule and its targets, the shared policy and the saved query of {@code desired}. */
  ObservedDeliveryLog describe(DesiredDeliveryLog desired);

  /** The configuration set's event destination of that name (empty also when the set does not exist). */
  Optional<ObservedDeliveryLog.Destination> destination(String set, String name);

  void createGroup(String name, Map<String, String> tags);

  void retention(String group, int days);

  void tagGroup(String group, Map<String, String> tags);

  void deleteGroup(String group);

  /** PutRule: creates (with the tags) or updates the rule on the default bus, enabled. */
  void putRule(String name, String eventPattern, String description, Map<String, String> tags);

  void tagRule(String name, Map<String, String> tags);

  void putTarget(String rule, String id, String arn);

  void removeTargets(String rule, List<String> ids);

  void deleteRule(String name);

  /** Create or Update the set's EventBridge event destination on the account's default bus. */
  void putDestination(String set, String name, List<String> eventTypes, boolean exists);

  void deleteDestination(String set, String name);

  /** The document of the named resource policy, if it exists (DescribeResourcePolicies, every page). */
  Optional<String> policy(String name);

  /** PutResourcePolicy with the whole document. */
  void putPolicy(String name, String document);

  void deletePolicy(String name);

  /** Whether any log group other than {@code except} exists under {@code prefix} (one DescribeLogGroups page). */
  boolean otherGroupsUnder(String prefix, String except);

  /** PutQueryDefinition; {@code id} empty creates one. */
  void putQuery(Optional<String> id, String name, String queryString, List<String> groups);

  void deleteQuery(String id);

  DeliveryLogGateway forCaller(AwsCaller caller);
}
