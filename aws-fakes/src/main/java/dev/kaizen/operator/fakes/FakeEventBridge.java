package dev.kaizen.operator.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InternalException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.TagResourceResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.eventbridge.model.ThrottlingException;

/**
 * Stateful fake of Amazon EventBridge rules and targets on the default event bus, for one account in one Region.
 *
 * <p>As the EventBridge API reference and quotas page describe it: rule names are 1-64 of {@code [.\-_A-Za-z0-9]};
 * a rule needs an EventPattern or a ScheduleExpression ({@code ValidationException}); an event pattern that is not a
 * JSON object, or is over 2,048 characters, is {@code InvalidEventPatternException}; PutRule on an existing rule
 * updates it and ignores the Tags it carries (tags are set at creation or with TagResource); at most
 * {@link #RULES_PER_BUS} rules per bus and {@link #TARGETS_PER_RULE} targets per rule ({@code
 * LimitExceededException}); PutTargets and RemoveTargets take at most 10 entries, target IDs are 1-64 of {@code
 * [.\-_A-Za-z0-9]}; a missing rule is {@code ResourceNotFoundException} ("Rule x does not exist on EventBus
 * default."), except DeleteRule, which succeeds on a rule that is gone; DeleteRule refuses a rule that still has
 * targets ({@code ValidationException}: "Rule can't be deleted since it has targets."). ListRules pages by
 * NamePrefix, Limit (1-100) and NextToken; ListTargetsByRule likewise. Only the default bus is modelled. Request
 * rate: 50/s per operation, the figure for every API but PutEvents (eb-quota). Throttling is {@code
 * ThrottlingException} (400).
 */
public class FakeEventBridge extends FakeAwsService implements EventBridgeClient {
  public static final int RULES_PER_BUS = 300;
  public static final int TARGETS_PER_RULE = 5;
  public static final int MAX_PATTERN = 2048;
  private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final Map<String, Integer> QUOTAS = Map.ofEntries(
      Map.entry("PutRule", 50), Map.entry("DescribeRule", 50), Map.entry("ListRules", 50),
      Map.entry("DeleteRule", 50), Map.entry("PutTargets", 50), Map.entry("ListTargetsByRule", 50),
      Map.entry("RemoveTargets", 50), Map.entry("TagResource", 50), Map.entry("ListTagsForResource", 50));

  static final ServiceErrors ERRORS = new ServiceErrors(
      EventBridgeException::builder,
      ServiceErrors.shape(ThrottlingException::builder, 400, "ThrottlingException").saying("Rate exceeded"),
      ServiceErrors.shape(InternalException::builder, 500, "InternalException").saying("Internal failure."),
      ServiceErrors.shape(EventBridgeException::builder, 400, "ValidationException"),
      ServiceErrors.shape(ResourceNotFoundException::builder, 400, "ResourceNotFoundException"),
      ServiceErrors.shape(EventBridgeException::builder, 400, "ValidationException").saying("Invalid NextToken."));
  private static final ServiceErrors.Shape INVALID_PATTERN = ServiceErrors.shape(InvalidEventPatternException::builder,
      400, "InvalidEventPatternException");
  private static final ServiceErrors.Shape LIMIT = ServiceErrors.shape(LimitExceededException::builder, 400,
      "LimitExceededException");

  private static final class StoredRule {
    final String name;
    String pattern;
    String schedule;
    RuleState state;
    String description;
    final Map<String, String> tags = new TreeMap<>();
    final Map<String, Target> targets = new LinkedHashMap<>();

    StoredRule(String name) {
      this.name = name;
    }
  }

  private final Map<String, StoredRule> rules = new TreeMap<>();

  public FakeEventBridge(String region, String accountId) {
    super("EventBridge", ERRORS, QUOTAS, region, accountId);
  }

  @Override
  protected void resetState() {
    rules.clear();
  }

