package dev.kaizen.operator.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionResponse;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.TerminateInstanceInAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * Stateful fake of EC2 Auto Scaling for groups made from launch templates and registered in ALB target groups, with
 * instance scale-in protection. Capacity is reconciled only when the test says so ({@link #settle()}): missing
 * instances are launched from the group's template (through {@link FakeEc2}) and registered in its target groups
 * ({@link FakeElbV2}); surplus instances are terminated only if unprotected, as AWS does ("If all instances in an
 * Auto Scaling group are protected from scale in, and a scale-in event occurs, its desired capacity is decremented.
 * However, the Auto Scaling group can't terminate the required number of instances until their instance scale-in
 * protection settings are disabled", Amazon EC2 Auto Scaling User Guide, "Use instance scale-in protection").
 *
 * <p>Errors (Query protocol, HTTP 400 unless said): {@code AlreadyExists}, {@code ValidationError} (also for a group
 * that does not exist, as AWS answers), {@code ScalingActivityInProgress}, {@code ResourceInUse}; throttling is
 * {@code Throttling} "Rate exceeded".
 */
public class FakeAutoScaling extends FakeAwsService implements AutoScalingClient {

  /**
   * All EC2 Auto Scaling calls of an account and Region share one bucket (AWS knowledge center, "Rate Exceeded errors
   * from Auto Scaling"); AWS publishes no figure: 10 requests per second assumed for each operation here.
   */
  public static final Map<String, Integer> QUOTAS = Map.of(
      "CreateAutoScalingGroup", 10, "DescribeAutoScalingGroups", 10, "UpdateAutoScalingGroup", 10,
      "SetInstanceProtection", 10, "TerminateInstanceInAutoScalingGroup", 10, "DeleteAutoScalingGroup", 10,
      "CreateOrUpdateTags", 10);

  static final ServiceErrors ERRORS = new ServiceErrors(
      AutoScalingException::builder,
      ServiceErrors.shape(AutoScalingException::builder, 400, "Throttling").saying("Rate exceeded"),
      ServiceErrors.shape(AutoScalingException::builder, 500, "ResourceContention")
          .saying("You already have a pending update to an Auto Scaling resource."),
      ServiceErrors.shape(AutoScalingException::builder, 400, "ValidationError"),
      ServiceErrors.shape(AutoScalingException::builder, 400, "ValidationError"),
      ServiceErrors.shape(AutoScalingException::builder, 400, "InvalidNextToken").saying("The token is invalid."));

  private static final class Group {
    String name;
    String arn;
    LaunchTemplateSpecification template;
    int min;
    int max;
    int desired;
    boolean newInstancesProtected;
    List<String> targetGroups;
    List<String> subnets;
    boolean deleting;
    final Map<String, Member> instances = new LinkedHashMap<>();
    final Map<String, String> tags = new TreeMap<>();
  }

  private static final class Member {
    String id;
    LifecycleState state;
    String health = "Healthy";
    boolean protectedFromScaleIn;
    String templateVersion;
  }

  private final FakeEc2 ec2;
  private final FakeElbV2 elb;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  public FakeAutoScaling(String region, String accountId, FakeEc2 ec2, FakeElbV2 elb) {
    super("Auto Scaling", ERRORS, QUOTAS, region, accountId);
    this.ec2 = ec2;
    this.elb = elb;
  }

  @Override
  protected void resetState() {
    groups.clear();
  }

  @Override
  public CreateAutoScalingGroupResponse createAutoScalingGroup(CreateAutoScalingGroupRequest request) {
    return invoke("CreateAutoScalingGroup", request, () -> {
      String name = request.autoScalingGroupName();
      if (name == null || name.isEmpty() || name.length() > 255) {
        throw validationError("AutoScalingGroupName must be 1 to 255 characters.");
      }
      if (groups.containsKey(name)) {
        throw error("AlreadyExists", "AutoScalingGroup by this name already exists - A group with the name " + name
            + " already exists");
      }
      if (request.launchTemplate() == null) {
        throw validationError("Valid requests must contain either LaunchTemplate, LaunchConfigurationName,"
            + " InstanceId or MixedInstancesPolicy parameter.");
      }
      int desired = request.desiredCapacity() == null ? request.minSize() : request.desiredCapacity();
      checkCapacity(request.minSize(), request.maxSize(), desired);
      if (request.vpcZoneIdentifier() == null || request.vpcZoneIdentifier().isEmpty()) {
        throw validationError("No default VPC for this user: give VPCZoneIdentifier.");
      }
      Group group = new Group();
      group.name = name;
      group.arn = "arn:" + partition + ":autoscaling:" + region + ":" + accountId
          + ":autoScalingGroup:" + java.util.UUID.nameUUIDFromBytes(name.getBytes()) + ":autoScalingGroupName/" + name;
      group.template = request.launchTemplate();
      group.min = request.minSize();
      group.max = request.maxSize();
      group.desired = desired;
      group.newInstancesProtected = Boolean.TRUE.equals(request.newInstancesProtectedFromScaleIn());
      group.targetGroups = List.copyOf(request.targetGroupARNs());
      group.subnets = List.of(request.vpcZoneIdentifier().split(","));
      request.tags().forEach(t -> group.tags.put(t.key(), t.value()));
      groups.put(name, group);
      return ok(CreateAutoScalingGroupResponse.builder());
    });
  }

  @Override
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(DescribeAutoScalingGroupsRequest request) {
    return invoke("DescribeAutoScalingGroups", request, () -> {
      List<AutoScalingGroup> found = new ArrayList<>();
      // Unknown names are simply not returned (no error), as AWS does. Filters (tag-key, tag-value, tag:<key>) are
      // ANDed, a filter's values ORed (API reference, "Filter").
      for (Group group : groups.values()) {
        if ((!request.hasAutoScalingGroupNames() || request.autoScalingGroupNames().contains(group.name))
            && (!request.hasFilters() || request.filters().stream().allMatch(f -> matches(group, f)))) {
          found.add(describe(group));
        }
      }
      // MaxRecords: 50 by default, at most 100; NextToken is an opaque offset here.
      int max = request.maxRecords() == null ? 50 : request.maxRecords();
      if (max < 1 || max > 100) {
        throw validationError("MaxRecords must be between 1 and 100.");
      }
      int from = 0;
      if (request.nextToken() != null) {
        try {
          from = Integer.parseInt(request.nextToken().substring("asg-page-".length()));
        } catch (RuntimeException e) {
          throw error("InvalidNextToken", "The token is invalid.");
        }
      }
      int to = Math.min(found.size(), from + max);
      return ok(DescribeAutoScalingGroupsResponse.builder().autoScalingGroups(found.subList(Math.min(from, to), to))
          .nextToken(to < found.size() ? "asg-page-" + to : null));
    });
  }

  private boolean matches(Group group, software.amazon.awssdk.services.autoscaling.model.Filter filter) {
    String name = filter.name();
    if ("tag-key".equals(name)) {
      return filter.values().stream().anyMatch(group.tags::containsKey);
    }
    if ("tag-value".equals(name)) {
      return filter.values().stream().anyMatch(group.tags::containsValue);
    }
    if (name != null && name.startsWith("tag:")) {
      String value = group.tags.get(name.substring("tag:".length()));
      return value != null && filter.values().contains(value);
    }
    throw validationError("The filter name " + name + " is not valid: use tag-key, tag-value or tag:<key>.");
  }

  @Override
  public UpdateAutoScalingGroupResponse updateAutoScalingGroup(UpdateAutoScalingGroupRequest request) {
    return invoke("UpdateAutoScalingGroup", request, () -> {
      Group group = group(request.autoScalingGroupName());
      int min = request.minSize() == null ? group.min : request.minSize();
      int max = request.maxSize() == null ? group.max : request.maxSize();
      int desired = request.desiredCapacity() == null ? Math.max(min, Math.min(max, group.desired))
          : request.desiredCapacity();
      checkCapacity(min, max, desired);
      group.min = min;
      group.max = max;
      group.desired = desired;
      if (request.newInstancesProtectedFromScaleIn() != null) {
        group.newInstancesProtected = request.newInstancesProtectedFromScaleIn();
      }
      if (request.launchTemplate() != null) {
        group.template = request.launchTemplate();
      }
      return ok(UpdateAutoScalingGroupResponse.builder());
    });
  }

  @Override
  public SetInstanceProtectionResponse setInstanceProtection(SetInstanceProtectionRequest request) {
    return invoke("SetInstanceProtection", request, () -> {
      Group group = group(request.autoScalingGroupName());
      if (request.instanceIds().size() > 50) {
        throw error("LimitExceeded", "You can specify up to 50 instances.");
      }
      for (String id : request.instanceIds()) {
        if (!group.instances.containsKey(id)) {
          throw validationError("The instance " + id + " is not part of Auto Scaling group " + group.name + ".");
        }
      }
      request.instanceIds().forEach(id -> group.instances.get(id).protectedFromScaleIn =
          request.protectedFromScaleIn());
      return ok(SetInstanceProtectionResponse.builder());
    });
  }

  @Override
  public TerminateInstanceInAutoScalingGroupResponse terminateInstanceInAutoScalingGroup(
      TerminateInstanceInAutoScalingGroupRequest request) {
    return invoke("TerminateInstanceInAutoScalingGroup", request, () -> {
      Group group = groups.values().stream().filter(g -> g.instances.containsKey(request.instanceId())).findFirst()
          .orElseThrow(() -> validationError("Instance Id not found - No managed instance found for instance ID: "
              + request.instanceId()));
      Member member = group.instances.get(request.instanceId());
      if (member.state == LifecycleState.TERMINATING) {
        return ok(TerminateInstanceInAutoScalingGroupResponse.builder());
      }
      if (Boolean.TRUE.equals(request.shouldDecrementDesiredCapacity())) {
        if (group.desired - 1 < group.min) {
          throw validationError("Currently, desiredSize equals minSize (" + group.min + "). Terminating instance"
              + " without replacement will violate group's min size constraint. Either set shouldDecrementDesired"
              + "Capacity flag to false or lower group's min size.");
        }
        group.desired--;
      }
      // Terminating: deregistered from its target groups at once; gone from the group when the test settles.
      member.state = LifecycleState.TERMINATING;
      group.targetGroups.forEach(tg -> elb.deregister(tg, member.id));
      return ok(TerminateInstanceInAutoScalingGroupResponse.builder());
    });
  }

  @Override
  public DeleteAutoScalingGroupResponse deleteAutoScalingGroup(DeleteAutoScalingGroupRequest request) {
    return invoke("DeleteAutoScalingGroup", request, () -> {
      Group group = group(request.autoScalingGroupName());
      boolean force = Boolean.TRUE.equals(request.forceDelete());
      if (!force && group.instances.values().stream().anyMatch(m -> m.state != LifecycleState.TERMINATING)) {
        throw error("ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or pending"
            + " Spot instance request(s) still in the group.");
      }
      // ForceDelete terminates every instance, protected or not; the group is gone once they are.
      for (Member member : group.instances.values()) {
        group.targetGroups.forEach(tg -> elb.deregister(tg, member.id));
        ec2.terminated(member.id);
      }
      groups.remove(group.name);
      return ok(DeleteAutoScalingGroupResponse.builder());
    });
  }

  @Override
  public CreateOrUpdateTagsResponse createOrUpdateTags(CreateOrUpdateTagsRequest request) {
    return invoke("CreateOrUpdateTags", request, () -> {
      request.tags().forEach(t -> group(t.resourceId()));
      request.tags().forEach(t -> groups.get(t.resourceId()).tags.put(t.key(), t.value()));
      return ok(CreateOrUpdateTagsResponse.builder());
    });
  }

  // ---- the test's control over what AWS does by itself ------------------------------------------------------------

  /**
   * What Auto Scaling does over time, at once: terminating instances are gone, missing ones are launched and become
   * InService (registered in the group's target groups, whose health checks the test settles through
   * {@link FakeElbV2#settle()}), and surplus unprotected ones are terminated.
   */
  public void settle() {
    synchronized (lock) {
      for (Group group : groups.values()) {
        group.instances.values().removeIf(m -> {
          if (m.state == LifecycleState.TERMINATING) {
            ec2.terminated(m.id);
            return true;
          }
          return false;
        });
        while (group.instances.size() < group.desired) {
          launch(group);
        }
        List<Member> unprotected = group.instances.values().stream().filter(m -> !m.protectedFromScaleIn).toList();
        int surplus = group.instances.size() - group.desired;
        for (int i = 0; i < surplus && i < unprotected.size(); i++) {
          Member m = unprotected.get(i);
          group.targetGroups.forEach(tg -> elb.deregister(tg, m.id));
          ec2.terminated(m.id);
          group.instances.remove(m.id);
        }
      }
    }
  }

  /** Launches up to {@code count} missing instances of a group, InService and registered (health initial). */
  public List<String> launchSome(String groupName, int count) {
    synchronized (lock) {
      Group group = groups.get(groupName);
      List<String> launched = new ArrayList<>();
      for (int i = 0; i < count && group.instances.size() < group.desired; i++) {
        launched.add(launch(group).id);
      }
      return launched;
    }
  }

  /**
   * AWS replaces an instance that failed its health checks: the old one terminates (whatever its protection) and a
   * new one launches, registered with health initial. Returns the new instance's id.
   */
  public String replaceUnhealthy(String instanceId) {
    synchronized (lock) {
      Group group = groups.values().stream().filter(g -> g.instances.containsKey(instanceId)).findFirst()
          .orElseThrow();
      group.instances.remove(instanceId);
      group.targetGroups.forEach(tg -> elb.deregister(tg, instanceId));
      ec2.terminated(instanceId);
      return launch(group).id;
    }
  }

  /** Changes a group's desired capacity by hand (drift), as someone in the console would. */
  public void backdoorSetDesired(String groupName, int desired) {
    synchronized (lock) {
      Group group = groups.get(groupName);
      group.desired = desired;
      group.max = Math.max(group.max, desired);
      group.min = Math.min(group.min, desired);
    }
  }

  public boolean exists(String groupName) {
    synchronized (lock) {
      return groups.containsKey(groupName);
    }
  }

  public int desired(String groupName) {
    synchronized (lock) {
      return groups.get(groupName).desired;
    }
  }

  /** The instances of a group that are not terminating, in launch order. */
  public List<String> instances(String groupName) {
    synchronized (lock) {
      Group group = groups.get(groupName);
      return group == null ? List.of() : group.instances.values().stream()
          .filter(m -> m.state != LifecycleState.TERMINATING).map(m -> m.id).toList();
    }
  }

  public boolean isProtected(String instanceId) {
    synchronized (lock) {
      return groups.values().stream().map(g -> g.instances.get(instanceId)).filter(java.util.Objects::nonNull)
          .findFirst().map(m -> m.protectedFromScaleIn).orElseThrow();
    }
  }

  public Map<String, String> tags(String groupName) {
    synchronized (lock) {
      return Map.copyOf(groups.get(groupName).tags);
    }
  }

  public List<String> groupNames() {
    synchronized (lock) {
      return List.copyOf(groups.keySet());
    }
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private Member launch(Group group) {
    FakeEc2.FakeInstance instance = ec2.launch(group.template.launchTemplateId(), group.template.launchTemplateName(),
        group.template.version());
    Member member = new Member();
    member.id = instance.id();
    member.state = LifecycleState.IN_SERVICE;
    member.protectedFromScaleIn = group.newInstancesProtected;
    member.templateVersion = String.valueOf(instance.version());
    group.instances.put(member.id, member);
    group.targetGroups.forEach(tg -> elb.register(tg, member.id));
    return member;
  }

  @Override
  protected Authorization authorization(String operation, Object request) {
    String name = null;
    if (request instanceof CreateAutoScalingGroupRequest r) {
      Map<String, String> sent = new java.util.TreeMap<>();
      r.tags().forEach(t -> sent.put(t.key(), t.value()));
      return Authorization.tagging("autoscaling:" + operation, arnPattern(r.autoScalingGroupName()), Map.of(), sent,
          Map.of());
    } else if (request instanceof UpdateAutoScalingGroupRequest r) {
      name = r.autoScalingGroupName();
    } else if (request instanceof SetInstanceProtectionRequest r) {
      name = r.autoScalingGroupName();
    } else if (request instanceof DeleteAutoScalingGroupRequest r) {
      name = r.autoScalingGroupName();
    } else if (request instanceof CreateOrUpdateTagsRequest r && !r.tags().isEmpty()) {
      name = r.tags().get(0).resourceId();
    } else if (request instanceof TerminateInstanceInAutoScalingGroupRequest r) {
      name = groups.values().stream().filter(g -> g.instances.containsKey(r.instanceId())).map(g -> g.name)
          .findFirst().orElse(null);
    } else if (request instanceof DescribeAutoScalingGroupsRequest) {
      return new Authorization("autoscaling:" + operation, "*", Map.of());
    }
    Group group = name == null ? null : groups.get(name);
    if (group == null) {
      return null;
    }
    if (request instanceof CreateOrUpdateTagsRequest r) {
      Map<String, String> sent = new java.util.TreeMap<>();
      r.tags().forEach(t -> sent.put(t.key(), t.value()));
      return Authorization.tagging("autoscaling:" + operation, group.arn, group.tags, sent, Map.of());
    }
    return new Authorization("autoscaling:" + operation, group.arn, Map.copyOf(group.tags));
  }

  private String arnPattern(String name) {
    return "arn:" + partition + ":autoscaling:" + region + ":" + accountId + ":autoScalingGroup:*:autoScalingGroupName/"
        + name;
  }

  private Group group(String name) {
    Group group = groups.get(name);
    if (group == null) {
      throw validationError("AutoScalingGroup name not found - AutoScalingGroup " + name + " not found");
    }
    return group;
  }

  private void checkCapacity(Integer min, Integer max, int desired) {
    if (min == null || max == null) {
      throw validationError("MinSize and MaxSize are required.");
    }
    if (min > max) {
      throw validationError("Max bound, " + max + ", must be greater than or equal to min bound, " + min);
    }
    if (desired < min || desired > max) {
      throw validationError("Desired capacity:" + desired + " must be between the specified min size:" + min
          + " and max size:" + max);
    }
  }

  private AutoScalingGroup describe(Group group) {
    return AutoScalingGroup.builder().autoScalingGroupName(group.name).autoScalingGroupARN(group.arn)
        .launchTemplate(group.template).minSize(group.min).maxSize(group.max).desiredCapacity(group.desired)
        .newInstancesProtectedFromScaleIn(group.newInstancesProtected).targetGroupARNs(group.targetGroups)
        .vpcZoneIdentifier(String.join(",", group.subnets))
        .instances(group.instances.values().stream().map(m -> Instance.builder().instanceId(m.id)
            .lifecycleState(m.state).healthStatus(m.health).protectedFromScaleIn(m.protectedFromScaleIn)
            .launchTemplate(LaunchTemplateSpecification.builder().launchTemplateId(group.template.launchTemplateId())
                .launchTemplateName(group.template.launchTemplateName()).version(m.templateVersion).build())
            .build()).toList())
        .tags(group.tags.entrySet().stream().map(e -> TagDescription.builder().resourceId(group.name)
            .resourceType("auto-scaling-group").key(e.getKey()).value(e.getValue()).propagateAtLaunch(true).build())
            .toList())
        .build();
  }

  private AutoScalingException error(String code, String message) {
    return (AutoScalingException) serviceError(AutoScalingException.builder(), 400, code, message);
  }

  @Override
  public String serviceName() {
    return AutoScalingClient.SERVICE_NAME;
  }
}
