package dev.kaizen.operator.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Stateful fake of Elastic Load Balancing v2 for Application Load Balancers: load balancers (provisioning, then active
 * when the test settles them), target groups, listeners with a forward default action, target health (under the
 * test's control), tags; one account and Region.
 *
 * <p>Errors as in the ELBv2 API reference, all HTTP 400 with a modelled exception code: {@code LoadBalancerNotFound},
 * {@code TargetGroupNotFound}, {@code ListenerNotFound}, {@code DuplicateLoadBalancerName}, {@code
 * DuplicateTargetGroupName}, {@code DuplicateListener}, {@code ResourceInUse}, {@code ValidationError}; throttling
 * {@code Throttling} "Rate exceeded". A Describe naming a missing load balancer or target group fails the whole call.
 * Creating a load balancer, target group or listener again with the same settings succeeds and returns the existing
 * one ("This operation is idempotent", API reference).
 */
public class FakeElbV2 extends FakeAwsService implements ElasticLoadBalancingV2Client {

  /**
   * "Request throttling for the Elastic Load Balancing API"
   * (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html): token buckets per
   * account and Region. Describe* actions: a bucket of 40 tokens refilled at 10 a second, the page's own example
   * ({@link #quotaBurst}). Changes: the page gives no figures; 3 a second is assumed, into a bucket of 12 (four
   * seconds of refill, the describes' proportion). Each operation is counted in a bucket of its own here, as the
   * operator's quota table counts them.
   */
  public static final Map<String, Integer> QUOTAS = Map.ofEntries(
      Map.entry("CreateLoadBalancer", 3), Map.entry("DeleteLoadBalancer", 3), Map.entry("CreateTargetGroup", 3),
      Map.entry("DeleteTargetGroup", 3), Map.entry("CreateListener", 3), Map.entry("ModifyListener", 3),
      Map.entry("DeleteListener", 3), Map.entry("AddTags", 3), Map.entry("DescribeLoadBalancers", 10),
      Map.entry("DescribeTargetGroups", 10), Map.entry("DescribeListeners", 10), Map.entry("DescribeTargetHealth", 10),
      Map.entry("DescribeTags", 10));

  static final ServiceErrors ERRORS = new ServiceErrors(
      ElasticLoadBalancingV2Exception::builder,
      ServiceErrors.shape(ElasticLoadBalancingV2Exception::builder, 400, "Throttling").saying("Rate exceeded"),
      ServiceErrors.shape(ElasticLoadBalancingV2Exception::builder, 503, "ServiceUnavailable")
          .saying("Service unavailable."),
      ServiceErrors.shape(ElasticLoadBalancingV2Exception::builder, 400, "ValidationError"),
      ServiceErrors.shape(ElasticLoadBalancingV2Exception::builder, 400, "LoadBalancerNotFound"),
      ServiceErrors.shape(ElasticLoadBalancingV2Exception::builder, 400, "ValidationError")
          .saying("Invalid marker."));

  /** "This name must be unique per region per account, can have a maximum of 32 characters, must contain only
   * alphanumeric characters or hyphens, must not begin or end with a hyphen" (CreateLoadBalancer, CreateTargetGroup). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

  private static final class Lb {
    String arn;
    String name;
    String dnsName;
    String scheme;
    List<String> subnets;
    List<String> securityGroups;
    LoadBalancerStateEnum state = LoadBalancerStateEnum.PROVISIONING;
    /** ipv4 (the default) or dualstack (then Route 53 may alias AAAA records to it too). */
    String ipAddressType = "ipv4";
  }

  private static final class Tg {
    String arn;
    String name;
    String protocol;
    int port;
    String healthCheckPath;
    /** target id -> health state */
    final Map<String, TargetHealthStateEnum> targets = new LinkedHashMap<>();
  }

  private static final class Ln {
    String arn;
    String loadBalancerArn;
    int port;
    String protocol;
    String targetGroupArn;
    /** A weighted forward (several target groups): ARN -> weight; empty for a forward to one group. */
    Map<String, Integer> weights = new LinkedHashMap<>();
  }

  private final Map<String, Lb> loadBalancers = new LinkedHashMap<>();
  private final Map<String, Tg> targetGroups = new LinkedHashMap<>();
  private final Map<String, Ln> listeners = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  private int serial = 1;

  public FakeElbV2(String region, String accountId) {
    super("Elastic Load Balancing v2", ERRORS, QUOTAS, region, accountId);
  }

  @Override
  protected int quotaBurst(String operation) {
    return isMutating(operation) ? 12 : 40;
  }

  @Override
  protected void resetState() {
    loadBalancers.clear();
    targetGroups.clear();
    listeners.clear();
    tags.clear();
  }

  @Override
  public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest request) {
    return invoke("CreateLoadBalancer", request, () -> {
      String name = request.name();
      if (name == null || !NAME.matcher(name).matches() || name.startsWith("internal-")) {
        throw validationError("Load balancer name '" + name + "' is not valid: at most 32 alphanumeric characters or"
            + " hyphens, not beginning or ending with a hyphen, not beginning with internal-.");
      }
      if (request.subnets().size() < 2) {
        throw error("InvalidConfigurationRequest",
            "At least two subnets in two different Availability Zones must be specified");
      }
      Lb existing = loadBalancers.values().stream().filter(lb -> lb.name.equals(name)).findFirst().orElse(null);
      String scheme = request.schemeAsString() == null ? "internet-facing" : request.schemeAsString();
      if (existing != null) {
        if (existing.scheme.equals(scheme) && existing.subnets.equals(request.subnets())) {
          return ok(CreateLoadBalancerResponse.builder().loadBalancers(describe(existing)));
        }
        throw error("DuplicateLoadBalancerName", "A load balancer with the same name '" + name
            + "' exists, but with different settings");
      }
      Lb lb = new Lb();
      String id = String.format("%016x", serial++);
      lb.arn = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + accountId + ":loadbalancer/app/" + name
          + "/" + id;
      lb.name = name;
      lb.dnsName = (scheme.equals("internal") ? "internal-" : "") + name + "-" + id.substring(8) + "." + region
          + ".elb.amazonaws.com";
      lb.scheme = scheme;
      lb.subnets = List.copyOf(request.subnets());
      lb.securityGroups = List.copyOf(request.securityGroups());
      if (request.ipAddressTypeAsString() != null) {
        lb.ipAddressType = request.ipAddressTypeAsString();
      }
      loadBalancers.put(lb.arn, lb);
      tags.put(lb.arn, tagMap(request.tags()));
      return ok(CreateLoadBalancerResponse.builder().loadBalancers(describe(lb)));
    });
  }

  @Override
  public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
    return invoke("DescribeLoadBalancers", request, () -> {
      List<LoadBalancer> found = new ArrayList<>();
      if (request.hasNames()) {
        for (String name : request.names()) {
          Lb lb = loadBalancers.values().stream().filter(l -> l.name.equals(name)).findFirst()
              .orElseThrow(() -> notFoundError("Load balancers '[" + name + "]' not found"));
          found.add(describe(lb));
        }
      } else if (request.hasLoadBalancerArns()) {
        for (String arn : request.loadBalancerArns()) {
          found.add(describe(lb(arn)));
        }
      } else {
        loadBalancers.values().forEach(lb -> found.add(describe(lb)));
      }
      return ok(DescribeLoadBalancersResponse.builder().loadBalancers(found));
    });
  }

  @Override
  public DeleteLoadBalancerResponse deleteLoadBalancer(DeleteLoadBalancerRequest request) {
    return invoke("DeleteLoadBalancer", request, () -> {
      // Deleting a load balancer that does not exist succeeds (API reference), and deletes its listeners.
      Lb lb = loadBalancers.remove(request.loadBalancerArn());
      if (lb != null) {
        listeners.values().removeIf(l -> l.loadBalancerArn.equals(lb.arn));
        tags.remove(lb.arn);
      }
      return ok(DeleteLoadBalancerResponse.builder());
    });
  }

  @Override
  public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest request) {
    return invoke("CreateTargetGroup", request, () -> {
      String name = request.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw validationError("Target group name '" + name + "' can have a maximum of 32 characters, must contain"
            + " only alphanumeric characters or hyphens, and must not begin or end with a hyphen");
      }
      if (request.port() == null || request.protocol() == null || request.vpcId() == null) {
        throw validationError("A port, a protocol and a VPC ID must be specified for an instance target group.");
      }
      Tg existing = targetGroups.values().stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
      if (existing != null) {
        if (existing.port == request.port() && existing.protocol.equals(request.protocolAsString())) {
          return ok(CreateTargetGroupResponse.builder().targetGroups(describe(existing)));
        }
        throw error("DuplicateTargetGroupName", "A target group with the same name '" + name
            + "' exists, but with different settings");
      }
      Tg tg = new Tg();
      tg.arn = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + accountId + ":targetgroup/" + name + "/"
          + String.format("%016x", serial++);
      tg.name = name;
      tg.port = request.port();
      tg.protocol = request.protocolAsString();
      tg.healthCheckPath = request.healthCheckPath();
      targetGroups.put(tg.arn, tg);
      tags.put(tg.arn, tagMap(request.tags()));
      return ok(CreateTargetGroupResponse.builder().targetGroups(describe(tg)));
    });
  }

  @Override
  public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
    return invoke("DescribeTargetGroups", request, () -> {
      List<TargetGroup> found = new ArrayList<>();
      if (request.hasNames()) {
        for (String name : request.names()) {
          Tg tg = targetGroups.values().stream().filter(t -> t.name.equals(name)).findFirst()
              .orElseThrow(() -> error("TargetGroupNotFound", "Target groups '[" + name + "]' not found"));
          found.add(describe(tg));
        }
      } else {
        targetGroups.values().forEach(tg -> found.add(describe(tg)));
      }
      return ok(DescribeTargetGroupsResponse.builder().targetGroups(found));
    });
  }

  @Override
  public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest request) {
    return invoke("DeleteTargetGroup", request, () -> {
      if (listeners.values().stream().anyMatch(l -> l.targetGroupArn.equals(request.targetGroupArn())
          || l.weights.containsKey(request.targetGroupArn()))) {
        throw error("ResourceInUse", "Target group '" + request.targetGroupArn()
            + "' is currently in use by a listener or a rule");
      }
      targetGroups.remove(request.targetGroupArn());
      tags.remove(request.targetGroupArn());
      return ok(DeleteTargetGroupResponse.builder());
    });
  }

  @Override
  public CreateListenerResponse createListener(CreateListenerRequest request) {
    return invoke("CreateListener", request, () -> {
      Lb lb = lb(request.loadBalancerArn());
      String target = forwardTarget(request.defaultActions());
      Ln existing = listeners.values().stream()
          .filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == request.port()).findFirst().orElse(null);
      if (existing != null) {
        if (existing.targetGroupArn.equals(target) && existing.protocol.equals(request.protocolAsString())) {
          return ok(CreateListenerResponse.builder().listeners(describe(existing)));
        }
        throw error("DuplicateListener", "A listener already exists on this port for this load balancer");
      }
      Ln listener = new Ln();
      listener.arn = lb.arn.replace(":loadbalancer/", ":listener/") + "/" + String.format("%016x", serial++);
      listener.loadBalancerArn = lb.arn;
      listener.port = request.port();
      listener.protocol = request.protocolAsString();
      listener.targetGroupArn = target;
      listeners.put(listener.arn, listener);
      tags.put(listener.arn, tagMap(request.tags()));
      return ok(CreateListenerResponse.builder().listeners(describe(listener)));
    });
  }

  @Override
  public DescribeListenersResponse describeListeners(DescribeListenersRequest request) {
    return invoke("DescribeListeners", request, () -> {
      if (request.loadBalancerArn() == null && !request.hasListenerArns()) {
        throw validationError("You must specify either listener ARNs or a load balancer ARN");
      }
      List<Listener> found = new ArrayList<>();
      if (request.loadBalancerArn() != null) {
        lb(request.loadBalancerArn());
        listeners.values().stream().filter(l -> l.loadBalancerArn.equals(request.loadBalancerArn()))
            .forEach(l -> found.add(describe(l)));
      } else {
        for (String arn : request.listenerArns()) {
          found.add(describe(listener(arn)));
        }
      }
      return ok(DescribeListenersResponse.builder().listeners(found));
    });
  }

  @Override
  public ModifyListenerResponse modifyListener(ModifyListenerRequest request) {
    return invoke("ModifyListener", request, () -> {
      Ln listener = listener(request.listenerArn());
      if (request.hasDefaultActions()) {
        listener.weights = forwardWeights(request.defaultActions());
        listener.targetGroupArn = forwardTarget(request.defaultActions());
      }
      if (request.port() != null) {
        listener.port = request.port();
      }
      return ok(ModifyListenerResponse.builder().listeners(describe(listener)));
    });
  }

  @Override
  public DeleteListenerResponse deleteListener(DeleteListenerRequest request) {
    return invoke("DeleteListener", request, () -> {
      listener(request.listenerArn());
      listeners.remove(request.listenerArn());
      tags.remove(request.listenerArn());
      return ok(DeleteListenerResponse.builder());
    });
  }

  @Override
  public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest request) {
    return invoke("DescribeTargetHealth", request, () -> {
      Tg tg = tg(request.targetGroupArn());
      List<TargetHealthDescription> found = new ArrayList<>();
      tg.targets.forEach((id, state) -> found.add(TargetHealthDescription.builder()
          .target(TargetDescription.builder().id(id).port(tg.port).build())
          .targetHealth(TargetHealth.builder().state(state).build()).build()));
      return ok(DescribeTargetHealthResponse.builder().targetHealthDescriptions(found));
    });
  }

  @Override
  public AddTagsResponse addTags(AddTagsRequest request) {
    return invoke("AddTags", request, () -> {
      for (String arn : request.resourceArns()) {
        if (!tags.containsKey(arn)) {
          throw notFoundError("Resource '" + arn + "' not found");
        }
      }
      request.resourceArns().forEach(arn -> request.tags().forEach(t -> tags.get(arn).put(t.key(), t.value())));
      return ok(AddTagsResponse.builder());
    });
  }

  @Override
  public DescribeTagsResponse describeTags(DescribeTagsRequest request) {
    return invoke("DescribeTags", request, () -> {
      if (request.resourceArns().size() > 20) {
        throw validationError("At most 20 resource ARNs may be given");
      }
      List<TagDescription> found = new ArrayList<>();
      for (String arn : request.resourceArns()) {
        Map<String, String> t = tags.get(arn);
        if (t == null) {
          throw arn.contains(":targetgroup/") ? error("TargetGroupNotFound", "Target group not found")
              : arn.contains(":listener/") ? error("ListenerNotFound", "Listener not found")
              : notFoundError("Load balancer not found");
        }
        found.add(TagDescription.builder().resourceArn(arn).tags(t.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
      }
      return ok(DescribeTagsResponse.builder().tagDescriptions(found));
    });
  }

  // ---- what Auto Scaling and the test drive ------------------------------------------------------------------------

  /** Registers an instance in a target group (Auto Scaling does this for its groups); health starts initial. */
  public void register(String targetGroupArn, String instanceId) {
    synchronized (lock) {
      Tg tg = targetGroups.get(targetGroupArn);
      if (tg != null) {
        tg.targets.putIfAbsent(instanceId, TargetHealthStateEnum.INITIAL);
      }
    }
  }

  public void deregister(String targetGroupArn, String instanceId) {
    synchronized (lock) {
      Tg tg = targetGroups.get(targetGroupArn);
      if (tg != null) {
        tg.targets.remove(instanceId);
      }
    }
  }

  /** Sets a target's health, as the load balancer's health checks would. */
  public void setHealth(String targetGroupArn, String instanceId, TargetHealthStateEnum state) {
    synchronized (lock) {
      tg(targetGroupArn).targets.put(instanceId, state);
    }
  }

  /** Load balancers become active; initial targets become healthy. */
  public void settle() {
    synchronized (lock) {
      loadBalancers.values().forEach(lb -> lb.state = LoadBalancerStateEnum.ACTIVE);
      targetGroups.values().forEach(tg -> tg.targets.replaceAll((id, s) ->
          s == TargetHealthStateEnum.INITIAL ? TargetHealthStateEnum.HEALTHY : s));
    }
  }

  /** The target group a load balancer's listener on {@code port} forwards to. */
  public Optional<String> forwardOf(String loadBalancerName, int port) {
    synchronized (lock) {
      return loadBalancers.values().stream().filter(lb -> lb.name.equals(loadBalancerName)).findFirst()
          .flatMap(lb -> listeners.values().stream().filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == port)
              .findFirst()).map(l -> l.targetGroupArn);
    }
  }

  /** The ARN of a load balancer's listener on {@code port}. */
  public Optional<String> listenerArn(String loadBalancerName, int port) {
    synchronized (lock) {
      return loadBalancers.values().stream().filter(lb -> lb.name.equals(loadBalancerName)).findFirst()
          .flatMap(lb -> listeners.values().stream().filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == port)
              .findFirst()).map(l -> l.arn);
    }
  }

  /** Where {@code http://<dns>:<port>} leads: the target group the listener forwards to. */
  public Optional<String> route(String dnsName, int port) {
    synchronized (lock) {
      return loadBalancers.values().stream().filter(lb -> lb.dnsName.equals(dnsName)).findFirst()
          .flatMap(lb -> listeners.values().stream().filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == port)
              .findFirst()).map(l -> l.targetGroupArn);
    }
  }

  /** The port of a listener, by ARN (-1 when there is none). */
  public int listenerPort(String listenerArn) {
    synchronized (lock) {
      Ln listener = listeners.get(listenerArn);
      return listener == null ? -1 : listener.port;
    }
  }

  /** The weights of a listener's weighted forward (target group ARN -> weight); empty when it forwards to one. */
  public Map<String, Integer> weightsOf(String loadBalancerName, int port) {
    synchronized (lock) {
      return loadBalancers.values().stream().filter(lb -> lb.name.equals(loadBalancerName)).findFirst()
          .flatMap(lb -> listeners.values().stream().filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == port)
              .findFirst()).map(l -> Map.copyOf(l.weights)).orElse(Map.of());
    }
  }

  /** Changes a listener's forward target by hand (drift). */
  public void backdoorForward(String loadBalancerName, int port, String targetGroupArn) {
    synchronized (lock) {
      Lb lb = loadBalancers.values().stream().filter(l -> l.name.equals(loadBalancerName)).findFirst().orElseThrow();
      listeners.values().stream().filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == port).findFirst()
          .orElseThrow().targetGroupArn = targetGroupArn;
      listeners.values().stream().filter(l -> l.loadBalancerArn.equals(lb.arn) && l.port == port).findFirst()
          .orElseThrow().weights = new LinkedHashMap<>();
    }
  }

  public Optional<String> targetGroupArn(String name) {
    synchronized (lock) {
      return targetGroups.values().stream().filter(t -> t.name.equals(name)).map(t -> t.arn).findFirst();
    }
  }

  public boolean loadBalancerExists(String name) {
    synchronized (lock) {
      return loadBalancers.values().stream().anyMatch(l -> l.name.equals(name));
    }
  }

  public int listenerCount() {
    synchronized (lock) {
      return listeners.size();
    }
  }

  public int targetGroupCount() {
    synchronized (lock) {
      return targetGroups.size();
    }
  }

  public Map<String, TargetHealthStateEnum> targets(String targetGroupArn) {
    synchronized (lock) {
      return Map.copyOf(tg(targetGroupArn).targets);
    }
  }

  /** A load balancer made by someone else, e.g. without the operator's tags. */
  public void backdoorCreateLoadBalancer(String name, List<String> subnets, Map<String, String> tags) {
    asSomeoneElse(() -> createLoadBalancer(CreateLoadBalancerRequest.builder().name(name).subnets(subnets).scheme("internal")
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
        .build()));
    clearCalls();
  }

  public Map<String, String> tagsOf(String arn) {
    synchronized (lock) {
      return Map.copyOf(tags.getOrDefault(arn, Map.of()));
    }
  }

  /**
   * The Route 53 hosted zone of this Region's Application Load Balancers, which alias records name with the load
   * balancer's DNS name ("Elastic Load Balancing endpoints and quotas", AWS General Reference; other Regions get a
   * made-up id of the same shape).
   */
  public String canonicalHostedZoneId() {
    return switch (region) {
      case "us-east-1" -> "Z35SXDOTRQ7X7K";
      case "eu-west-1" -> "Z32O12XQLNTSW2";
      case "eu-central-1" -> "Z215JYRZR1TBD5";
      default -> "Z" + String.format("%012X", Math.abs((long) region.hashCode())) + "ALB";
    };
  }

  /**
   * Whether {@code dnsName} (with or without the {@code dualstack.} prefix Route 53 accepts, any case, a final dot or
   * not) is one of this Region's load balancers under {@code hostedZoneId}: what Route 53 checks of an alias target.
   */
  public boolean isAliasTarget(String hostedZoneId, String dnsName) {
    String name = dnsName.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.$", "").replaceFirst("^dualstack\\.", "");
    synchronized (lock) {
      return canonicalHostedZoneId().equals(hostedZoneId)
          && loadBalancers.values().stream().anyMatch(lb -> lb.dnsName.equalsIgnoreCase(name));
    }
  }

  /** A person switching a load balancer's IP address type (SetIpAddressType) by hand: ipv4 or dualstack. */
  public void backdoorSetIpAddressType(String name, String ipAddressType) {
    synchronized (lock) {
      loadBalancers.values().stream().filter(lb -> lb.name.equals(name)).forEach(lb -> lb.ipAddressType = ipAddressType);
    }
  }

  /** The DNS name of a load balancer, by name. */
  public Optional<String> dnsName(String name) {
    synchronized (lock) {
      return loadBalancers.values().stream().filter(l -> l.name.equals(name)).map(l -> l.dnsName).findFirst();
    }
  }

  public Optional<String> loadBalancerArn(String name) {
    synchronized (lock) {
      return loadBalancers.values().stream().filter(l -> l.name.equals(name)).map(l -> l.arn).findFirst();
    }
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  @Override
  protected Authorization authorization(String operation, Object request) {
    String arn = null;
    if (request instanceof CreateLoadBalancerRequest r) {
      arn = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + accountId + ":loadbalancer/app/" + r.name()
          + "/*";
      return Authorization.tagging("elasticloadbalancing:" + operation, arn, Map.of(), tagMap(r.tags()), Map.of());
    } else if (request instanceof CreateTargetGroupRequest r) {
      arn = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + accountId + ":targetgroup/" + r.name() + "/*";
      return Authorization.tagging("elasticloadbalancing:" + operation, arn, Map.of(), tagMap(r.tags()), Map.of());
    } else if (request instanceof CreateListenerRequest r) {
      arn = r.loadBalancerArn();
    } else if (request instanceof ModifyListenerRequest r) {
      arn = r.listenerArn();
    } else if (request instanceof DeleteListenerRequest r) {
      arn = r.listenerArn();
    } else if (request instanceof DeleteLoadBalancerRequest r) {
      arn = r.loadBalancerArn();
    } else if (request instanceof DeleteTargetGroupRequest r) {
      arn = r.targetGroupArn();
    } else if (request instanceof AddTagsRequest r && !r.resourceArns().isEmpty()) {
      arn = r.resourceArns().get(0);
    } else if (operation.startsWith("Describe")) {
      return new Authorization("elasticloadbalancing:" + operation, "*", Map.of());
    }
    if (arn == null) {
      return null;
    }
    if (request instanceof AddTagsRequest r) {
      return Authorization.tagging("elasticloadbalancing:AddTags", arn, tags.getOrDefault(arn, Map.of()),
          tagMap(r.tags()), Map.of());
    }
    return new Authorization("elasticloadbalancing:" + operation, arn, Map.copyOf(tags.getOrDefault(arn, Map.of())));
  }

  /**
   * A load balancer, target group or listener created with tags is also authorized as elasticloadbalancing:AddTags,
   * with elasticloadbalancing:CreateAction (AWS, "ELB API permissions to tag resources during creation").
   */
  @Override
  protected List<Authorization> implicitAuthorizations(String operation, Object request) {
    String prefix = "arn:" + partition + ":elasticloadbalancing:" + region + ":" + accountId + ":";
    String arn = null;
    List<Tag> sent = List.of();
    if (request instanceof CreateLoadBalancerRequest r) {
      arn = prefix + "loadbalancer/app/" + r.name() + "/*";
      sent = r.tags();
    } else if (request instanceof CreateTargetGroupRequest r) {
      arn = prefix + "targetgroup/" + r.name() + "/*";
      sent = r.tags();
    } else if (request instanceof CreateListenerRequest r && r.loadBalancerArn() != null) {
      arn = r.loadBalancerArn().replace(":loadbalancer/", ":listener/") + "/*";
      sent = r.tags();
    }
    if (arn == null || sent.isEmpty()) {
      return List.of();
    }
    return List.of(Authorization.tagging("elasticloadbalancing:AddTags", arn, Map.of(), tagMap(sent),
        Map.of("elasticloadbalancing:CreateAction", operation)));
  }

  private Lb lb(String arn) {
    Lb lb = loadBalancers.get(arn);
    if (lb == null) {
      throw notFoundError("One or more load balancers not found");
    }
    return lb;
  }

  private Tg tg(String arn) {
    Tg tg = targetGroups.get(arn);
    if (tg == null) {
      throw error("TargetGroupNotFound", "One or more target groups not found");
    }
    return tg;
  }

  private Ln listener(String arn) {
    Ln listener = listeners.get(arn);
    if (listener == null) {
      throw error("ListenerNotFound", "One or more listeners not found");
    }
    return listener;
  }

  private String forwardTarget(List<Action> actions) {
    if (actions.size() != 1 || actions.get(0).type() != ActionTypeEnum.FORWARD) {
      throw validationError("This fake models one forward default action per listener");
    }
    Action action = actions.get(0);
    Map<String, Integer> weights = forwardWeights(actions);
    String target = action.targetGroupArn() != null ? action.targetGroupArn()
        : action.forwardConfig() != null && action.forwardConfig().targetGroups().size() == 1
            ? action.forwardConfig().targetGroups().get(0).targetGroupArn()
            // Weighted: requests go to every group by weight; route() follows the heaviest (first on a tie).
            : weights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    if (target == null) {
      throw validationError("A forward action needs a target group");
    }
    tg(target);
    return target;
  }

  /**
   * The weights of a forward to several target groups. TargetGroupTuple: "The weight. The range is 0 to 999."
   * (Elastic Load Balancing API Reference); a forward action takes at most 5 target groups (Application Load
   * Balancer quotas, "Target groups per action").
   */
  private Map<String, Integer> forwardWeights(List<Action> actions) {
    Action action = actions.get(0);
    if (action.forwardConfig() == null || action.forwardConfig().targetGroups().size() < 2) {
      return new LinkedHashMap<>();
    }
    if (action.forwardConfig().targetGroups().size() > 5) {
      throw validationError("A forward action can have at most 5 target groups");
    }
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (var tuple : action.forwardConfig().targetGroups()) {
      int weight = tuple.weight() == null ? 1 : tuple.weight();
      if (weight < 0 || weight > 999) {
        throw validationError("Target group weight must be between 0 and 999");
      }
      tg(tuple.targetGroupArn());
      if (weights.put(tuple.targetGroupArn(), weight) != null) {
        throw validationError("The same target group cannot be specified twice in a forward action");
      }
    }
    return weights;
  }

  private static Map<String, String> tagMap(List<Tag> list) {
    Map<String, String> map = new TreeMap<>();
    list.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  private LoadBalancer describe(Lb lb) {
    return LoadBalancer.builder().loadBalancerArn(lb.arn).loadBalancerName(lb.name).dnsName(lb.dnsName)
        .scheme(lb.scheme).type("application").securityGroups(lb.securityGroups)
        .canonicalHostedZoneId(canonicalHostedZoneId()).ipAddressType(lb.ipAddressType)
        .state(s -> s.code(lb.state)).vpcId("vpc-0a1b2c3d4e5f60708").build();
  }

  private TargetGroup describe(Tg tg) {
    List<String> lbs = listeners.values().stream().filter(l -> l.targetGroupArn.equals(tg.arn))
        .map(l -> l.loadBalancerArn).distinct().toList();
    return TargetGroup.builder().targetGroupArn(tg.arn).targetGroupName(tg.name).port(tg.port).protocol(tg.protocol)
        .healthCheckPath(tg.healthCheckPath).targetType("instance").loadBalancerArns(lbs).build();
  }

  private Listener describe(Ln l) {
    return Listener.builder().listenerArn(l.arn).loadBalancerArn(l.loadBalancerArn).port(l.port).protocol(l.protocol)
        .defaultActions(l.weights.isEmpty()
            ? Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(l.targetGroupArn).build()
            : Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(l.weights.entrySet()
                .stream().map(e -> software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple
                    .builder().targetGroupArn(e.getKey()).weight(e.getValue()).build()).toList())).build())
        .build();
  }

  private ElasticLoadBalancingV2Exception error(String code, String message) {
    return (ElasticLoadBalancingV2Exception) serviceError(ElasticLoadBalancingV2Exception.builder(), 400, code,
        message);
  }

  @SuppressWarnings("unused")
  private static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }

  @Override
  public String serviceName() {
    return ElasticLoadBalancingV2Client.SERVICE_NAME;
  }
}