  @Override
  public String serviceName() {
    return EventBridgeClient.SERVICE_NAME;
  }

  /** Rules are authorized against their ARN (events:rule), with their tags; PutRule and TagResource with theirs. */
  @Override
  protected Authorization authorization(String operation, Object request) {
    String name = null;
    Map<String, String> requestTags = null;
    if (request instanceof PutRuleRequest r) {
      name = r.name();
      requestTags = rules.containsKey(r.name()) ? null : asMap(r.tags());
    } else if (request instanceof DescribeRuleRequest r) {
      name = r.name();
    } else if (request instanceof DeleteRuleRequest r) {
      name = r.name();
    } else if (request instanceof PutTargetsRequest r) {
      name = r.rule();
    } else if (request instanceof ListTargetsByRuleRequest r) {
      name = r.rule();
    } else if (request instanceof RemoveTargetsRequest r) {
      name = r.rule();
    } else if (request instanceof TagResourceRequest r) {
      name = nameOf(r.resourceARN());
      requestTags = asMap(r.tags());
    } else if (request instanceof ListTagsForResourceRequest r) {
      name = nameOf(r.resourceARN());
    }
    if (name == null) {
      return new Authorization("events:" + operation, "*", Map.of());
    }
    StoredRule rule = rules.get(name);
    Map<String, String> resourceTags = rule == null ? Map.of() : Map.copyOf(rule.tags);
    return requestTags == null ? new Authorization("events:" + operation, ruleArn(name), resourceTags)
        : Authorization.tagging("events:" + operation, ruleArn(name), resourceTags, requestTags, Map.of());
  }

  private static String nameOf(String arn) {
    return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
  }

  // ---- backdoors -------------------------------------------------------------------------------------------------

  public String ruleArn(String name) {
    return "arn:" + partition + ":events:" + region + ":" + accountId + ":rule/" + name;
  }

  /** The rule's event pattern, or null when there is no such rule. */
  public String pattern(String name) {
    synchronized (lock) {
      StoredRule rule = rules.get(name);
      return rule == null ? null : rule.pattern;
    }
  }

  public boolean ruleExists(String name) {
    synchronized (lock) {
      return rules.containsKey(name);
    }
  }

  /** The rule's targets' ARNs by target ID (empty when there is no such rule). */
  public Map<String, String> targets(String name) {
    synchronized (lock) {
      StoredRule rule = rules.get(name);
      Map<String, String> arns = new LinkedHashMap<>();
      if (rule != null) {
        rule.targets.forEach((id, target) -> arns.put(id, target.arn()));
      }
      return arns;
    }
  }

  /** Removes a target as a person would in the console. */
  public void removeTargetByHand(String rule, String id) {
    synchronized (lock) {
      StoredRule found = rules.get(rule);
      if (found != null) {
        found.targets.remove(id);
      }
    }
  }

  /** Creates a rule of someone else's, with these tags. */
  public void createRuleByHand(String name, String pattern, Map<String, String> tags) {
    synchronized (lock) {
      StoredRule rule = new StoredRule(name);
      rule.pattern = pattern;
      rule.state = RuleState.ENABLED;
      rule.tags.putAll(tags);
      rules.put(name, rule);
    }
  }

  /** Removes one tag from a rule, as a person would. */
  public void removeRuleTagDirectly(String name, String key) {
    synchronized (lock) {
      StoredRule rule = rules.get(name);
      if (rule != null) {
        rule.tags.remove(key);
      }
    }
  }

  public Map<String, String> ruleTags(String name) {
    synchronized (lock) {
      StoredRule rule = rules.get(name);
      return rule == null ? null : Map.copyOf(rule.tags);
    }
  }

  // ---- operations ------------------------------------------------------------------------------------------------

