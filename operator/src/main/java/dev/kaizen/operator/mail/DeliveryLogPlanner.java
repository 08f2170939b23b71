package dev.kaizen.operator.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.Happened;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.core.shared.ResourcePolicyStatements;
import dev.kaizen.operator.core.shared.SharedEdit;
import dev.kaizen.operator.core.shared.SharedObjectTooLargeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery log's part of a MailRoute plan, in the order the pieces need each other: the log group (and its
 * retention), this cluster's statement in the shared resource policy (EventBridge may write there), the rule and its
 * target, the configuration set's event destination (events flow from then on), the saved query. Deletion goes the
 * other way; the policy statement goes only with the last delivery log group under the prefix.
 */
final class DeliveryLogPlanner {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The owner our statement in the shared policy is named after: one statement per cluster, for every MailRoute. */
  static final String POLICY_STATEMENT_OWNER = "MailRoute delivery logs";

  private DeliveryLogPlanner() {}

  static String groupKey(String name) {
    return "CloudWatch Logs group " + name;
  }

  static String ruleKey(String name) {
    return "EventBridge rule " + name;
  }

  /** This cluster's statement: EventBridge may create streams and put events in every group under the prefix. */
  static ObjectNode statement(ObservedDeliveryLog observed) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents");
    statement.put("Resource", observed.groupArn(DesiredDeliveryLog.GROUP_PREFIX) + "*:*");
    return statement;
  }

  static String sid(OwnerTags mine) {
    return ResourcePolicyStatements.sid(mine.cluster(), POLICY_STATEMENT_OWNER);
  }

  /** The changes for {@code desired}; none while the group or the rule exists and is not ours. */
  static List<Change<MailRoutePorts>> plan(DesiredDeliveryLog desired, ObservedDeliveryLog observed, Verdicts verdicts,
      OwnerTags mine, Map<String, String> defaultTags) {
    String group = desired.groupName();
    String rule = desired.ruleName();
    if (observed.group().isPresent() && !verdicts.of(groupKey(group)).mayManage()
        || observed.rule().isPresent() && !verdicts.of(ruleKey(rule)).mayManage()) {
      return List.of();
    }
    Map<String, String> wantedTags = MailRoutePlanner.tags(defaultTags, mine);
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    int days = desired.retentionInDays();
    if (observed.group().isEmpty()) {
      changes.add(Change.of(Effect.CREATE, "CreateLogGroup", group, "absent",
          ports -> ports.deliveryLog().createGroup(group, MailRoutePlanner.tags(ports.defaultTags(), mine))));
      changes.add(Change.of(Effect.UPDATE, "PutRetentionPolicy", group, "new group; " + days + " days",
          ports -> ports.deliveryLog().retention(group, days)));
    } else {
      ObservedDeliveryLog.Group found = observed.group().get();
      MailRoutePlanner.missingTags(found.tags(), wantedTags).ifPresent(missing -> changes.add(Change.of(Effect.UPDATE,
          "TagResource", group, missing, ports -> ports.deliveryLog().tagGroup(group, wantedTags))));
      if (!Objects.equals(found.retentionInDays(), days)) {
        changes.add(Change.of(Effect.UPDATE, "PutRetentionPolicy", group, Objects.requireNonNullElse(
            found.retentionInDays(), "never expire") + " -> " + days + " days",
            ports -> ports.deliveryLog().retention(group, days)));
      }
    }
    policyChange(observed, mine).ifPresent(changes::add);
    String pattern = desired.eventPattern();
    if (observed.rule().isEmpty()) {
      changes.add(Change.of(Effect.CREATE, "PutRule", rule, "absent; SES events of configuration set "
          + desired.configurationSet(), ports -> ports.deliveryLog().putRule(rule, pattern, description(desired),
          MailRoutePlanner.tags(ports.defaultTags(), mine))));
    } else {
      ObservedDeliveryLog.Rule found = observed.rule().get();
      MailRoutePlanner.missingTags(found.tags(), wantedTags).ifPresent(missing -> changes.add(Change.of(Effect.UPDATE,
          "TagResource", rule, missing, ports -> ports.deliveryLog().tagRule(rule, wantedTags))));
      List<String> drift = new ArrayList<>();
      if (!sameJson(found.eventPattern(), pattern)) {
        drift.add("event pattern differs");
      }
      if (!found.enabled()) {
        drift.add("DISABLED -> ENABLED");
      }
      if (!drift.isEmpty()) {
        changes.add(Change.of(Effect.UPDATE, "PutRule", rule, String.join(", ", drift),
            ports -> ports.deliveryLog().putRule(rule, pattern, description(desired), wantedTags)));
      }
    }
    String groupArn = observed.groupArn(group);
    String target = observed.rule().map(r -> r.targets().get(DesiredDeliveryLog.DESTINATION_NAME)).orElse(null);
    if (!groupArn.equals(target)) {
      changes.add(Change.of(target == null ? Effect.CREATE : Effect.UPDATE, "PutTargets",
          rule + " " + DesiredDeliveryLog.DESTINATION_NAME, target == null ? "no target: events would go nowhere"
              : "target " + target + " -> " + groupArn,
          ports -> ports.deliveryLog().putTarget(rule, DesiredDeliveryLog.DESTINATION_NAME, groupArn)));
    }
    String set = desired.configurationSet();
    Optional<ObservedDeliveryLog.Destination> destination = observed.destination();
    if (destination.isEmpty()) {
      changes.add(Change.of(Effect.CREATE, "CreateConfigurationSetEventDestination",
          set + " " + DesiredDeliveryLog.DESTINATION_NAME, "absent; events " + desired.eventTypes()
              + " to the default event bus",
          ports -> ports.deliveryLog().putDestination(set, DesiredDeliveryLog.DESTINATION_NAME, desired.eventTypes(),
              false)));
    } else {
      ObservedDeliveryLog.Destination found = destination.get();
      List<String> drift = new ArrayList<>();
      if (!found.enabled()) {
        drift.add("disabled -> enabled");
      }
      if (!found.eventTypes().equals(desired.eventTypes())) {
        drift.add("events " + found.eventTypes() + " -> " + desired.eventTypes());
      }
      if (!observed.defaultBusArn().equals(found.eventBusArn())) {
        drift.add("destination " + Objects.requireNonNullElse(found.eventBusArn(), "(not EventBridge)")
            + " -> the default event bus");
      }
      if (!drift.isEmpty()) {
        changes.add(Change.of(Effect.UPDATE, "UpdateConfigurationSetEventDestination",
            set + " " + DesiredDeliveryLog.DESTINATION_NAME, String.join(", ", drift),
            ports -> ports.deliveryLog().putDestination(set, DesiredDeliveryLog.DESTINATION_NAME,
                desired.eventTypes(), true)));
      }
    }
    String query = desired.queryName();
    String queryString = desired.queryString();
    Optional<ObservedDeliveryLog.Query> saved = observed.query();
    if (saved.isEmpty()) {
      changes.add(Change.of(Effect.CREATE, "PutQueryDefinition", query, "absent",
          ports -> ports.deliveryLog().putQuery(Optional.empty(), query, queryString, List.of(group))));
    } else if (!saved.get().queryString().equals(queryString) || !saved.get().logGroupNames().equals(List.of(group))) {
      String id = saved.get().id();
      changes.add(Change.of(Effect.UPDATE, "PutQueryDefinition", query, "query or log groups differ",
          ports -> ports.deliveryLog().putQuery(Optional.of(id), query, queryString, List.of(group))));
    }
    return changes;
  }

  /** Our statement in the shared policy, written only when missing or different (never rewriting others'). */
  private static Optional<Change<MailRoutePorts>> policyChange(ObservedDeliveryLog observed, OwnerTags mine) {
    String sid = sid(mine);
    ResourcePolicyStatements.Outcome outcome;
    try {
      outcome = ResourcePolicyStatements.edit(observed.policyDocument(), sid, Optional.of(statement(observed)));
    } catch (SharedObjectTooLargeException full) {
      throw new MailRouteStalled(MailRouteStalled.DELIVERY_LOG_POLICY, "EventBridge cannot be allowed to write the"
          + " delivery log: " + full.getMessage() + " Remove statements from the CloudWatch Logs resource policy "
          + DesiredDeliveryLog.POLICY_NAME + ".");
    }
    if (outcome.document().isEmpty()) {
      return Optional.empty();
    }
    String document = outcome.document().get();
    boolean creates = outcome.edit() instanceof SharedEdit.Create;
    return Optional.of(Change.of(creates ? Effect.CREATE : Effect.UPDATE, "PutResourcePolicy",
        DesiredDeliveryLog.POLICY_NAME, creates ? "absent; statement " + sid + " lets EventBridge write under "
            + DesiredDeliveryLog.GROUP_PREFIX : "statement " + sid + " missing or different (other statements kept)",
        ports -> ports.deliveryLog().putPolicy(DesiredDeliveryLog.POLICY_NAME, document)));
  }

  /**
   * The resource deleted (policy Delete): the rule's targets and the rule, the event destination, the saved query,
   * the group; then our policy statement, only if no other delivery log group remains under the prefix — checked
   * when the change runs, after our group is gone, so of two routes deleted at once the later one removes it.
   */
  static List<Change<MailRoutePorts>> deletion(DesiredDeliveryLog desired, ObservedDeliveryLog observed,
      Verdicts verdicts, OwnerTags mine, String reason) {
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    String rule = desired.ruleName();
    observed.rule().filter(found -> verdicts.deletable(ruleKey(rule))).ifPresent(found -> {
      if (!found.targets().isEmpty()) {
        List<String> ids = List.copyOf(found.targets().keySet());
        changes.add(Change.of(Effect.DELETE, "RemoveTargets", rule + " " + String.join(",", ids), reason,
            ports -> ports.deliveryLog().removeTargets(rule, ids)));
      }
      changes.add(Change.of(Effect.DELETE, "DeleteRule", rule, reason, ports -> ports.deliveryLog().deleteRule(rule)));
    });
    String set = desired.configurationSet();
    observed.destination().ifPresent(found -> changes.add(Change.of(Effect.DELETE,
        "DeleteConfigurationSetEventDestination", set + " " + found.name(), reason,
        ports -> ports.deliveryLog().deleteDestination(set, found.name()))));
    observed.query().ifPresent(found -> changes.add(Change.of(Effect.DELETE, "DeleteQueryDefinition", found.name(),
        reason, ports -> ports.deliveryLog().deleteQuery(found.id()))));
    String group = desired.groupName();
    boolean groupGoes = observed.group().isPresent() && verdicts.deletable(groupKey(group));
    if (groupGoes) {
      changes.add(Change.of(Effect.DELETE, "DeleteLogGroup", group, reason,
          ports -> ports.deliveryLog().deleteGroup(group)));
    }
    String sid = sid(mine);
    // Not when other groups are known to be under the prefix: the statement is theirs to need.
    if (observed.holdsStatement(sid) && (groupGoes || observed.group().isEmpty())
        && !observed.othersUnderPrefix().orElse(false)) {
      changes.add(Change.reporting(Effect.DELETE, "PutResourcePolicy", DesiredDeliveryLog.POLICY_NAME,
          "statement " + sid + " removed if no delivery log group remains under " + DesiredDeliveryLog.GROUP_PREFIX,
          ports -> releaseStatement(ports.deliveryLog(), sid, group)));
    }
    return changes;
  }

  private static Happened releaseStatement(DeliveryLogGateway gateway, String sid, String ourGroup) {
    if (gateway.otherGroupsUnder(DesiredDeliveryLog.GROUP_PREFIX, ourGroup)) {
      return Happened.NOTHING; // another delivery log still needs EventBridge to write under the prefix
    }
    Optional<String> stored = gateway.policy(DesiredDeliveryLog.POLICY_NAME);
    ResourcePolicyStatements.Outcome outcome = ResourcePolicyStatements.edit(stored, sid, Optional.empty());
    if (outcome.edit() instanceof SharedEdit.Delete) {
      gateway.deletePolicy(DesiredDeliveryLog.POLICY_NAME);
      return Happened.DELETED;
    }
    if (outcome.document().isPresent()) {
      gateway.putPolicy(DesiredDeliveryLog.POLICY_NAME, outcome.document().get());
      return Happened.UPDATED;
    }
    return Happened.NOTHING;
  }

  private static String description(DesiredDeliveryLog desired) {
    return "kaizen-operator: SES events of configuration set " + desired.configurationSet() + " to "
        + desired.groupName();
  }

  private static boolean sameJson(String stored, String wanted) {
    if (stored == null) {
      return false;
    }
    try {
      JsonNode a = JSON.readTree(stored);
      JsonNode b = JSON.readTree(wanted);
      return a.equals(b);
    } catch (Exception notJson) {
      return false;
    }
  }
}
