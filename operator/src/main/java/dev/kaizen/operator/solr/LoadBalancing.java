package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** The Application Load Balancer, the colours' target groups, the live and test listeners, target health. */
public final class LoadBalancing {
  static final String SERVICE = "ElasticLoadBalancingV2";

  /**
   * @param canonicalHostedZoneId the Route 53 zone a DNS alias to it names (null when not read)
   * @param ipAddressType ipv4, dualstack or dualstack-without-public-ipv4 (null when not read)
   */
  public record ObservedLoadBalancer(String arn, String name, String dnsName, String state, Map<String, String> tags,
      String canonicalHostedZoneId, String ipAddressType) {
    public ObservedLoadBalancer(String arn, String name, String dnsName, String state, Map<String, String> tags) {
      this(arn, name, dnsName, state, tags, null, null);
    }

    public ObservedLoadBalancer withTags(Map<String, String> found) {
      return new ObservedLoadBalancer(arn, name, dnsName, state, Map.copyOf(found), canonicalHostedZoneId,
          ipAddressType);
    }

    /** Whether it answers on IPv6 too: then the endpoint's AAAA alias is wanted beside the A alias. */
    public boolean dualstack() {
      return ipAddressType != null && ipAddressType.startsWith("dualstack");
    }
  }

  /** A target group and its targets' health (instance id -> healthy). */
  public record ObservedTargetGroup(String arn, String name, Map<String, String> tags, Map<String, Boolean> targets) {
    public ObservedTargetGroup withTags(Map<String, String> found) {
      return new ObservedTargetGroup(arn, name, Map.copyOf(found), targets);
    }

    public int healthy() {
      return (int) targets.values().stream().filter(Boolean::booleanValue).count();
    }
  }

  /**
   * A listener and the target group its default action forwards to (the heaviest one of a weighted forward); its
   * tags when they were read (the marker an adopted or re-attached listener must be given).
   *
   * @param weights each target group's weight when the forward is weighted (more than one group); empty otherwise
   */
  public record ObservedListener(String arn, int port, String targetGroupArn, Map<String, Integer> weights,
      Optional<Map<String, String>> tags) {
    public ObservedListener(String arn, int port, String targetGroupArn) {
      this(arn, port, targetGroupArn, Map.of(), Optional.empty());
    }

    public ObservedListener(String arn, int port, String targetGroupArn, Map<String, Integer> weights) {
      this(arn, port, targetGroupArn, weights, Optional.empty());
    }

    public ObservedListener withTags(Map<String, String> found) {
      return new ObservedListener(arn, port, targetGroupArn, weights, Optional.of(Map.copyOf(found)));
    }
  }

  private final ElasticLoadBalancingV2Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  /** Whose reconcile makes the calls: on a service-wide bucket (Auto Scaling) its retries keep their turn. */
  private final AwsCaller caller;
  /**
   * The ARN of each load balancer and target group by name ({@code lb:} / {@code tg:} prefixed), as the last create
   * or describe returned it: a change naming a new or observed object needs no look-up. An entry goes when a describe
   * finds the object absent or a change finds it gone.
   */
  private final Map<String, String> arns;

