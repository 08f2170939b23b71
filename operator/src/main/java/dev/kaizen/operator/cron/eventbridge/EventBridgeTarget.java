package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetStatus;
import dev.kaizen.operator.api.v1alpha1.cron.ScheduleGroupStatus;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.cron.CronJobSetPorts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * The EventBridge target's part of CronJobSetKind: where a set's group lives, how it is read, and what it is as an
 * owned object. Every observe reads the group (GetScheduleGroup), its schedules' names (ListSchedules in the group,
 * every page) and each schedule (GetSchedule); a full observe also reads the group's tags. There is no shared
 * listing: Scheduler has no batched read of schedules across groups with their settings, and a set's reads are one
 * group's (see docs/architecture.md).
 */
public final class EventBridgeTarget {
  /** How far back JobsHealthy looks at a group's run counts. */
  public static final java.time.Duration HEALTH_WINDOW = java.time.Duration.ofHours(24);

  private final Function<AwsTarget, ScheduleGateway> gateways;
  private final Optional<Region> defaultRegion;
  private final Map<AwsTarget, ScheduleGateway> cache = new ConcurrentHashMap<>();

  public EventBridgeTarget(Function<AwsTarget, ScheduleGateway> gateways, Optional<Region> defaultRegion) {
    this.gateways = gateways;
    this.defaultRegion = defaultRegion;
  }

  /** The spec's region, else the account's default region, else the operator's. */
  public Optional<AwsTarget> target(CronJobSet set, AccountBinding account) {
    return Optional.ofNullable(set.getSpec().getRegion()).or(account::defaultRegion).map(Region::of)
        .or(() -> defaultRegion).map(region -> new AwsTarget(account.account(), region));
  }

  public EventBridgePorts ports(CronJobSet set, AccountBinding account, CronJobSetPorts kubernetes) {
    AwsTarget target = target(set, account).orElseThrow(() -> new InvalidSpecException("spec.region is not set and"
        + " the operator has no default region: set spec.region, or start the operator with --region."));
    // The region is part of the group's identity: moving it would leave the group behind and make a second one.
    Optional.ofNullable(set.getStatus()).map(CronJobSetStatus::getScheduleGroup).flatMap(ScheduleGroupStatus::livesIn)
        .filter(region -> !region.equals(target.region().id())).ifPresent(region -> {
          throw new InvalidSpecException("The schedule group lives in " + region + "; spec.region (or the default"
              + " region) now says " + target.region().id() + ": set the region back, or delete the set (policy Delete)"
              + " and create it again to move it.");
        });
    return new EventBridgePorts(kubernetes, cache.computeIfAbsent(target, gateways), account.defaultTags(),
        target.region().id());
  }

  /**
   * The ports to reach the group a set left behind when it moved from EventBridge to Kubernetes: in the account it
   * is bound to and the region {@code status.scheduleGroup} records, whatever the spec says now.
   */
  public EventBridgePorts formerPorts(String region, AccountBinding account, CronJobSetPorts kubernetes) {
    AwsTarget target = new AwsTarget(account.account(), Region.of(region));
    return new EventBridgePorts(kubernetes, cache.computeIfAbsent(target, gateways), account.defaultTags(), region);
  }

  /**
   * The group a set left behind (target kubernetes now): the group itself and, on a full observe, its tags (the
   * marker its removal is judged on). Its schedules are not read: deleting the group deletes them.
   */
  public EventBridgeObservation observeFormer(String groupName, EventBridgePorts ports, boolean full) {
    ScheduleGateway scheduler = ports.scheduler();
    Optional<ObservedGroup> group = scheduler.group(groupName);
    Optional<Map<String, String>> tags = full && group.isPresent() ? Optional.of(scheduler.tags(group.get().arn()))
        : Optional.empty();
    return new EventBridgeObservation(groupName, group, tags, Map.of(), List.of(), ports.accountTags(),
        Optional.empty(), Optional.of(ports.region()));
  }

  public EventBridgeObservation observe(CronJobSet set, EventBridgePorts ports, boolean full) {
    String groupName = DesiredSchedules.group(set);
    List<ScheduleDefinition> desired = DesiredSchedules.of(set);
    ScheduleGateway scheduler = ports.scheduler();
    // A full observe right after this reconcile's light one adds the tags (and run counts) to what that one read.
    LightRead.GroupRead read = (full ? ports.lightRead().take(groupName) : Optional.<LightRead.GroupRead>empty())
        .orElseGet(() -> readGroup(scheduler, groupName));
    if (!full) {
      ports.lightRead().keep(read);
    }
    Optional<ObservedGroup> group = read.group();
    if (group.isEmpty()) {
      return new EventBridgeObservation(groupName, group, Optional.empty(), Map.of(), desired, ports.accountTags(),
          Optional.empty(), Optional.of(ports.region()));
    }
    Optional<Map<String, String>> tags = full ? Optional.of(scheduler.tags(group.get().arn())) : Optional.empty();
    Map<String, ScheduleDefinition> schedules = read.schedules();
    // Run counts cost a CloudWatch call: read with the tags, on full observes only (never per resync).
    Optional<GroupRuns> runs = full && !group.get().deleting()
        ? Optional.of(scheduler.runs(groupName, HEALTH_WINDOW)) : Optional.empty();
    return new EventBridgeObservation(groupName, group, tags, schedules, desired, ports.accountTags(), runs,
        Optional.of(ports.region()));
  }

  private static LightRead.GroupRead readGroup(ScheduleGateway scheduler, String groupName) {
    Optional<ObservedGroup> group = scheduler.group(groupName);
    Map<String, ScheduleDefinition> schedules = new LinkedHashMap<>();
    if (group.isPresent() && !group.get().deleting()) {
      for (String name : scheduler.scheduleNames(groupName)) {
        scheduler.schedule(groupName, name).ifPresent(schedule -> schedules.put(name, schedule));
      }
    }
    return new LightRead.GroupRead(groupName, group, schedules);
  }

  /** The group, judged on its tags; its identity is its ARN and creation time (a group made again is another). */
  public static OwnedObject owned(EventBridgeObservation observed) {
    Optional<ObservedGroup> group = observed.group();
    return new OwnedObject(EventBridgePlanner.key(observed.groupName()), "schedule group " + observed.groupName(),
        group.isPresent(), observed.tags().map(OwnerTags::read),
        group.map(g -> g.arn() + "@" + g.created()));
  }
}