  @Override
  public PutRuleResponse putRule(PutRuleRequest request) {
    return invoke("PutRule", request, () -> {
      requireDefaultBus(request.eventBusName());
      String name = requireName("Name", request.name());
      if (request.eventPattern() == null && request.scheduleExpression() == null) {
        throw validationError("Parameter(s) EventPattern or ScheduleExpression must be specified.");
      }
      if (request.eventPattern() != null) {
        requirePattern(request.eventPattern());
      }
      StoredRule rule = rules.get(name);
      if (rule == null) {
        if (rules.size() >= RULES_PER_BUS) {
          throw serviceError(LIMIT.builder().get(), LIMIT.status(), LIMIT.code(),
              "The requested resource exceeds the maximum number allowed.");
        }
        rule = new StoredRule(name);
        rule.tags.putAll(asMap(request.tags()));
        rules.put(name, rule);
      }
      rule.pattern = request.eventPattern();
      rule.schedule = request.scheduleExpression();
      rule.state = request.state() == null ? RuleState.ENABLED : request.state();
      rule.description = request.description();
      return ok(PutRuleResponse.builder().ruleArn(ruleArn(name)));
    });
  }

  @Override
  public DescribeRuleResponse describeRule(DescribeRuleRequest request) {
    return invoke("DescribeRule", request, () -> {
      requireDefaultBus(request.eventBusName());
      StoredRule rule = rule(request.name());
      return ok(DescribeRuleResponse.builder().name(rule.name).arn(ruleArn(rule.name)).eventPattern(rule.pattern)
          .scheduleExpression(rule.schedule).state(rule.state).description(rule.description)
          .eventBusName("default"));
    });
  }

  @Override
  public ListRulesResponse listRules(ListRulesRequest request) {
    return invoke("ListRules", request, () -> {
      requireDefaultBus(request.eventBusName());
      int limit = limit(request.limit());
      String prefix = request.namePrefix() == null ? "" : request.namePrefix();
      List<Rule> matching = rules.values().stream().filter(r -> r.name.startsWith(prefix))
          .map(r -> Rule.builder().name(r.name).arn(ruleArn(r.name)).eventPattern(r.pattern)
              .scheduleExpression(r.schedule).state(r.state).description(r.description).eventBusName("default")
              .build()).toList();
      int from = from(request.nextToken(), "ListRules " + prefix, matching.size());
      int to = Math.min(matching.size(), from + limit);
      return ok(ListRulesResponse.builder().rules(matching.subList(from, to))
          .nextToken(to < matching.size() ? encodeToken("ListRules " + prefix, String.valueOf(to)) : null));
    });
  }

  @Override
  public DeleteRuleResponse deleteRule(DeleteRuleRequest request) {
    return invoke("DeleteRule", request, () -> {
      requireDefaultBus(request.eventBusName());
      String name = requireName("Name", request.name());
      StoredRule rule = rules.get(name);
      if (rule != null && !rule.targets.isEmpty()) {
        throw validationError("Rule can't be deleted since it has targets.");
      }
      rules.remove(name);
      return ok(DeleteRuleResponse.builder());
    });
  }

  @Override
  public PutTargetsResponse putTargets(PutTargetsRequest request) {
    return invoke("PutTargets", request, () -> {
      requireDefaultBus(request.eventBusName());
      StoredRule rule = rule(request.rule());
      if (!request.hasTargets() || request.targets().isEmpty() || request.targets().size() > 10) {
        throw validationError("1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must"
            + " have length between 1 and 10");
      }
      Map<String, Target> next = new LinkedHashMap<>(rule.targets);
      for (Target target : request.targets()) {
        requireName("Id", target.id());
        if (target.arn() == null || !target.arn().startsWith("arn:")) {
          throw validationError("Parameter " + target.arn() + " is not valid. Reason: Provided Arn is not in correct"
              + " format.");
        }
        next.put(target.id(), target);
      }
      if (next.size() > TARGETS_PER_RULE) {
        throw serviceError(LIMIT.builder().get(), LIMIT.status(), LIMIT.code(), "The requested resource exceeds"
            + " the maximum number allowed.");
      }
      rule.targets.clear();
      rule.targets.putAll(next);
      return ok(PutTargetsResponse.builder().failedEntryCount(0));
    });
  }