  public LoadBalancing(ElasticLoadBalancingV2Client client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED, new java.util.concurrent.ConcurrentHashMap<>());
  }

  private LoadBalancing(ElasticLoadBalancingV2Client client, AwsCalls calls, AwsTarget target, AwsCaller caller,
      Map<String, String> arns) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
    this.arns = arns;
  }

  /** The same gateway, making its calls for {@code caller} (one reconcile of one resource). */
  public LoadBalancing forCaller(AwsCaller caller) {
    return new LoadBalancing(client, calls, target, caller, arns);
  }

  public Optional<ObservedLoadBalancer> loadBalancer(String name) {
    try {
      var lb = call("DescribeLoadBalancers", () -> client.describeLoadBalancers(r -> r.names(name)))
          .loadBalancers().get(0);
      arns.put("lb:" + name, lb.loadBalancerArn());
      return Optional.of(new ObservedLoadBalancer(lb.loadBalancerArn(), lb.loadBalancerName(), lb.dnsName(),
          lb.state() == null ? "unknown" : lb.state().codeAsString(), Map.of(), lb.canonicalHostedZoneId(),
          lb.ipAddressTypeAsString()));
    } catch (ElasticLoadBalancingV2Exception e) {
      if ("LoadBalancerNotFound".equals(code(e))) {
        arns.remove("lb:" + name);
        return Optional.empty();
      }
      throw e;
    }
  }

  public Optional<ObservedTargetGroup> targetGroup(String name) {
    try {
      var tg = call("DescribeTargetGroups", () -> client.describeTargetGroups(r -> r.names(name)))
          .targetGroups().get(0);
      arns.put("tg:" + name, tg.targetGroupArn());
      Map<String, Boolean> targets = new TreeMap<>();
      call("DescribeTargetHealth", () -> client.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn())))
          .targetHealthDescriptions().forEach(d -> targets.put(d.target().id(),
              d.targetHealth().state() == TargetHealthStateEnum.HEALTHY));
      return Optional.of(new ObservedTargetGroup(tg.targetGroupArn(), tg.targetGroupName(), Map.of(), targets));
    } catch (ElasticLoadBalancingV2Exception e) {
      if ("TargetGroupNotFound".equals(code(e))) {
        arns.remove("tg:" + name);
        return Optional.empty();
      }
      throw e;
    }
  }

  public List<ObservedListener> listeners(String loadBalancerArn) {
    return listeners(call("DescribeListeners", () -> client.describeListeners(r -> r.loadBalancerArn(
        loadBalancerArn))).listeners());
  }

  /**
   * Listeners of any load balancers, by ARN, in one call per {@link #LISTENERS_PER_CALL}: the batched read SolrClusters
   * at rest share. Empty when one of them is gone (AWS answers ListenerNotFound for the whole call).
   */
  public Optional<List<ObservedListener>> listenersByArn(List<String> arns) {
    List<ObservedListener> found = new ArrayList<>();
    for (int from = 0; from < arns.size(); from += LISTENERS_PER_CALL) {
      List<String> chunk = arns.subList(from, Math.min(arns.size(), from + LISTENERS_PER_CALL));
      try {
        found.addAll(listeners(call("DescribeListeners", () -> client.describeListeners(r -> r.listenerArns(chunk)))
            .listeners()));
      } catch (ElasticLoadBalancingV2Exception e) {
        if ("ListenerNotFound".equals(code(e))) {
          return Optional.empty();
        }
        throw e;
      }
    }
    return Optional.of(found);
  }

  /**
   * ARNs per DescribeListeners call. The API reference gives no maximum for ListenerArns; 20 keeps each request as
   * small as the documented DescribeTags limit.
   */
  static final int LISTENERS_PER_CALL = 20;

  private static List<ObservedListener> listeners(
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener> listeners) {
    List<ObservedListener> found = new ArrayList<>();
    listeners.forEach(l -> {
          Optional<Action> forward = l.defaultActions().stream().filter(a -> a.type() == ActionTypeEnum.FORWARD)
              .findFirst();
          found.add(new ObservedListener(l.listenerArn(), l.port(), forward.map(LoadBalancing::forwardTarget)
              .orElse(null), forward.map(LoadBalancing::weights).orElse(Map.of())));
        });
    return found;
  }

  private static String forwardTarget(Action action) {
    if (action.targetGroupArn() != null) {
      return action.targetGroupArn();
    }
    // A weighted forward (part 2's weighted switch, or an edit by hand): the heaviest target group.
    return action.forwardConfig() == null ? null : action.forwardConfig().targetGroups().stream()
        .max(java.util.Comparator.comparing(t -> t.weight() == null ? 1 : t.weight()))
        .map(t -> t.targetGroupArn()).orElse(null);
  }

  /** The weights of a forward to several target groups (the rollout's weighted switch); empty for one group. */
  private static Map<String, Integer> weights(Action action) {
    if (action.forwardConfig() == null || action.forwardConfig().targetGroups().size() < 2) {
      return Map.of();
    }
    Map<String, Integer> weights = new TreeMap<>();
    action.forwardConfig().targetGroups().forEach(t -> weights.put(t.targetGroupArn(),
        t.weight() == null ? 1 : t.weight()));
    return weights;
  }

  /**
   * Forwards a listener to several target groups by weight (ARN -> 0..999, ELBv2's TargetGroupTuple): the rollout's
   * weighted switch. A group of weight 0 receives nothing.
   */
  public void forwardWeighted(String listenerArn, Map<String, Integer> weightsByArn) {
    Action action = Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
        weightsByArn.entrySet().stream().map(e -> software.amazon.awssdk.services.elasticloadbalancingv2.model
            .TargetGroupTuple.builder().targetGroupArn(e.getKey()).weight(e.getValue()).build()).toList())).build();
    call("ModifyListener", () -> client.modifyListener(r -> r.listenerArn(listenerArn).defaultActions(action)));
  }

  public void createLoadBalancer(String name, String scheme, List<String> subnets, List<String> securityGroups,
      Map<String, String> tags) {
    call("CreateLoadBalancer", () -> client.createLoadBalancer(r -> r.name(name).type("application").scheme(scheme)
        .subnets(subnets).securityGroups(securityGroups.isEmpty() ? null : securityGroups).tags(tags(tags))))
        .loadBalancers().forEach(lb -> arns.put("lb:" + name, lb.loadBalancerArn()));
  }

  /** Creates a colour's target group: HTTP to Solr's port, healthy when a node answers its ping on any core. */
  public void createTargetGroup(String name, String vpcId, Map<String, String> tags) {
    call("CreateTargetGroup", () -> client.createTargetGroup(r -> r.name(name).protocol("HTTP")
        .port(SolrUserData.SOLR_PORT).vpcId(vpcId).targetType("instance")
        .healthCheckPath("/solr/admin/info/health").healthCheckProtocol("HTTP").tags(tags(tags))))
        .targetGroups().forEach(tg -> arns.put("tg:" + name, tg.targetGroupArn()));
  }

  /** Creates a listener forwarding to a target group; the load balancer is found by name (it may be new). */
  public void createListener(String loadBalancerName, int port, String targetGroupName, Map<String, String> tags) {
    String lb = remembered("lb:" + loadBalancerName, () -> call("DescribeLoadBalancers",
        () -> client.describeLoadBalancers(r -> r.names(loadBalancerName))).loadBalancers().get(0).loadBalancerArn());
    String tg = targetGroupArn(targetGroupName);
    forgettingIfGone(() -> call("CreateListener", () -> client.createListener(r -> r.loadBalancerArn(lb).port(port)
        .protocol("HTTP").defaultActions(forward(tg)).tags(tags(tags)))), loadBalancerName, targetGroupName);
  }

  public void forward(String listenerArn, String targetGroupName) {
    String tg = targetGroupArn(targetGroupName);
    forgettingIfGone(() -> call("ModifyListener", () -> client.modifyListener(r -> r.listenerArn(listenerArn)
        .defaultActions(forward(tg)))), null, targetGroupName);
  }

  /** A remembered ARN of an object deleted since (by hand) fails the change: forget it, so the retry looks it up. */
  private void forgettingIfGone(Runnable change, String loadBalancerName, String targetGroupName) {
    try {
      change.run();
    } catch (ElasticLoadBalancingV2Exception e) {
      if ("LoadBalancerNotFound".equals(code(e)) || "TargetGroupNotFound".equals(code(e))) {
        arns.remove("lb:" + loadBalancerName);
        arns.remove("tg:" + targetGroupName);
      }
      throw e;
    }
  }

  public void tag(String arn, Map<String, String> tags) {
    call("AddTags", () -> client.addTags(r -> r.resourceArns(arn).tags(tags(tags))));
  }

  public void deleteListener(String arn) {
    call("DeleteListener", () -> client.deleteListener(r -> r.listenerArn(arn)));
  }

  public void deleteLoadBalancer(String arn) {
    call("DeleteLoadBalancer", () -> client.deleteLoadBalancer(r -> r.loadBalancerArn(arn)));
    arns.values().removeIf(arn::equals);
  }

  public void deleteTargetGroup(String arn) {
    call("DeleteTargetGroup", () -> client.deleteTargetGroup(r -> r.targetGroupArn(arn)));
    arns.values().removeIf(arn::equals);
  }

  /** A target group's ARN by name: as last created or observed, else one read. */
  public String targetGroupArn(String name) {
    return remembered("tg:" + name, () -> call("DescribeTargetGroups",
        () -> client.describeTargetGroups(r -> r.names(name))).targetGroups().get(0).targetGroupArn());
  }

  /** Not computeIfAbsent: the look-up may wait on the rate limiter, which must not hold the map's lock. */
  private String remembered(String key, java.util.function.Supplier<String> lookUp) {
    String known = arns.get(key);
    if (known != null) {
      return known;
    }
    String found = lookUp.get();
    arns.put(key, found);
    return found;
  }

  private static Action forward(String targetGroupArn) {
    return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build();
  }

  /** The tags of several resources (at most 20) in one call, by ARN. */
  public Map<String, Map<String, String>> tags(List<String> arns) {
    Map<String, Map<String, String>> byArn = new TreeMap<>();
    if (arns.isEmpty()) {
      return byArn;
    }
    call("DescribeTags", () -> client.describeTags(r -> r.resourceArns(arns))).tagDescriptions()
        .forEach(d -> {
          Map<String, String> tags = new TreeMap<>();
          d.tags().forEach(t -> tags.put(t.key(), t.value()));
          byArn.put(d.resourceArn(), tags);
        });
    return byArn;
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static String code(ElasticLoadBalancingV2Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private <T> T call(String operation, java.util.function.Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
