package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.EventDestination;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/** {@link DeliveryLogGateway} on the AWS SDK (CloudWatch Logs, EventBridge, SES v2); every call through {@link AwsCalls}. */
public final class AwsDeliveryLogGateway implements DeliveryLogGateway {
  static final String LOGS = "CloudWatchLogs";
  static final String EVENTS = "EventBridge";

  private final CloudWatchLogsClient logs;
  private final EventBridgeClient events;
  private final SesV2Client ses;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;
  private final AccountIds accountIds;

  public AwsDeliveryLogGateway(CloudWatchLogsClient logs, EventBridgeClient events, SesV2Client ses, AwsCalls calls,
      AwsTarget target, AccountIds accountIds) {
    this(logs, events, ses, calls, target, AwsCaller.UNQUEUED, accountIds);
  }

  private AwsDeliveryLogGateway(CloudWatchLogsClient logs, EventBridgeClient events, SesV2Client ses, AwsCalls calls,
      AwsTarget target, AwsCaller caller, AccountIds accountIds) {
    this.logs = logs;
    this.events = events;
    this.ses = ses;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
    this.accountIds = accountIds;
  }

  @Override
  public DeliveryLogGateway forCaller(AwsCaller caller) {
    return new AwsDeliveryLogGateway(logs, events, ses, calls, target, caller, accountIds);
  }

  @Override
  public ObservedDeliveryLog describe(DesiredDeliveryLog desired) {
    Optional<ObservedDeliveryLog.Group> group = group(desired.groupName());
    Optional<ObservedDeliveryLog.Rule> rule = rule(desired.ruleName());
    return new ObservedDeliveryLog(group, rule, Optional.empty(), policy(DesiredDeliveryLog.POLICY_NAME),
        query(desired.queryName()), groupArn(""), SesArns.arn(target, accountIds.of(target), "events",
        "event-bus/default"));
  }

  private Optional<ObservedDeliveryLog.Group> group(String name) {
    List<LogGroup> found = logs(LOGS, "DescribeLogGroups", () -> logs.describeLogGroups(r -> r.logGroupNamePrefix(name)
        .limit(1))).logGroups();
    return found.stream().filter(g -> g.logGroupName().equals(name)).findFirst().map(g -> {
      String arn = g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
      Map<String, String> tags = logs(LOGS, "ListTagsForResource", () -> logs.listTagsForResource(r -> r
          .resourceArn(arn))).tags();
      return new ObservedDeliveryLog.Group(name, arn, g.retentionInDays(), tags);
    });
  }

  private Optional<ObservedDeliveryLog.Rule> rule(String name) {
    DescribeRuleResponse rule;
    try {
      rule = logs(EVENTS, "DescribeRule", () -> events.describeRule(r -> r.name(name)));
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException absent) {
      return Optional.empty();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    logs(EVENTS, "ListTagsForResource", () -> events.listTagsForResource(r -> r.resourceARN(rule.arn()))).tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    Map<String, String> targets = new LinkedHashMap<>();
    String token = null;
    do {
      String next = token;
      var page = logs(EVENTS, "ListTargetsByRule", () -> events.listTargetsByRule(r -> r.rule(name).nextToken(next)));
      page.targets().forEach(t -> targets.put(t.id(), t.arn()));
      token = page.nextToken();
    } while (token != null);
    return Optional.of(new ObservedDeliveryLog.Rule(name, rule.eventPattern(), rule.state() != RuleState.DISABLED,
        tags, targets));
  }

  @Override
  public Optional<ObservedDeliveryLog.Destination> destination(String set, String name) {
    List<EventDestination> found;
    try {
      found = logs(SesIdentityGateway.SERVICE, "GetConfigurationSetEventDestinations",
          () -> ses.getConfigurationSetEventDestinations(r -> r.configurationSetName(set))).eventDestinations();
    } catch (NotFoundException absent) {
      return Optional.empty();
    }
    return found.stream().filter(d -> d.name().equals(name)).findFirst().map(d -> new ObservedDeliveryLog.Destination(
        d.name(), Boolean.TRUE.equals(d.enabled()), d.matchingEventTypesAsStrings(),
        d.eventBridgeDestination() == null ? null : d.eventBridgeDestination().eventBusArn()));
  }

  @Override
  public Optional<String> policy(String name) {
    String token = null;
    do {
      String next = token;
      DescribeResourcePoliciesResponse page = logs(LOGS, "DescribeResourcePolicies",
          () -> logs.describeResourcePolicies(r -> r.nextToken(next)));
      Optional<String> found = page.resourcePolicies().stream().filter(p -> p.policyName().equals(name))
          .map(p -> p.policyDocument()).findFirst();
      if (found.isPresent()) {
        return found;
      }
      token = page.nextToken();
    } while (token != null);
    return Optional.empty();
  }

  private Optional<ObservedDeliveryLog.Query> query(String name) {
    return logs(LOGS, "DescribeQueryDefinitions", () -> logs.describeQueryDefinitions(r -> r
        .queryDefinitionNamePrefix(name))).queryDefinitions().stream().filter(q -> q.name().equals(name)).findFirst()
        .map(q -> new ObservedDeliveryLog.Query(q.queryDefinitionId(), q.name(), q.queryString(), q.logGroupNames()));
  }

  @Override
  public void createGroup(String name, Map<String, String> tags) {
    logs(LOGS, "CreateLogGroup", () -> logs.createLogGroup(r -> r.logGroupName(name).tags(tags)));
  }

  @Override
  public void retention(String group, int days) {
    logs(LOGS, "PutRetentionPolicy", () -> logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(days)));
  }

