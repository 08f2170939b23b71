package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.logs.LogGroupSpec;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupStatus;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.AwsKind;
import dev.kaizen.operator.core.reconcile.RootState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;

/** LogPipeline's part of the reconcile loop: its log group, observed through a shared per-account catalog. */
public final class LogPipelineKind implements AwsKind<LogPipeline, LogGroupObservation, LogGroupGateway> {
  private final AwsClients clients;
  private final AwsCalls calls;
  private final Optional<Region> defaultRegion;
  private final Clock clock;
  private final Duration snapshotMaxAge;
  private final Map<AwsTarget, LogGroupGateway> gateways = new ConcurrentHashMap<>();
  private final Map<AwsTarget, LogGroupCatalog> catalogs = new ConcurrentHashMap<>();

  public LogPipelineKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion, Clock clock,
      Duration snapshotMaxAge) {
    this.clients = clients;
    this.calls = calls;
    this.defaultRegion = defaultRegion;
    this.clock = clock;
    this.snapshotMaxAge = snapshotMaxAge;
  }

  /** The group a LogPipeline asks for; the name defaults to {@code /<namespace>/<name>}. */
  public static DesiredLogGroup desired(LogPipeline pipeline) {
    LogGroupSpec spec = pipeline.getSpec().getLogGroup();
    String name = spec.getName() != null
        ? spec.getName()
        : "/" + pipeline.getMetadata().getNamespace() + "/" + pipeline.getMetadata().getName();
    return new DesiredLogGroup(name, spec.getRetentionDays(), spec.getKmsKeyArn(), spec.getTags());
  }

  @Override
  public KaizenStatus initStatus(LogPipeline pipeline) {
    if (pipeline.getStatus() == null) {
      pipeline.setStatus(new LogPipelineStatus());
    }
    return pipeline.getStatus();
  }

  @Override
  public List<String> problems(LogPipeline pipeline) {
    if (pipeline.getSpec() == null || pipeline.getSpec().getLogGroup() == null) {
      return List.of("spec.logGroup is required.");
    }
    return List.of();
  }

  /** The resource's account and region; fails when neither the spec nor the operator names a region. */
  private AwsTarget requireTarget(LogPipeline pipeline) {
    return target(pipeline).orElseThrow(() -> new InvalidSpecException("spec.region is not set and the operator"
        + " has no default region: set spec.region, or start the operator with --region or AWS_REGION."));
  }

  /** A name defaulted from metadata must not change under an existing group (e.g. spec.logGroup.name added). */
  private static void requireSameName(LogPipeline pipeline, DesiredLogGroup desired) {
    String recorded = Optional.ofNullable(pipeline.getStatus()).map(LogPipelineStatus::getLogGroup)
        .map(LogGroupStatus::getName).orElse(null);
    if (recorded != null && !recorded.equals(desired.name())) {
      throw new InvalidSpecException("The log group name cannot change from " + recorded + " to " + desired.name()
          + ": to rename, create a new LogPipeline and delete this one.");
    }
  }

  public Optional<AwsTarget> target(LogPipeline pipeline) {
    String region = pipeline.getSpec().getRegion();
    return Optional.ofNullable(region).map(Region::of).or(() -> defaultRegion).map(AwsTarget::of);
  }

  @Override
  public LogGroupGateway gateway(LogPipeline pipeline) {
    return gateway(requireTarget(pipeline));
  }

  public LogGroupGateway gateway(AwsTarget target) {
    return gateways.computeIfAbsent(target,
        t -> new CloudWatchLogsGateway(clients.cloudWatchLogs(t), calls, t));
  }

  @Override
  public LogGroupObservation observe(LogPipeline pipeline, LogGroupGateway gateway, boolean full) {
    AwsTarget target = requireTarget(pipeline);
    DesiredLogGroup desired = desired(pipeline);
    requireSameName(pipeline, desired);
    LogGroupCatalog catalog = catalog(target);
    Optional<ObservedLogGroup> group = full ? catalog.read(desired.name()) : catalog.find(desired.name());
    Optional<Map<String, String>> tags = full ? group.map(g -> gateway.tags(g.arn())) : Optional.empty();
    return new LogGroupObservation(target, desired, group, tags);
  }

  @Override
  public LogGroupObservation emptyAccount(LogPipeline pipeline) {
    AwsTarget target = target(pipeline).orElse(AwsTarget.of(Region.of("unset")));
    return LogGroupObservation.emptyAccount(target, desired(pipeline));
  }

  @Override
  public RootState root(LogPipeline pipeline, LogGroupObservation observed) {
    return new RootState("log group " + observed.desired().name(), observed.group().isPresent(),
        observed.tags().map(OwnerTags::read));
  }

  @Override
  public Plan<LogGroupGateway> plan(LogPipeline pipeline, LogGroupObservation observed, Ownership ownership,
      OwnerTags mine) {
    return LogGroupPlanner.plan(observed, mine, managedTagKeys(pipeline));
  }

  @Override
  public void describe(LogPipeline pipeline, LogGroupObservation observed) {
    LogGroupStatus status = new LogGroupStatus();
    status.setName(observed.desired().name());
    observed.group().ifPresent(group -> {
      status.setArn(group.arn());
      status.setRetentionDays(group.retentionDays());
      status.setKmsKeyArn(group.kmsKeyArn());
    });
    // Keys set from the spec stay managed until a full observe shows them gone, so a removal is never lost.
    TreeSet<String> managed = new TreeSet<>(observed.desired().tags().keySet());
    managedTagKeys(pipeline).stream()
        .filter(key -> observed.tags().map(tags -> tags.containsKey(key)).orElse(true))
        .forEach(managed::add);
    status.setManagedTagKeys(new ArrayList<>(managed));
    ((LogPipelineStatus) initStatus(pipeline)).setLogGroup(status);
  }

  @Override
  public Plan<LogGroupGateway> deletionPlan(LogPipeline pipeline, LogGroupObservation observed) {
    return LogGroupPlanner.deletion(observed.desired().name());
  }

  @Override
  public void changed(LogPipeline pipeline) {
    target(pipeline).ifPresent(target -> catalog(target).changed(desired(pipeline).name()));
  }

  /** After deletion: the catalog no longer needs to list this name. */
  public void forget(LogPipeline pipeline) {
    target(pipeline).ifPresent(target -> catalog(target).forget(desired(pipeline).name()));
  }

  private LogGroupCatalog catalog(AwsTarget target) {
    return catalogs.computeIfAbsent(target, t -> new LogGroupCatalog(gateway(t), clock, snapshotMaxAge));
  }

  private static List<String> managedTagKeys(LogPipeline pipeline) {
    return Optional.ofNullable(pipeline.getStatus()).map(s -> s.getLogGroup())
        .map(LogGroupStatus::getManagedTagKeys).orElse(List.of());
  }
}
