package dev.kaizen.operator.solr;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.LoadBalancerStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.ScaleInStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.core.reconcile.Waiting;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.solr.rollout.RolloutConditions;
import dev.kaizen.operator.solr.rollout.RolloutObservation;
import dev.kaizen.operator.solr.rollout.RolloutObserver;
import dev.kaizen.operator.solr.rollout.RolloutPlanner;
import dev.kaizen.operator.solr.rollout.RolloutPorts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.common.SolrException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SolrCluster's part of the reconcile loop: the active colour's launch template and scale-in protected Auto Scaling
 * group, its target group, the load balancer with its live and test listeners, and the colour's Solr (configset,
 * collections, replicas when scaling in). A full observe reads each object directly, tags included (about ten reads).
 * A light observe of a cluster at rest (Ready, nothing under way, the spec and configset as last observed) reads the
 * account's shared {@link RestingReads} snapshot instead and Solr itself: when they show nothing changed since the
 * last full observation, that observation stands; anything else is observed in full.
 */
public final class SolrClusterKind implements Kind<SolrCluster, SolrClusterObservation, SolrClusterPorts> {
  /** How often a colour whose nodes are coming up is looked at again: five confirms (10 s by default). */
  private final Duration nodesRecheck;

  private final AwsClients clients;
  private final AwsCalls calls;
  private final Optional<Region> defaultRegion;
  private final SolrAdmin.Connector solr;
  private final ConfigSetSource configSets;
  private final Map<AwsTarget, SolrClusterPorts> ports = new ConcurrentHashMap<>();
  /** The blue/green rollout's Jobs and Events (issue 13), and its clock (pauses, hold time). */
  private final RolloutPorts rollout;
  private final Clock clock;
  /** How old the shared snapshot a cluster at rest reads may be: a quarter of the resync, as the shared listings. */
  private final Duration restingReadsFreshFor;
  private final Map<AwsTarget, RestingReads> resting = new ConcurrentHashMap<>();
  /** Each cluster's last full observation (by uid), which a light observe at rest confirms rather than repeats. */
  private final Map<String, SolrClusterObservation> lastFull = new ConcurrentHashMap<>();

