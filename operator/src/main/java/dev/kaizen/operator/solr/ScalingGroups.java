package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/** A colour's Auto Scaling group: capacity, scale-in protection, the instances in it. */
public final class ScalingGroups {
  static final String SERVICE = "AutoScaling";

  /** One instance of the group. */
  public record Member(String id, String lifecycle, String health, boolean protectedFromScaleIn) {
    /** Not on its way out (Terminating, Terminated, Detaching...). */
    public boolean staying() {
      return !lifecycle.startsWith("Terminat") && !lifecycle.startsWith("Detach");
    }
  }

  /** A group as observed. */
  public record Observed(String name, String arn, int min, int max, int desired, boolean newInstancesProtected,
      List<String> targetGroups, List<Member> instances, Map<String, String> tags) {

    public List<Member> staying() {
      return instances.stream().filter(Member::staying).toList();
    }
  }

  private final AutoScalingClient client;
  private final AwsCalls calls;
  private final AwsTarget target;
  /** Whose reconcile makes the calls: on a service-wide bucket (Auto Scaling) its retries keep their turn. */
  private final AwsCaller caller;

  public ScalingGroups(AutoScalingClient client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private ScalingGroups(AutoScalingClient client, AwsCalls calls, AwsTarget target, AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  /** The same gateway, making its calls for {@code caller} (one reconcile of one resource). */
  public ScalingGroups forCaller(AwsCaller caller) {
    return new ScalingGroups(client, calls, target, caller);
  }

  /** The named groups that exist (one call for all). */
  public Map<String, Observed> describe(List<String> names) {
    Map<String, Observed> found = new TreeMap<>();
    call("DescribeAutoScalingGroups", () -> client.describeAutoScalingGroups(r -> r.autoScalingGroupNames(names)))
        .autoScalingGroups().forEach(g -> found.put(g.autoScalingGroupName(), observed(g)));
    return found;
  }

  /**
   * Every group of the account and region carrying the tag key {@code tagKey} (a filter AWS applies), 100 a page:
   * the batched read a SolrCluster at rest shares with every other one (see {@link RestingReads}).
   */
  public Map<String, Observed> describeTagged(String tagKey) {
    Map<String, Observed> found = new TreeMap<>();
    String token = null;
    do {
      String from = token;
      var page = call("DescribeAutoScalingGroups", () -> client.describeAutoScalingGroups(r -> r
          .filters(f -> f.name("tag-key").values(tagKey)).maxRecords(100).nextToken(from)));
      page.autoScalingGroups().forEach(g -> found.put(g.autoScalingGroupName(), observed(g)));
      token = page.nextToken();
    } while (token != null);
    return found;
  }

  private static Observed observed(AutoScalingGroup g) {
    Map<String, String> tags = new TreeMap<>();
    g.tags().forEach(t -> tags.put(t.key(), t.value()));
    return new Observed(g.autoScalingGroupName(), g.autoScalingGroupARN(), g.minSize(), g.maxSize(),
        g.desiredCapacity(), Boolean.TRUE.equals(g.newInstancesProtectedFromScaleIn()), g.targetGroupARNs(),
        g.instances().stream().map(i -> new Member(i.instanceId(),
            i.lifecycleState() == null ? LifecycleState.PENDING.toString() : i.lifecycleStateAsString(),
            i.healthStatus(), Boolean.TRUE.equals(i.protectedFromScaleIn()))).toList(), tags);
  }

  /**
   * Creates the group from the template's {@code $Latest} version, registered in the colour's target group, every
   * new instance protected from scale-in (AWS never picks a Solr node to terminate on its own).
   */
  public void create(String name, String launchTemplate, String targetGroupArn, List<String> subnets, int nodes,
      Map<String, String> tags) {
    try {
      call("CreateAutoScalingGroup", () -> client.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
          .launchTemplate(t -> t.launchTemplateName(launchTemplate).version("$Latest"))
          .minSize(nodes).maxSize(nodes).desiredCapacity(nodes)
          .newInstancesProtectedFromScaleIn(true)
          .healthCheckType("ELB").healthCheckGracePeriod(600)
          .targetGroupARNs(targetGroupArn)
          .vpcZoneIdentifier(String.join(",", subnets))
          .tags(tags.entrySet().stream().map(e -> Tag.builder().resourceId(name).resourceType("auto-scaling-group")
              .key(e.getKey()).value(e.getValue()).propagateAtLaunch(true).build()).toList())));
    } catch (AutoScalingException e) {
      if (!"AlreadyExists".equals(code(e))) {
        throw e;
      }
      // Created by a reconcile whose response was lost: the next observe reads it and its tags.
    }
  }

  public void resize(String name, int min, int max, int desired) {
    call("UpdateAutoScalingGroup", () -> client.updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
        .minSize(min).maxSize(max).desiredCapacity(desired).newInstancesProtectedFromScaleIn(true)));
  }

  public void protect(String name, List<String> instanceIds, boolean protect) {
    call("SetInstanceProtection", () -> client.setInstanceProtection(r -> r.autoScalingGroupName(name)
        .instanceIds(instanceIds).protectedFromScaleIn(protect)));
  }

  /** Terminates one instance and lowers the desired capacity by one, so it is not replaced. */
  public void terminate(String instanceId) {
    call("TerminateInstanceInAutoScalingGroup", () -> client.terminateInstanceInAutoScalingGroup(r -> r
        .instanceId(instanceId).shouldDecrementDesiredCapacity(true)));
  }

  public void tag(String name, Map<String, String> tags) {
    call("CreateOrUpdateTags", () -> client.createOrUpdateTags(r -> r.tags(tags.entrySet().stream()
        .map(e -> Tag.builder().resourceId(name).resourceType("auto-scaling-group").key(e.getKey())
            .value(e.getValue()).propagateAtLaunch(true).build()).toList())));
  }

  /** Deletes the group and its instances, protected or not (ForceDelete). */
  public void delete(String name) {
    call("DeleteAutoScalingGroup", () -> client.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name)
        .forceDelete(true)));
  }

  private static String code(AutoScalingException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private <T> T call(String operation, java.util.function.Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
