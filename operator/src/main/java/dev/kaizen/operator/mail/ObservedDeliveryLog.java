package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A MailRoute's delivery log as AWS shows it: its log group, its EventBridge rule with its targets, the
 * configuration set's event destination, the shared resource policy's document, the saved query.
 */
public record ObservedDeliveryLog(Optional<Group> group, Optional<Rule> rule, Optional<Destination> destination,
    Optional<String> policyDocument, Optional<Query> query, String groupArnPrefix, String defaultBusArn,
    Optional<Boolean> othersUnderPrefix) {

  /**
   * Without {@code othersUnderPrefix}: whether another delivery log group exists under the prefix, read only for a
   * dropped delivery log whose group is gone while our policy statement is left (its removal stopped half-way).
   */
  public ObservedDeliveryLog(Optional<Group> group, Optional<Rule> rule, Optional<Destination> destination,
      Optional<String> policyDocument, Optional<Query> query, String groupArnPrefix, String defaultBusArn) {
    this(group, rule, destination, policyDocument, query, groupArnPrefix, defaultBusArn, Optional.empty());
  }

  public ObservedDeliveryLog withOthersUnderPrefix(boolean others) {
    return new ObservedDeliveryLog(group, rule, destination, policyDocument, query, groupArnPrefix, defaultBusArn,
        Optional.of(others));
  }

  /** Whether the shared policy holds the statement {@code sid}. */
  public boolean holdsStatement(String sid) {
    return policyDocument.map(document -> document.contains("\"" + sid + "\"")).orElse(false);
  }

  /**
   * Our statement is left in the shared policy after our group went, and no other delivery log group needs it: the
   * removal of a dropped delivery log stopped between the group and the policy, and must be finished.
   */
  public boolean statementLeftBehind(String sid) {
    return group.isEmpty() && holdsStatement(sid) && othersUnderPrefix.equals(Optional.of(false));
  }

  /**
   * Nothing exists yet (an offline plan, or an account not read).
   *
   * @param groupArnPrefix {@code arn:<partition>:logs:<region>:<account>:log-group:}, a group's ARN without its name
   * @param defaultBusArn the ARN of the account's default event bus in the Region
   */
  public static ObservedDeliveryLog nothing(String groupArnPrefix, String defaultBusArn) {
    return new ObservedDeliveryLog(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), groupArnPrefix, defaultBusArn);
  }

  public ObservedDeliveryLog withDestination(Optional<Destination> destination) {
    return new ObservedDeliveryLog(group, rule, destination, policyDocument, query, groupArnPrefix, defaultBusArn,
        othersUnderPrefix);
  }

  public ObservedDeliveryLog withPolicy(String document) {
    return new ObservedDeliveryLog(group, rule, destination, Optional.ofNullable(document), query, groupArnPrefix,
        defaultBusArn, othersUnderPrefix);
  }

  /** The ARN of a log group of this account and Region, as an EventBridge target names it. */
  public String groupArn(String name) {
    return groupArnPrefix + name;
  }

  /** @param arn the group's ARN without the trailing {@code :*} (what an EventBridge target names) */
  public record Group(String name, String arn, Integer retentionInDays, Map<String, String> tags) {
    public Group {
      tags = Map.copyOf(tags);
    }
  }

  /** @param targets the rule's targets' ARNs by target ID */
  public record Rule(String name, String eventPattern, boolean enabled, Map<String, String> tags,
      Map<String, String> targets) {
    public Rule {
      tags = Map.copyOf(tags);
      targets = Map.copyOf(targets);
    }
  }

  /** @param eventBusArn null when the destination is not EventBridge */
  public record Destination(String name, boolean enabled, List<String> eventTypes, String eventBusArn) {
    public Destination {
      eventTypes = eventTypes.stream().sorted().distinct().toList();
    }
  }

  public record Query(String id, String name, String queryString, List<String> logGroupNames) {
    public Query {
      logGroupNames = List.copyOf(logGroupNames);
    }
  }
}
