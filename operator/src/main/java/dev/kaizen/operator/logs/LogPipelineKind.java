package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.logs.AlarmSpec;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupSpec;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupStatus;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.api.v1alpha1.logs.MetricFilterSpec;
import dev.kaizen.operator.api.v1alpha1.logs.ObjectRef;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.logs.fluentbit.FluentBitPipeline;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * LogPipeline's part of the reconcile loop: its log group with metric filters, alarms and subscription, observed
 * through shared per-account catalogs, and its key in the Fluent Bit ConfigMap.
 */
public final class LogPipelineKind implements Kind<LogPipeline, LogPipelineObservation, LogPipelinePorts> {
  private final AwsClients clients;
  private final AwsCalls calls;
  private final Optional<Region> defaultRegion;
  private final ListingRefresher listings;
  private final FluentBitConfigs fluentBit;
  /** The namespaces' files as the reconciles write them: one at a time per file, neighbours accepted a moment ago in. */
  private final NamespaceFileWriter files;
  private final FileShares shares = new FileShares();
  private final FluentBitFormat format;
  private final Clock clock;
  /** The LogPipelines of a namespace, as the operator's cache holds them; set once the controller starts. */
  private volatile Function<String, List<LogPipeline>> namespacePipelines = namespace -> List.of();
  /** True in {@code kaizen plan}: the other pipelines are manifests planned together, not yet applied. */
  private volatile boolean plannedTogether;
  /** True once the operator's controller gives its cache: each write of a file then renders it afresh from it. */
  private volatile boolean live;
  private final Map<AwsTarget, LogPipelinePorts> ports = new ConcurrentHashMap<>();
  private final Map<AwsTarget, LogPipelineCatalog> catalogs = new ConcurrentHashMap<>();
  private final AlarmOwnerMarkers alarmMarkers = new AlarmOwnerMarkers();
  /** The target each pipeline's account resolved to at its last reconcile (by uid), for the calls that get none. */
  private final Map<String, AwsTarget> targets = new ConcurrentHashMap<>();