  @Override
  public ListTargetsByRuleResponse listTargetsByRule(ListTargetsByRuleRequest request) {
    return invoke("ListTargetsByRule", request, () -> {
      requireDefaultBus(request.eventBusName());
      StoredRule rule = rule(request.rule());
      int limit = limit(request.limit());
      List<Target> all = List.copyOf(rule.targets.values());
      int from = from(request.nextToken(), "ListTargetsByRule " + rule.name, all.size());
      int to = Math.min(all.size(), from + limit);
      return ok(ListTargetsByRuleResponse.builder().targets(all.subList(from, to))
          .nextToken(to < all.size() ? encodeToken("ListTargetsByRule " + rule.name, String.valueOf(to)) : null));
    });
  }

  @Override
  public RemoveTargetsResponse removeTargets(RemoveTargetsRequest request) {
    return invoke("RemoveTargets", request, () -> {
      requireDefaultBus(request.eventBusName());
      StoredRule rule = rule(request.rule());
      if (!request.hasIds() || request.ids().isEmpty() || request.ids().size() > 10) {
        throw validationError("1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must"
            + " have length between 1 and 10");
      }
      request.ids().forEach(rule.targets::remove);
      return ok(RemoveTargetsResponse.builder().failedEntryCount(0));
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return invoke("TagResource", request, () -> {
      StoredRule rule = ruleByArn(request.resourceARN());
      rule.tags.putAll(asMap(request.tags()));
      return ok(TagResourceResponse.builder());
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    return invoke("ListTagsForResource", request, () -> {
      StoredRule rule = ruleByArn(request.resourceARN());
      return ok(ListTagsForResourceResponse.builder().tags(rule.tags.entrySet().stream()
          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private StoredRule ruleByArn(String arn) {
    String prefix = "arn:" + partition + ":events:" + region + ":" + accountId + ":rule/";
    if (arn == null || !arn.startsWith(prefix)) {
      throw notFoundError("Rule " + arn + " does not exist on EventBus default.");
    }
    return rule(arn.substring(prefix.length()));
  }

  private StoredRule rule(String name) {
    requireName("Rule", name);
    StoredRule rule = rules.get(name);
    if (rule == null) {
      throw notFoundError("Rule " + name + " does not exist on EventBus default.");
    }
    return rule;
  }

  private void requireDefaultBus(String bus) {
    if (bus != null && !bus.equals("default") && !bus.endsWith(":event-bus/default")) {
      throw notFoundError("Event bus " + bus + " does not exist.");
    }
  }

  private String requireName(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw validationError("1 validation error detected: Value '" + name + "' at '" + field + "' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }
    return name;
  }

  private void requirePattern(String pattern) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(pattern);
    } catch (Exception e) {
      parsed = null;
    }
    if (parsed == null || !parsed.isObject() || pattern.length() > MAX_PATTERN) {
      throw serviceError(INVALID_PATTERN.builder().get(), INVALID_PATTERN.status(), INVALID_PATTERN.code(),
          "Event pattern is not valid. Reason: " + (pattern.length() > MAX_PATTERN ? "Pattern too long"
              : "Filter is not an object"));
    }
  }

  private static int limit(Integer limit) {
    return limit == null ? 100 : Math.max(1, Math.min(100, limit));
  }

  /** The index after the last item a token returned, for a token issued for the same query. */
  private int from(String token, String query, int size) {
    if (token == null) {
      return 0;
    }
    try {
      int from = Integer.parseInt(decodeToken(token, query));
      if (from >= 0 && from <= size) {
        return from;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw validationError("Invalid NextToken.");
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> map.put(t.key(), t.value()));
    }
    return map;
  }
}