  @Override
  public void tagGroup(String group, Map<String, String> tags) {
    logs(LOGS, "TagResource", () -> logs.tagResource(r -> r.resourceArn(groupArn(group)).tags(tags)));
  }

  @Override
  public void deleteGroup(String group) {
    try {
      logs(LOGS, "DeleteLogGroup", () -> logs.deleteLogGroup(r -> r.logGroupName(group)));
    } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  @Override
  public void putRule(String name, String eventPattern, String description, Map<String, String> tags) {
    logs(EVENTS, "PutRule", () -> events.putRule(r -> r.name(name).eventPattern(eventPattern).state(RuleState.ENABLED)
        .description(description).tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.eventbridge
            .model.Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
  }

  @Override
  public void tagRule(String name, Map<String, String> tags) {
    String arn = SesArns.arn(target, accountIds.of(target), "events", "rule/" + name);
    logs(EVENTS, "TagResource", () -> events.tagResource(r -> r.resourceARN(arn).tags(tags.entrySet().stream()
        .map(e -> software.amazon.awssdk.services.eventbridge.model.Tag.builder().key(e.getKey()).value(e.getValue())
            .build()).toList())));
  }

  @Override
  public void putTarget(String rule, String id, String arn) {
    var response = logs(EVENTS, "PutTargets", () -> events.putTargets(r -> r.rule(rule).targets(t -> t.id(id)
        .arn(arn))));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      var failed = response.failedEntries().get(0);
      throw new IllegalStateException("EventBridge refused the target " + id + " of rule " + rule + ": "
          + failed.errorCode() + " " + failed.errorMessage());
    }
  }

  @Override
  public void removeTargets(String rule, List<String> ids) {
    logs(EVENTS, "RemoveTargets", () -> events.removeTargets(r -> r.rule(rule).ids(ids)));
  }

  @Override
  public void deleteRule(String name) {
    logs(EVENTS, "DeleteRule", () -> events.deleteRule(r -> r.name(name)));
  }

  @Override
  public void putDestination(String set, String name, List<String> eventTypes, boolean exists) {
    String bus = SesArns.arn(target, accountIds.of(target), "events", "event-bus/default");
    if (exists) {
      logs(SesIdentityGateway.SERVICE, "UpdateConfigurationSetEventDestination",
          () -> ses.updateConfigurationSetEventDestination(r -> r.configurationSetName(set).eventDestinationName(name)
              .eventDestination(d -> d.enabled(true).matchingEventTypesWithStrings(eventTypes)
                  .eventBridgeDestination(b -> b.eventBusArn(bus)))));
    } else {
      logs(SesIdentityGateway.SERVICE, "CreateConfigurationSetEventDestination",
          () -> ses.createConfigurationSetEventDestination(r -> r.configurationSetName(set).eventDestinationName(name)
              .eventDestination(d -> d.enabled(true).matchingEventTypesWithStrings(eventTypes)
                  .eventBridgeDestination(b -> b.eventBusArn(bus)))));
    }
  }

  @Override
  public void deleteDestination(String set, String name) {
    try {
      logs(SesIdentityGateway.SERVICE, "DeleteConfigurationSetEventDestination",
          () -> ses.deleteConfigurationSetEventDestination(r -> r.configurationSetName(set).eventDestinationName(name)));
    } catch (NotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  @Override
  public void putPolicy(String name, String document) {
    logs(LOGS, "PutResourcePolicy", () -> logs.putResourcePolicy(r -> r.policyName(name).policyDocument(document)));
  }

  @Override
  public void deletePolicy(String name) {
    try {
      logs(LOGS, "DeleteResourcePolicy", () -> logs.deleteResourcePolicy(r -> r.policyName(name)));
    } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  @Override
  public boolean otherGroupsUnder(String prefix, String except) {
    var page = logs(LOGS, "DescribeLogGroups", () -> logs.describeLogGroups(r -> r.logGroupNamePrefix(prefix)
        .limit(2)));
    return page.logGroups().stream().anyMatch(g -> !g.logGroupName().equals(except));
  }

  @Override
  public void putQuery(Optional<String> id, String name, String queryString, List<String> groups) {
    logs(LOGS, "PutQueryDefinition", () -> logs.putQueryDefinition(r -> r.queryDefinitionId(id.orElse(null)).name(name)
        .queryString(queryString).logGroupNames(groups)));
  }

  @Override
  public void deleteQuery(String id) {
    try {
      logs(LOGS, "DeleteQueryDefinition", () -> logs.deleteQueryDefinition(r -> r.queryDefinitionId(id)));
    } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  private String groupArn(String group) {
    return SesArns.arn(target, accountIds.of(target), "logs", "log-group:" + group);
  }

  private <T> T logs(String service, String operation, Supplier<T> call) {
    return calls.call(target, service, operation, caller, call);
  }
}