  public LogPipelineKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion,
      ListingRefresher listings, FluentBitConfigs fluentBit) {
    this(clients, calls, defaultRegion, listings, fluentBit, FluentBitFormat.YAML, Clock.systemUTC());
  }

  public LogPipelineKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion,
      ListingRefresher listings, FluentBitConfigs fluentBit, FluentBitFormat format, Clock clock) {
    this.clients = clients;
    this.calls = calls;
    this.defaultRegion = defaultRegion;
    this.listings = listings;
    this.fluentBit = fluentBit;
    this.format = format;
    this.clock = clock;
    this.files = new NamespaceFileWriter(fluentBit, shares, format,
        namespace -> live ? Optional.of(namespacePipelines.apply(namespace)) : Optional.empty());
  }

  /**
   * Where the other LogPipelines of a namespace are read from: the controller's cache in the operator, the
   * manifests given in {@code kaizen plan}. A namespace's pipelines share one Fluent Bit file.
   */
  public void usePipelinesOf(Function<String, List<LogPipeline>> pipelinesOfNamespace) {
    this.namespacePipelines = pipelinesOfNamespace;
  }

  /** As above, from the operator's cache: what it holds is what is applied, and the files are written from it. */
  public void useCachedPipelines(Function<String, List<LogPipeline>> pipelinesOfNamespace) {
    usePipelinesOf(pipelinesOfNamespace);
    live = true;
  }

  /** For {@code kaizen plan}: the manifests planned together are each namespace's pipelines once applied. */
  public void planWith(List<LogPipeline> planned) {
    plannedTogether = true;
    usePipelinesOf(namespace -> planned.stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace())).toList());
  }

  /** What the operator last made of a Fluent Bit file key, for the watch to tell its own writes from others'. */
  Optional<Optional<String>> expectedFile(String key) {
    return files.expected(key);
  }

  public FluentBitFormat format() {
    return format;
  }

  /** The group a LogPipeline asks for; the name defaults to {@code /<namespace>/<name>}. */
  public static DesiredLogGroup desiredGroup(LogPipeline pipeline) {
    LogGroupSpec spec = pipeline.getSpec().getLogGroup();
    String name = spec.getName() != null
        ? spec.getName()
        : "/" + pipeline.getMetadata().getNamespace() + "/" + pipeline.getMetadata().getName();
    return new DesiredLogGroup(name, spec.getRetentionDays(), spec.getKmsKeyArn(), spec.getTags());
  }

  /** Everything the pipeline asks for in {@code target}. */
  DesiredPipeline desired(LogPipeline pipeline, AwsTarget target) {
    return desired(pipeline, target, Map.of());
  }

  /** As above, in an account whose default tags go under the spec's own (the owner tags win over both). */
  DesiredPipeline desired(LogPipeline pipeline, AwsTarget target, Map<String, String> defaultTags) {
    DesiredLogGroup group = withDefaultTags(desiredGroup(pipeline), defaultTags);
    List<MetricFilterDefinition> filters = new ArrayList<>();
    List<AlarmDefinition> alarms = new ArrayList<>();
    for (MetricFilterSpec filter : pipeline.getSpec().getMetricFilters()) {
      var metric = filter.getMetric();
      filters.add(new MetricFilterDefinition(group.name(), MetricFilterDefinition.awsName(filter.getName()),
          filter.getPattern(), metric.getNamespace(), metric.getName(),
          metric.getValue() == null ? "1" : metric.getValue(), metric.getDefaultValue(),
          metric.getUnit() == null ? null : metric.getUnit().name()));
      if (filter.getAlarm() != null) {
        alarms.add(alarm(group.name(), filter, filter.getAlarm()));
      }
    }
    var subscription = Optional.ofNullable(pipeline.getSpec().getSubscription())
        .map(s -> new SubscriptionDefinition(group.name(), SubscriptionDefinition.NAME, s.getDestinationArn(),
            s.getRoleArn(), s.getPattern() == null ? "" : s.getPattern()));
    String namespace = pipeline.getMetadata().getNamespace();
    List<LogPipeline> inNamespace = namespacePipelines.apply(namespace);
    List<FluentBitPipeline> others = plannedTogether
        ? NamespaceFiles.planned(pipeline, inNamespace,
            other -> target(other).map(t -> t.region().id()).orElse(target.region().id()),
            other -> desiredGroup(other).name())
        : NamespaceFiles.neighbours(pipeline, inNamespace, other -> shares.of(
            FluentBitConfigRenderer.key(namespace, format), other.getMetadata().getName()));
    Optional<FluentBitPipeline> self = NamespaceFiles.shipping(pipeline, target.region().id(), group.name());
    List<FluentBitPipeline> withThis = new ArrayList<>(others);
    self.ifPresent(withThis::add);
    String key = FluentBitConfigRenderer.key(namespace, format);
    if (self.isEmpty() && !shipped(pipeline)) {
      // Never in the file: the namespace's file is its shipping pipelines' business.
      return new DesiredPipeline(group, filters, alarms, subscription, key, Optional.empty(), Optional.empty(), false,
          defaultTags, Optional.empty());
    }
    Optional<FileShare> share = self.map(part -> new FileShare(pipeline.getMetadata().getName(), part.region(),
        part.logGroupName(), pipeline.getMetadata().getResourceVersion()));
    return new DesiredPipeline(group, filters, alarms, subscription, key, NamespaceFiles.render(withThis, format),
        NamespaceFiles.render(others, format), self.isPresent(), defaultTags, share);
  }

  /**
   * The account's default tags under the group's own; at most 47 keys in all (AWS allows 50, the owner tags take 3).
   * Only the spec's own keys are managed (removed when gone from the spec); defaults are added, never removed.
   */
  private static DesiredLogGroup withDefaultTags(DesiredLogGroup group, Map<String, String> defaultTags) {
    if (defaultTags.isEmpty()) {
      return group;
    }
    Map<String, String> tags = new java.util.TreeMap<>(defaultTags);
    tags.putAll(group.tags());
    if (tags.size() > 47) {
      throw new InvalidSpecException("The log group would carry " + tags.size() + " tags with the AwsAccount's"
          + " default tags; CloudWatch Logs allows 50 and the operator's ownership tags take 3: remove some.");
    }
    return new DesiredLogGroup(group.name(), group.retentionDays(), group.kmsKeyArn(), group.tags(), defaultTags);
  }

  private static AlarmDefinition alarm(String group, MetricFilterSpec filter, AlarmSpec alarm) {
    String name = AlarmDefinition.name(group, filter.getName());
    if (name.length() > AlarmDefinition.MAX_NAME) {
      throw new InvalidSpecException("The alarm name " + name + " would be longer than the 255 characters CloudWatch"
          + " allows: shorten the log group name or the metric filter name.");
    }
    return new AlarmDefinition(name, filter.getMetric().getNamespace(), filter.getMetric().getName(),
        alarm.getStatistic() == null ? "Sum" : alarm.getStatistic().name(),
        alarm.getPeriodSeconds() == null ? 60 : alarm.getPeriodSeconds(),
        alarm.getEvaluationPeriods() == null ? 1 : alarm.getEvaluationPeriods(), alarm.getThreshold(),
        alarm.getComparison() == null ? "GreaterThanOrEqualToThreshold" : alarm.getComparison().name(),
        alarm.getTreatMissingData() == null ? "notBreaching" : alarm.getTreatMissingData().name(),
        alarm.getActions(), alarm.getDescription());
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

  public Optional<AwsTarget> target(LogPipeline pipeline) {
    return target(pipeline, AccountBinding.OPERATOR);
  }

  /** The account's target in the spec's region, else the account's default region, else the operator's. */
  private Optional<AwsTarget> target(LogPipeline pipeline, AccountBinding account) {
    return Optional.ofNullable(pipeline.getSpec().getRegion())
        .or(account::defaultRegion)
        .map(Region::of)
        .or(() -> defaultRegion)
        .map(region -> new AwsTarget(account.account(), region));
  }

  /** The resource's account and region; fails when neither the spec nor the operator names a region. */
  private AwsTarget requireTarget(LogPipeline pipeline, AccountBinding account) {
    return target(pipeline, account).orElseThrow(() -> new InvalidSpecException("spec.region is not set and the operator"
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

  /**
   * The ports for one reconcile. Its calls are UNQUEUED: LogPipeline's buckets are per operation, and queuing them
   * (ports(target).forCaller(AwsCaller.resource(uid)), which the ports support) was measured to make startup much
   * slower — 200 pipelines all Ready in 138 s unqueued, 21 of 200 in 4 min queued — because strict turns across a
   * chain of five or six buckets make every pipeline wait behind every other at each one. Turns are for service-wide
   * buckets many resources contend for (Route 53), where one busy resource could otherwise starve the rest.
   */
  @Override
  public LogPipelinePorts gateway(LogPipeline pipeline, AccountBinding account) {
    AwsTarget target = requireTarget(pipeline, account);
    requireSameRegion(pipeline, target);
    if (pipeline.getMetadata().getUid() != null) { // kaizen plan reads manifests, which have none
      targets.put(pipeline.getMetadata().getUid(), target);
    }
    return ports(target).withDefaultTags(account.defaultTags());
  }

  /**
   * The region is part of the group's name: changing it would create a second set of objects and orphan the
   * first. Refused while the status records a group in another region.
   */
  private static void requireSameRegion(LogPipeline pipeline, AwsTarget target) {
    Optional.ofNullable(pipeline.getStatus()).map(LogPipelineStatus::getLogGroup).map(LogGroupStatus::getArn)
        .map(LogPipelineKind::regionOf)
        .filter(recorded -> !recorded.equals(target.region().id()))
        .ifPresent(recorded -> {
          throw new InvalidSpecException("The log group exists in " + recorded + ", so the region cannot change to "
              + target.region().id() + ": to move it, create a LogPipeline with another name in the new region,"
              + " then delete this one (deletionPolicy: Delete removes the old group).");
        });
  }

  /** {@code arn:aws:logs:eu-west-1:123456789012:log-group:/shop/web} -> {@code eu-west-1}. */
  static String regionOf(String arn) {
    String[] parts = arn.split(":", 5);
    return parts.length > 3 ? parts[3] : "";
  }

  public LogPipelinePorts ports(AwsTarget target) {
    return ports.computeIfAbsent(target, t -> new LogPipelinePorts(t,
        new CloudWatchLogsGateway(clients.client(t, CloudWatchLogsClient.class), calls, t),
        new CloudWatchAlarmGateway(clients.client(t, CloudWatchClient.class), calls, t),
        files));
  }

  @Override
  public LogPipelineObservation observe(LogPipeline pipeline, LogPipelinePorts ports, boolean full) {
    AwsTarget target = ports.target();
    DesiredPipeline desired = desired(pipeline, target, ports.defaultTags());
    String group = desired.group().name();
    requireSameName(pipeline, desired.group());
    LogPipelineCatalog catalog = catalog(target);
    Optional<ObservedLogGroup> observed = catalog.group(group, full, ports);
    Optional<Map<String, String>> tags = full ? observed.map(g -> ports.logs().tags(g.arn())) : Optional.empty();
    List<MetricFilterDefinition> filters = observed.isEmpty() ? List.of()
        : catalog.metricFilters(group, full, ports);
    List<ObservedAlarm> alarms = catalog.alarms(group, full, ports);
    // Alarms are named after the group but created by anyone with PutMetricAlarm: each carries its own marker.
    Optional<Map<String, Map<String, String>>> alarmTags = !full ? Optional.empty()
        : Optional.of(alarmMarkers.read(target + " " + group, alarms, ports.alarms()));
    Optional<List<SubscriptionDefinition>> subscriptions = !full ? Optional.empty()
        : Optional.of(observed.isEmpty() ? List.of() : ports.logs().subscriptionFilters(group));
    // The Fluent Bit ConfigMap is read only by pipelines that ship logs, or that did and must remove their key:
    // a missing RBAC grant in Fluent Bit's namespace must not stop the pipelines that never touch it.
    FluentBitConfigs.Slot config = desired.ships() || shipped(pipeline)
        ? ports.fluentBit().read(desired.fluentBitKey()) : FluentBitConfigs.Slot.empty();
    // One DescribeLogStreams per shipping pipeline per full observe (hours apart), never on a light one.
    Optional<Optional<StreamActivity>> latestStream = full && desired.ships() && observed.isPresent()
        ? Optional.of(ports.logs().latestStream(group)) : Optional.empty();
    return new LogPipelineObservation(target, desired, observed, tags, filters, alarms, alarmTags, subscriptions,
        config, latestStream);
  }

  @Override
  public LogPipelineObservation emptyAccount(LogPipeline pipeline) {
    AwsTarget target = target(pipeline).orElse(AwsTarget.of(Region.of("unset")));
    return LogPipelineObservation.emptyAccount(target, desired(pipeline, target));
  }

  /**
   * The log group first: the root, whose tags decide for what cannot be tagged (metric and subscription filters are
   * reached only through it). Then each existing alarm of the operator's naming: anyone may create an alarm of that
   * name, and PutMetricAlarm ignores Tags on an existing alarm, so an alarm is judged on its own tags like any owned
   * object instead of being taken over (and left untagged) by an update.
   */
  @Override
  public List<OwnedObject> owned(LogPipeline pipeline, LogPipelineObservation observed) {
    List<OwnedObject> objects = new ArrayList<>();
    objects.add(new OwnedObject("log group " + observed.desired().group().name(), observed.group().isPresent(),
        observed.tags().map(OwnerTags::read), observed.group().map(ObservedLogGroup::identity)));
    observed.alarms().stream()
        .sorted(Comparator.comparing(alarm -> alarm.definition().alarmName()))
        .forEach(alarm -> objects.add(new OwnedObject(alarmKey(alarm.definition().alarmName()), true,
            observed.alarmTags(alarm.definition().alarmName()).map(OwnerTags::read), Optional.of(alarm.arn()))));
    return objects;
  }

  static String alarmKey(String alarmName) {
    return "alarm " + alarmName;
  }

  @Override
  public Plan<LogPipelinePorts> plan(LogPipeline pipeline, LogPipelineObservation observed, Verdicts verdicts,
      OwnerTags mine) {
    Plan<LogPipelinePorts> plan = LogPipelinePlanner.plan(observed, verdicts.root(), name -> verdicts.of(alarmKey(name)),
        mine, managedTagKeys(pipeline), fluentBit.configMap(observed.desired().fluentBitKey()));
    shareOfFile(pipeline, observed, verdicts);
    return plan;
  }

  /**
   * Publishes, ahead of its status, that this pipeline's output belongs in its namespace's file: its group exists
   * and is its own (a group still to be created is accepted when the write of the file comes, after the create).
   * Neighbours writing the file meanwhile then keep it in, and find their own writes already done.
   */
  private void shareOfFile(LogPipeline pipeline, LogPipelineObservation observed, Verdicts verdicts) {
    DesiredPipeline desired = observed.desired();
    if (plannedTogether || pipeline.getMetadata().getUid() == null) {
      return;
    }
    if (desired.fluentBitShare().isPresent() && pipeline.getSpec().effectiveMode() == Mode.Apply
        && observed.group().isPresent() && verdicts.root().mayManage()) {
      shares.accept(desired.fluentBitKey(), desired.fluentBitShare().get());
    } else if (desired.fluentBitShare().isEmpty() || pipeline.getSpec().effectiveMode() != Mode.Apply) {
      shares.withdraw(desired.fluentBitKey(), pipeline.getMetadata().getName());
    }
  }

  @Override
  public void describe(LogPipeline pipeline, LogPipelineObservation observed) {
    LogPipelineStatus status = (LogPipelineStatus) initStatus(pipeline);
    LogGroupStatus group = new LogGroupStatus();
    group.setName(observed.desired().group().name());
    observed.group().ifPresent(found -> {
      group.setArn(found.arn());
      group.setRetentionDays(found.retentionDays());
      group.setKmsKeyArn(found.kmsKeyArn());
    });
    // Keys set from the spec stay managed until a full observe shows them gone, so a removal is never lost.
    TreeSet<String> managed = new TreeSet<>(observed.desired().group().tags().keySet());
    // An account default is never managed (never removed), even if an older status recorded it.
    managedTagKeys(pipeline).stream()
        .filter(key -> !observed.desired().group().defaultTags().containsKey(key))
        .filter(key -> observed.tags().map(tags -> tags.containsKey(key)).orElse(true))
        .forEach(managed::add);
    group.setManagedTagKeys(new ArrayList<>(managed));
    status.setLogGroup(group);
    status.setMetricFilters(observed.metricFilters().stream().filter(MetricFilterDefinition::ours)
        .map(f -> new ObjectRef(f.filterName(), f.logGroup(), null)).toList());
    status.setAlarms(observed.alarms().stream()
        .map(a -> new ObjectRef(a.definition().alarmName(), a.arn(), a.state())).toList());
    observed.subscriptionFilters().ifPresent(found -> status.setSubscription(found.stream()
        .filter(s -> SubscriptionDefinition.NAME.equals(s.filterName()))
        .map(s -> new ObjectRef(s.filterName(), s.destinationArn(), null)).findFirst().orElse(null)));
    // Set while this pipeline's output is in its namespace's file (the file may stay for the namespace's others).
    status.setFluentBit(observed.fluentBitConfig().filter(config -> observed.desired().ships())
        .map(config -> new ObjectRef(observed.desired().fluentBitKey(),
            fluentBit.configMap(observed.desired().fluentBitKey()), null)).orElse(null));
  }

  /** {@code LogsFlowing}: see {@link LogsFlowing}. */
  @Override
  public List<DetailCondition> details(LogPipeline pipeline, Optional<LogPipelineObservation> observed,
      Optional<Failure> failure) {
    boolean ships = pipeline.getSpec() != null && pipeline.getSpec().getPods() != null;
    return List.of(LogsFlowing.condition(ships, observed.flatMap(LogPipelineObservation::latestStream),
        previousLogsFlowing(pipeline), clock.instant(), fluentBit.configMap(
            FluentBitConfigRenderer.key(pipeline.getMetadata().getNamespace(), format)),
        desiredGroup(pipeline).name()));
  }

  private static Optional<DetailCondition> previousLogsFlowing(LogPipeline pipeline) {
    return Optional.ofNullable(pipeline.getStatus()).flatMap(status -> status.getConditions().stream()
        .filter(c -> LogsFlowing.TYPE.equals(c.getType())).findFirst()
        .map(c -> new DetailCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage())));
  }

  @Override
  public void describeIntent(LogPipeline pipeline) {
    LogGroupStatus group = new LogGroupStatus();
    group.setName(desiredGroup(pipeline).name());
    ((LogPipelineStatus) initStatus(pipeline)).setLogGroup(group);
  }

  private static boolean shipped(LogPipeline pipeline) {
    return pipeline.getStatus() != null && ((LogPipelineStatus) pipeline.getStatus()).getFluentBit() != null;
  }

  @Override
  public Plan<LogPipelinePorts> deletionPlan(LogPipeline pipeline, LogPipelineObservation observed,
      Verdicts verdicts) {
    // Everything hangs off the group: a group that is not ours means nothing here is ours to delete.
    shares.withdraw(observed.desired().fluentBitKey(), pipeline.getMetadata().getName());
    if (!verdicts.deletable(owned(pipeline, observed).get(0).key())) {
      return Plan.empty();
    }
    return LogPipelinePlanner.deletion(observed, name -> verdicts.deletable(alarmKey(name)),
        fluentBit.configMap(observed.desired().fluentBitKey()));
  }

  @Override
  public void changed(LogPipeline pipeline) {
    lastTarget(pipeline).ifPresent(target -> catalog(target).changed(desiredGroup(pipeline).name()));
  }

  @Override
  public Optional<String> driftDetectionBehind(LogPipeline pipeline) {
    return lastTarget(pipeline).map(catalogs::get).flatMap(LogPipelineCatalog::behind);
  }

  /** After deletion: the catalogs no longer need to list this group. */
  public void forget(LogPipeline pipeline) {
    lastTarget(pipeline).ifPresent(target -> catalog(target).forget(desiredGroup(pipeline).name()));
    shares.withdraw(FluentBitConfigRenderer.key(pipeline.getMetadata().getNamespace(), format),
        pipeline.getMetadata().getName());
    Optional.ofNullable(pipeline.getMetadata().getUid()).ifPresent(targets::remove);
  }

  /** The account and region its last gateway resolved; the operator's own account before any. */
  private Optional<AwsTarget> lastTarget(LogPipeline pipeline) {
    return Optional.ofNullable(pipeline.getMetadata().getUid()).map(targets::get).or(() -> target(pipeline));
  }

  private LogPipelineCatalog catalog(AwsTarget target) {
    return catalogs.computeIfAbsent(target, t -> new LogPipelineCatalog(ports(t), listings, t.toString()));
  }

  private static List<String> managedTagKeys(LogPipeline pipeline) {
    return Optional.ofNullable(pipeline.getStatus()).map(LogPipelineStatus::getLogGroup)
        .map(LogGroupStatus::getManagedTagKeys).orElse(List.of());
  }
}