  public SolrClusterKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion,
      SolrAdmin.Connector solr, ConfigSetSource configSets, Duration confirm) {
    this(clients, calls, defaultRegion, solr, configSets, confirm, RolloutPorts.NONE, Clock.systemUTC());
  }

  public SolrClusterKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion,
      SolrAdmin.Connector solr, ConfigSetSource configSets, Duration confirm, RolloutPorts rollout, Clock clock) {
    this(clients, calls, defaultRegion, solr, configSets, confirm, rollout, clock,
        dev.kaizen.operator.core.reconcile.ReconcileTimings.defaults().listingInterval());
  }

  public SolrClusterKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion,
      SolrAdmin.Connector solr, ConfigSetSource configSets, Duration confirm, RolloutPorts rollout, Clock clock,
      Duration restingReadsFreshFor) {
    this.restingReadsFreshFor = restingReadsFreshFor;
    this.rollout = rollout;
    this.clock = clock;
    this.nodesRecheck = confirm.multipliedBy(5);
    this.clients = clients;
    this.calls = calls;
    this.defaultRegion = defaultRegion;
    this.solr = solr;
    this.configSets = configSets;
  }

  public static String loadBalancerKey(SolrClusterNames names) {
    return "load balancer " + names.loadBalancer();
  }

  public static String targetGroupKey(SolrClusterNames names, Colour colour) {
    return "target group " + names.targetGroup(colour);
  }

  public static String templateKey(SolrClusterNames names, Colour colour) {
    return "launch template " + names.launchTemplate(colour);
  }

  public static String groupKey(SolrClusterNames names, Colour colour) {
    return "Auto Scaling group " + names.autoScalingGroup(colour);
  }

  public static SolrClusterNames names(SolrCluster cluster) {
    return new SolrClusterNames(cluster.getMetadata().getNamespace(), cluster.getMetadata().getName());
  }

  @Override
  public KaizenStatus initStatus(SolrCluster cluster) {
    if (cluster.getStatus() == null) {
      cluster.setStatus(new SolrClusterStatus());
    }
    return cluster.getStatus();
  }

  @Override
  public List<String> problems(SolrCluster cluster) {
    SolrClusterSpec spec = cluster.getSpec();
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      return List.of("spec is required.");
    }
    if (spec.getAmi() == null || (spec.getAmi().getId() == null) == (spec.getAmi().getSsmParameter() == null)) {
      problems.add("spec.ami needs exactly one of id or ssmParameter.");
    }
    if (spec.getZookeeper() == null || spec.getConfigSet() == null || spec.getNodes() == null
        || spec.getSolrVersion() == null || spec.getInstanceType() == null || spec.getVpcId() == null) {
      problems.add("spec.solrVersion, nodes, instanceType, vpcId, zookeeper and configSet are required.");
    }
    List<Integer> steps = spec.getRollout().getTrafficSwitch().getSteps();
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i) <= steps.get(i - 1)) {
        problems.add("spec.rollout.trafficSwitch.steps must increase: " + steps + ".");
        break;
      }
    }
    return problems;
  }

  public Optional<AwsTarget> target(SolrCluster cluster, AccountBinding account) {
    return Optional.ofNullable(cluster.getSpec().getRegion())
        .or(account::defaultRegion)
        .map(Region::of)
        .or(() -> defaultRegion)
        .map(region -> new AwsTarget(account.account(), region));
  }

  @Override
  public SolrClusterPorts gateway(SolrCluster cluster, AccountBinding account) {
    AwsTarget target = target(cluster, account).orElseThrow(() -> new InvalidSpecException("spec.region is not set"
        + " and the operator has no default region: set spec.region, or start the operator with --region."));
    // Queued calls: Auto Scaling counts every call of the account and region in one bucket, so a reconcile's
    // retries must keep their turn, or its reads would use up the tokens its writes wait for.
    String uid = uid(cluster);
    return ports(target).forCaller(dev.kaizen.operator.aws.AwsCaller.resource(uid))
        .withAccountTags(account.defaultTags()).withRollout(rollout.forCluster(cluster));
  }

  private static String uid(SolrCluster cluster) {
    return cluster.getMetadata().getUid() == null ? cluster.getMetadata().getName() : cluster.getMetadata().getUid();
  }

  private RestingReads resting(AwsTarget target) {
    return resting.computeIfAbsent(target, t -> new RestingReads(clock, restingReadsFreshFor));
  }

  public SolrClusterPorts ports(AwsTarget target) {
    return ports.computeIfAbsent(target, t -> new SolrClusterPorts(t,
        new LaunchTemplates(clients.client(t, Ec2Client.class), calls, t),
        new ScalingGroups(clients.client(t, AutoScalingClient.class), calls, t),
        new LoadBalancing(clients.client(t, ElasticLoadBalancingV2Client.class), calls, t),
        new AmiParameters(clients.client(t, SsmClient.class), calls, t),
        solr, configSets, Map.of())
        .withEndpointRecords(new EndpointRecords(clients.client(t, Route53Client.class), calls, t)));
  }

  private static Colour active(SolrCluster cluster) {
    return Optional.ofNullable(cluster.getStatus()).map(SolrClusterStatus::getActiveColour).map(Colour::of)
        .orElse(Colour.BLUE);
  }

  private static Optional<RevisionStatus> pinned(SolrCluster cluster, Colour colour) {
    return Optional.ofNullable(cluster.getStatus()).map(s -> s.colour(colour.id())).map(ColourStatus::getRevision);
  }

  /** What the cluster asks for; {@code amiResolver} is asked only when no revision is pinned yet. */
  DesiredSolrCluster desired(SolrCluster cluster, Map<String, String> files, java.util.function.Supplier<String> ami,
      Map<String, String> accountTags) {
    SolrClusterSpec spec = cluster.getSpec();
    SolrClusterNames names = names(cluster);
    Colour colour = active(cluster);
    String hash = files.isEmpty() ? "unknown" : ConfigSetSource.hash(files);
    Optional<RevisionStatus> pinned = pinned(cluster, colour);
    RevisionStatus revision = pinned.orElseGet(() -> new RevisionStatus(hash, spec.getSolrVersion(),
        spec.getInstanceType(), ami.get()));
    // A spec asking for another revision than the active colour's is the rollout's (solr/rollout): never this colour's.
    String chroot = names.zkChroot(spec.getZookeeper().getChroot(), colour);
    Map<String, String> tags = new LinkedHashMap<>(accountTags);
    tags.putAll(spec.getTags());
    // The nodes and their volumes carry the account's and the spec's tags (the group adds its own to the nodes).
    NodeTemplate template = new NodeTemplate(revision.getAmi(), revision.getInstanceType(),
        SolrUserData.base64(SolrUserData.script(revision.getSolrVersion(), spec.getZookeeper().getConnectString(),
            chroot)),
        spec.getSecurityGroups(), spec.getInstanceProfileArn(), spec.getVolume().effectiveSizeGiB(),
        spec.getVolume().effectiveType(), tags);
    var lb = spec.getLoadBalancer();
    String configSetName = spec.getConfigSet().getName() != null ? spec.getConfigSet().getName()
        : cluster.getMetadata().getName();
    // Strategy Alias (issue 13): the colour's collections may sit behind aliases of the spec's names.
    var collections = dev.kaizen.operator.solr.rollout.AliasedCollections.onColour(spec.getCollections(),
        RolloutObserver.colourNames(cluster.getStatus(), colour.id()));
    return new DesiredSolrCluster(names, colour, spec.getNodes(), revision, template, spec.getSubnets(),
        spec.getVpcId(), lb.awsScheme(), lb.getSecurityGroups(), lb.effectiveLivePort(), lb.effectiveTestPort(),
        collections, configSetName, files, tags);
  }

  @Override
  public SolrClusterObservation observe(SolrCluster cluster, SolrClusterPorts p, boolean full) {
    SolrClusterSpec spec = cluster.getSpec();
    Colour colour = active(cluster);
    boolean pinned = pinned(cluster, colour).isPresent();
    String configMap = spec.getConfigSet().getConfigMapName();
    Map<String, String> files = p.configSets().files(cluster.getMetadata().getNamespace(), configMap)
        .orElse(Map.of());
    if (files.isEmpty() && !pinned) {
      throw new InvalidSpecException("The ConfigMap " + configMap + " (spec.configSet.configMapName) is missing or"
          + " empty in " + cluster.getMetadata().getNamespace() + ": the configset is part of a colour's revision.");
    }
    DesiredSolrCluster desired = desired(cluster, files, () -> spec.getAmi().getId() != null ? spec.getAmi().getId()
        : p.amis().resolve(spec.getAmi().getSsmParameter()), p.accountTags());
    if (!full) {
      Optional<SolrClusterObservation> atRest = atRest(cluster, p, desired);
      if (atRest.isPresent()) {
        return atRest.get();
      }
    }
    SolrClusterNames names = desired.names();
    var foundLb = p.loadBalancing().loadBalancer(names.loadBalancer());
    var foundTg = p.loadBalancing().targetGroup(names.targetGroup(colour));
    var foundListeners = foundLb.map(found -> p.loadBalancing().listeners(found.arn())).orElse(List.of());
    // Every marker (load balancer, target group, listeners) in one DescribeTags call.
    var tags = p.loadBalancing().tags(java.util.stream.Stream.concat(java.util.stream.Stream.of(
        foundLb.map(LoadBalancing.ObservedLoadBalancer::arn), foundTg.map(LoadBalancing.ObservedTargetGroup::arn))
        .flatMap(Optional::stream), foundListeners.stream().map(LoadBalancing.ObservedListener::arn)).toList());
    var lb = foundLb.map(found -> found.withTags(tags.getOrDefault(found.arn(), Map.of())));
    var tg = foundTg.map(found -> found.withTags(tags.getOrDefault(found.arn(), Map.of())));
    var listeners = foundListeners.stream().map(l -> l.withTags(tags.getOrDefault(l.arn(), Map.of()))).toList();
    var template = p.templates().describe(names.launchTemplate(colour));
    var group = Optional.ofNullable(p.groups().describe(List.of(names.autoScalingGroup(colour)))
        .get(names.autoScalingGroup(colour)));
    Map<String, String> addresses = group.map(g -> p.templates().privateAddresses(g.staying().stream()
        .map(ScalingGroups.Member::id).toList())).orElse(Map.of());
    int healthy = tg.map(LoadBalancing.ObservedTargetGroup::healthy).orElse(0);
    // Solr is reached through the live listener: only while it forwards to this colour (after a hand edit it could
    // lead to another cluster, whose collections are not ours to create).
    boolean liveListener = listeners.stream().anyMatch(l -> l.port() == desired.livePort()
        && tg.map(LoadBalancing.ObservedTargetGroup::arn).filter(arn -> arn.equals(l.targetGroupArn())).isPresent());
    Optional<SolrState> solrState = lb.isPresent() && liveListener && healthy > 0
        ? Optional.of(SolrState.read(p.solr().at("http://" + lb.get().dnsName() + ":" + desired.livePort() + "/solr")))
        : Optional.empty();
    Optional<ScaleInStatus> scaleIn = Optional.ofNullable(cluster.getStatus()).map(SolrClusterStatus::getScaleIn)
        .filter(s -> !s.getInstances().isEmpty());
    SolrClusterObservation observed = new SolrClusterObservation(desired, pinned, lb, listeners, tg, template, group,
        addresses, solrState, scaleIn).withEndpoint(EndpointRecordReads.observe(cluster, p.endpointRecords()));
    SolrClusterObservation complete = pinned
        ? observed.withRollout(RolloutObserver.observe(cluster, p, observed, clock.instant())) : observed;
    lastFull.put(uid(cluster), complete);
    resting(p.target()).remember(uid(cluster), RestingObservation.listenerArns(complete));
    complete.endpoint().current().ifPresent(record -> resting(p.target()).rememberRecord(uid(cluster),
        record.zoneId(), record.name()));
    return complete;
  }

  /**
   * The last full observation, when the cluster is at rest and the shared snapshot and Solr show nothing changed
   * since; empty otherwise (the caller then observes in full). At rest: Ready, no rollout or scale-in under way, the
   * same revision, spec and configset as last observed, nothing waited for.
   */
  private Optional<SolrClusterObservation> atRest(SolrCluster cluster, SolrClusterPorts p, DesiredSolrCluster desired) {
    SolrClusterObservation last = lastFull.get(uid(cluster));
    boolean ready = Optional.ofNullable(cluster.getStatus()).map(s -> dev.kaizen.operator.core.Conditions.isTrue(
        s.getConditions(), dev.kaizen.operator.core.Conditions.READY)).orElse(false);
    if (last == null || !ready || inProgress(cluster) || !RestingObservation.sameDesired(last.desired(), desired)
        || last.scaleIn().isPresent() || last.endpoint().former().isPresent()
        || colourWaiting(last).isPresent() || rolloutOf(cluster).map(r -> r.getPhase() != null
            && r.getPhase() != RolloutStatus.Phase.Complete && r.getPhase() != RolloutStatus.Phase.Abandoned)
            .orElse(false)) {
      return Optional.empty();
    }
    RestingReads.Snapshot snapshot = resting(p.target()).read(RestingObservation.listenerArns(last), p.groups(),
        p.templates(), p.loadBalancing());
    if (!RestingObservation.unchanged(last, snapshot)) {
      return Optional.empty();
    }
    // Solr is asked as the full observe asks it (no AWS call): a replica or node lost shows here first.
    Optional<SolrState> solrNow = last.solr().isPresent()
        ? Optional.of(SolrState.read(p.solr().at(last.endpoint(desired.livePort())))) : Optional.empty();
    if (!RestingObservation.sameSolr(last.solr(), solrNow)) {
      return Optional.empty();
    }
    // The endpoint record (spec.dns), from the zone's shared snapshot: as last seen, or observed in full.
    Optional<ObservedEndpointRecord> record = last.endpoint().current().map(seen -> resting(p.target())
        .record(seen.zoneId(), seen.name(), p.endpointRecords()));
    if (!record.equals(last.endpoint().current())) {
      return Optional.empty();
    }
    return Optional.of(new SolrClusterObservation(last.desired(), last.revisionPinned(), last.loadBalancer(),
        last.listeners(), last.targetGroup(), last.template(), last.group(), last.addresses(), solrNow,
        last.scaleIn(), last.rollout(), last.endpoint()));
  }

  @Override
  public SolrClusterObservation emptyAccount(SolrCluster cluster) {
    // The configset as the manifest set (or the cluster) holds it, so the plan shows the revision it will pin.
    Map<String, String> files = configSets.files(cluster.getMetadata().getNamespace(),
        cluster.getSpec().getConfigSet().getConfigMapName()).filter(f -> !f.isEmpty())
        .orElse(Map.of("(configset)", "read from the cluster when planned against it"));
    DesiredSolrCluster desired = desired(cluster, files, () -> cluster.getSpec().getAmi().getId() != null
        ? cluster.getSpec().getAmi().getId() : "(resolved from " + cluster.getSpec().getAmi().getSsmParameter() + ")",
        Map.of());
    return new SolrClusterObservation(desired, pinned(cluster, desired.active()).isPresent(), Optional.empty(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty())
        .withEndpoint(EndpointRecordReads.emptyAccount(cluster));
  }

  /** The load balancer first (the root every colour hangs under), then the active colour's objects. */
  @Override
  public List<OwnedObject> owned(SolrCluster cluster, SolrClusterObservation o) {
    SolrClusterNames names = o.desired().names();
    Colour colour = o.desired().active();
    List<OwnedObject> objects = new ArrayList<>();
    objects.add(new OwnedObject(loadBalancerKey(names), o.loadBalancer().isPresent(),
        o.loadBalancer().map(lb -> OwnerTags.read(lb.tags())), o.loadBalancer().map(lb -> lb.arn())));
    objects.add(new OwnedObject(targetGroupKey(names, colour), o.targetGroup().isPresent(),
        o.targetGroup().map(tg -> OwnerTags.read(tg.tags())), o.targetGroup().map(tg -> tg.arn())));
    objects.add(new OwnedObject(templateKey(names, colour), o.template().isPresent(),
        o.template().map(lt -> OwnerTags.read(lt.tags())), o.template().map(lt -> lt.id())));
    objects.add(new OwnedObject(groupKey(names, colour), o.group().isPresent(),
        o.group().map(g -> OwnerTags.read(g.tags())), o.group().map(g -> g.arn())));
    // The other colour (the rollout's standby, or the previous colour kept for a rollback), once it has objects.
    o.rollout().flatMap(RolloutObservation::other).ifPresent(other -> {
      Colour colour2 = other.desired().active();
      if (other.targetGroup().isPresent() || other.template().isPresent() || other.group().isPresent()) {
        objects.add(new OwnedObject(targetGroupKey(names, colour2), other.targetGroup().isPresent(),
            other.targetGroup().map(tg -> OwnerTags.read(tg.tags())), other.targetGroup().map(tg -> tg.arn())));
        objects.add(new OwnedObject(templateKey(names, colour2), other.template().isPresent(),
            other.template().map(lt -> OwnerTags.read(lt.tags())), other.template().map(lt -> lt.id())));
        objects.add(new OwnedObject(groupKey(names, colour2), other.group().isPresent(),
            other.group().map(g -> OwnerTags.read(g.tags())), other.group().map(g -> g.arn())));
      }
    });
    objects.addAll(EndpointRecordReads.owned(cluster, o));
    return objects;
  }

  @Override
  public Plan<SolrClusterPorts> plan(SolrCluster cluster, SolrClusterObservation observed, Verdicts verdicts,
      OwnerTags mine) {
    Plan<SolrClusterPorts> plan = RolloutPlanner.plan(observed, SolrClusterPlanner.plan(observed, verdicts::of, mine),
        verdicts::of, mine);
    // Then the account's default tags on the existing objects, and the endpoint's alias record (it names the load
    // balancer).
    List<dev.kaizen.operator.core.Change<SolrClusterPorts>> more = new ArrayList<>(AccountDefaultTagsPlanner.plan(
        observed, cluster.getSpec().getTags(), verdicts::of, mine));
    more.addAll(EndpointRecordPlanner.plan(observed.endpoint(), observed.loadBalancer(), mine));
    if (more.isEmpty()) {
      return plan;
    }
    List<dev.kaizen.operator.core.Change<SolrClusterPorts>> changes = new ArrayList<>(plan.changes());
    changes.addAll(more);
    return new Plan<>(changes, plan.commit());
  }

  @Override
  public void describe(SolrCluster cluster, SolrClusterObservation o) {
    SolrClusterStatus status = (SolrClusterStatus) initStatus(cluster);
    DesiredSolrCluster d = o.desired();
    Colour colour = d.active();
    o.loadBalancer().ifPresent(lb -> {
      LoadBalancerStatus lbStatus = new LoadBalancerStatus();
      lbStatus.setName(lb.name());
      lbStatus.setArn(lb.arn());
      lbStatus.setDnsName(lb.dnsName());
      lbStatus.setLiveEndpoint(o.listener(d.livePort()).map(l -> o.endpoint(d.livePort())).orElse(null));
      lbStatus.setTestEndpoint(o.listener(d.testPort()).map(l -> o.endpoint(d.testPort())).orElse(null));
      status.setLoadBalancer(lbStatus);
    });
    ColourStatus colourStatus = Optional.ofNullable(status.colour(colour.id())).orElseGet(ColourStatus::new);
    int desiredNodes = d.nodes();
    int healthy = o.healthyNodes();
    colourStatus.setDesiredNodes(desiredNodes);
    colourStatus.setHealthyNodes(healthy);
    colourStatus.setZkChroot(d.names().zkChroot(cluster.getSpec().getZookeeper().getChroot(), colour));
    colourStatus.setLaunchTemplate(o.template().map(lt -> lt.id() + ":" + lt.latestVersion()).orElse(null));
    colourStatus.setAutoScalingGroup(o.group().map(ScalingGroups.Observed::name).orElse(null));
    colourStatus.setTargetGroupArn(o.targetGroup().map(LoadBalancing.ObservedTargetGroup::arn).orElse(null));
    o.solr().ifPresent(solr -> colourStatus.setDocuments(new LinkedHashMap<>(solr.documents())));
    o.solr().ifPresent(solr -> colourStatus.setCollections(d.collections().stream()
        .filter(c -> solr.collections().contains(c.getName()))
        .map(c -> new dev.kaizen.operator.api.v1alpha1.solr.CollectionStatus(c.getName(),
            solr.health().get(c.getName()), (int) solr.activeReplicas(c.getName()),
            (int) solr.shards(c.getName()) * c.effectiveReplicationFactor(), solr.documents().get(c.getName())))
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new))));
    colourStatus.setState(state(o));
    status.setColour(colour.id(), colourStatus);
    if (colourStatus.getRevision() != null) {
      status.setActiveColour(colour.id());
      status.setActiveRevision(colourStatus.getRevision().summary());
    }
    status.setNodes(healthy + "/" + desiredNodes);
    o.rollout().flatMap(RolloutObservation::other).ifPresent(other -> RolloutObserver.describe(status, other));
    EndpointRecordReads.describe(status, o, cluster);
    // A scale-in is over once none of its instances is left in the group.
    Optional.ofNullable(status.getScaleIn()).ifPresent(scaleIn -> {
      List<String> staying = o.group().map(g -> g.staying().stream().map(ScalingGroups.Member::id).toList())
          .orElse(List.of());
      if (scaleIn.getInstances().stream().noneMatch(staying::contains)) {
        status.setScaleIn(null);
      }
    });
  }

  private static ColourStatus.State state(SolrClusterObservation o) {
    boolean collectionsUp = o.solr().map(s -> s.collections().containsAll(o.desired().collections().stream()
        .map(c -> c.getName()).toList())).orElse(false);
    if (o.healthyNodes() >= o.desired().nodes() && collectionsUp) {
      return ColourStatus.State.Serving;
    }
    return collectionsUp ? ColourStatus.State.Degraded : ColourStatus.State.Provisioning;
  }

  /**
   * Ready only once the active colour's nodes are all healthy, its collections exist and no scale-in is under way, and
   * no rollout is under way before its switch (a failed rollout or a rollback stalls).
   */
  @Override
  public Optional<Waiting> waiting(SolrCluster cluster, SolrClusterObservation o) {
    return colourWaiting(o).or(() -> RolloutConditions.waiting(rolloutOf(cluster), nodesRecheck,
        cluster.getSpec().getRollout().getTrafficSwitch().effectivePauseSeconds(), clock.instant()));
  }

  /** Holding is Ready: look again when the hold ends, not at the next requeue (up to half the resync later). */
  @Override
  public Optional<Duration> recheckWhileReady(SolrCluster cluster) {
    return RolloutConditions.holdEnds(rolloutOf(cluster), clock.instant());
  }

  private static Optional<RolloutStatus> rolloutOf(SolrCluster cluster) {
    return Optional.ofNullable(cluster.getStatus()).map(SolrClusterStatus::getRollout);
  }

  @Override
  public boolean inProgress(SolrCluster cluster) {
    return RolloutConditions.inProgress(rolloutOf(cluster));
  }

  @Override
  public List<dev.kaizen.operator.core.reconcile.DetailCondition> details(SolrCluster cluster,
      Optional<SolrClusterObservation> observed, Optional<Failure> failure) {
    return RolloutConditions.details(rolloutOf(cluster));
  }

  private Optional<Waiting> colourWaiting(SolrClusterObservation o) {
    DesiredSolrCluster d = o.desired();
    if (o.loadBalancer().map(lb -> !"active".equals(lb.state())).orElse(true)) {
      return Optional.of(new Waiting("LoadBalancerProvisioning", "The load balancer " + d.names().loadBalancer()
          + " is " + o.loadBalancer().map(lb -> lb.state()).orElse("absent") + ".", nodesRecheck));
    }
    int healthy = o.healthyNodes();
    ColourStatus.State state = state(o);
    if (healthy < d.nodes()) {
      String reason = state == ColourStatus.State.Degraded ? "NodesDegraded" : "NodesStarting";
      return Optional.of(new Waiting(reason, "The " + d.active().id() + " colour has " + healthy + " of " + d.nodes()
          + " nodes healthy" + (state == ColourStatus.State.Degraded ? " (a node was replaced or failed)" : "")
          + ".", nodesRecheck));
    }
    if (o.scaleIn().isPresent()) {
      return Optional.of(new Waiting("ScalingIn", "Removing " + String.join(", ", o.scaleIn().get().getInstances())
          + " from the " + d.active().id() + " colour once their replicas are active elsewhere.", nodesRecheck));
    }
    if (o.solr().map(SolrState::anyRed).orElse(false)) {
      return Optional.of(new Waiting("ReplicasDown", "A shard has no live replica: " + o.solr().get().health()
          + ".", nodesRecheck));
    }
    List<String> ours = d.collections().stream().map(c -> c.getName()).toList();
    List<String> recovering = o.solr().map(solr -> solr.health().entrySet().stream()
        .filter(e -> ours.contains(e.getKey()) && !"GREEN".equals(e.getValue())).map(e -> e.getKey() + " " + e.getValue() + " ("
            + solr.activeReplicas(e.getKey()) + " replicas active)").toList()).orElse(List.of());
    if (state == ColourStatus.State.Serving && !recovering.isEmpty()) {
      return Optional.of(new Waiting("ReplicasRecovering", "Not every replica is active: " + String.join(", ",
          recovering) + "; replicas lost with a node are re-created on the live nodes.", nodesRecheck));
    }
    if (state != ColourStatus.State.Serving) {
      return Optional.of(new Waiting("CollectionsPending", "The " + d.active().id()
          + " colour's collections are not all created yet.", nodesRecheck));
    }
    return Optional.empty();
  }

  @Override
  public Plan<SolrClusterPorts> deletionPlan(SolrCluster cluster, SolrClusterObservation observed,
      Verdicts verdicts) {
    // Going: its listeners leave the shared snapshot (a deleted listener would fail the batch for everyone).
    forget(cluster);
    // The endpoint's alias records first (they name the load balancer), then the active colour's objects.
    List<dev.kaizen.operator.core.Change<SolrClusterPorts>> records = EndpointRecordPlanner.deletion(
        observed.endpoint(), verdicts);
    Plan<SolrClusterPorts> colour = SolrClusterPlanner.deletion(observed, verdicts::deletable);
    List<dev.kaizen.operator.core.Change<SolrClusterPorts>> first = new ArrayList<>(records);
    first.addAll(colour.changes());
    Plan<SolrClusterPorts> active = new Plan<>(first);
    // Then the other colour's group, target group and template (its listeners went with the load balancer).
    var other = observed.rollout().flatMap(RolloutObservation::other).map(o -> new SolrClusterObservation(
        o.desired(), true, Optional.empty(), List.of(), o.targetGroup(), o.template(), o.group(), Map.of(),
        Optional.empty(), Optional.empty()));
    if (other.isEmpty()) {
      return active;
    }
    List<dev.kaizen.operator.core.Change<SolrClusterPorts>> changes = new ArrayList<>(active.changes());
    changes.addAll(SolrClusterPlanner.deletion(other.get(), verdicts::deletable).changes());
    return new Plan<>(changes);
  }

  /** Solr's own answers: unreachable is transient; a refused admin request (4xx) is the cluster's to fix. */
  @Override
  public Optional<Failure> classify(Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof SolrUnavailableException) {
        return Optional.of(new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR, cause.getMessage(),
            Optional.empty()));
      }
      if (cause instanceof SolrException solr) {
        FailureKind kind = solr.code() >= 400 && solr.code() < 500 ? FailureKind.INVALID : FailureKind.TRANSIENT;
        return Optional.of(new Failure(kind, kind == FailureKind.INVALID ? "SolrRejected" : Reasons.TRANSIENT_ERROR,
            "Solr answered " + solr.code() + ": " + solr.getMessage(), Optional.empty()));
      }
      cause = cause.getCause();
    }
    return Optional.empty();
  }

  /** A Route 53 change of the endpoint record is done once INSYNC; other handles are none of ours. */
  @Override
  public dev.kaizen.operator.core.reconcile.PendingState poll(SolrCluster cluster, SolrClusterPorts ports,
      dev.kaizen.operator.api.v1alpha1.common.PendingChange pending) {
    String handle = pending.getHandle();
    if (handle == null || !handle.startsWith(EndpointRecordPlanner.HANDLE) || ports.endpointRecords() == null) {
      return dev.kaizen.operator.core.reconcile.PendingState.DONE;
    }
    String changeId = handle.substring(EndpointRecordPlanner.HANDLE.length());
    return ports.endpointRecords().inSync(changeId) ? dev.kaizen.operator.core.reconcile.PendingState.DONE
        : dev.kaizen.operator.core.reconcile.PendingState.waiting(new Waiting("DnsChangePending", "Route 53 change "
            + changeId + " of the endpoint record is still PENDING (not yet on every Route 53 name server).",
            nodesRecheck));
  }

  @Override
  public void changed(SolrCluster cluster) {
    // What we changed is observed in full next time.
    lastFull.remove(uid(cluster));
  }

  private void forget(SolrCluster cluster) {
    lastFull.remove(uid(cluster));
    resting.values().forEach(reads -> reads.forget(uid(cluster)));
  }
}
