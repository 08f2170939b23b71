package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.ConfigSetSource;
import dev.kaizen.operator.solr.DesiredSolrCluster;
import dev.kaizen.operator.solr.LoadBalancing;
import dev.kaizen.operator.solr.NodeTemplate;
import dev.kaizen.operator.solr.ScalingGroups;
import dev.kaizen.operator.solr.SolrClusterObservation;
import dev.kaizen.operator.solr.SolrClusterPorts;
import dev.kaizen.operator.solr.SolrState;
import dev.kaizen.operator.solr.SolrUserData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the rollout decides from, beside part 1's observation of the active colour: the other colour's objects
 * (target group with its health, launch template, Auto Scaling group, its Solr through the test listener while that
 * forwards to it), the current step's Job, the smoke queries while verifying, the annotation requests. Reads only.
 */
public final class RolloutObserver {
  private RolloutObserver() {}

  public static RolloutObservation observe(SolrCluster cluster, SolrClusterPorts p, SolrClusterObservation active,
      Instant now) {
    SolrClusterSpec spec = cluster.getSpec();
    SolrClusterStatus status = cluster.getStatus();
    Optional<RolloutStatus> recorded = Optional.ofNullable(status).map(SolrClusterStatus::getRollout);
    DesiredSolrCluster d = active.desired();
    Colour colour = d.active();
    Colour other = colour.other();
    boolean inFlight = recorded.map(RolloutStatus::getPhase)
        .filter(phase -> phase != Phase.Complete && phase != Phase.Abandoned).isPresent();

    // What the spec asks for, against the revision being rolled out (in flight) or the one live (idle).
    boolean aliasRollout = inFlight && recorded.get().aliasRollout();
    Optional<RevisionStatus> compareWith = aliasRollout ? recorded.map(RolloutStatus::getTargetRevision)
        : inFlight ? recorded.map(RolloutStatus::getToColour).map(c -> revision(status, c))
        : Optional.of(d.revision());
    String hash = d.configSetFiles().isEmpty() ? "unknown" : ConfigSetSource.hash(d.configSetFiles());
    List<String> differences = compareWith.map(pinned -> Revisions.differences(spec, hash, pinned))
        .orElse(List.of());
    Optional<RevisionStatus> wanted = differences.isEmpty() ? Optional.empty()
        : Optional.of(new RevisionStatus(hash, spec.getSolrVersion(), spec.getInstanceType(),
            spec.getAmi().getId() != null ? spec.getAmi().getId() : p.amis().resolve(spec.getAmi().getSsmParameter())));

    // The other colour: built for the revision it holds, or (idle) for the one a new rollout would bring.
    Optional<RevisionStatus> otherRevision = inFlight ? Optional.ofNullable(revision(status, other.id()))
        : wanted.or(() -> Optional.ofNullable(revision(status, other.id())));
    Optional<SolrClusterObservation> otherColour = otherRevision.map(revision -> observeColour(cluster, p, active,
        desired(cluster, d, other, revision)));

    Optional<JobState> job = recorded.map(RolloutStatus::getJob)
        .flatMap(name -> p.rollout().jobs().state(cluster.getMetadata().getNamespace(), name));
    Map<String, Long> smokeHits = new LinkedHashMap<>();
    boolean verifying = recorded.map(RolloutStatus::getPhase).filter(phase -> phase == Phase.Verifying).isPresent();
    if (verifying && aliasRollout && active.solr().isPresent()) {
      // Strategy Alias: the smoke queries ask the new collections, in the live colour, before any alias moves.
      var solr = p.solr().at(active.endpoint(d.livePort()));
      for (SmokeQuerySpec query : spec.getRollout().getVerification().getSmokeQueries()) {
        smokeHits.put(RolloutPlanner.smokeKey(query), solr.count(recorded.get().getCollections()
            .getOrDefault(query.getCollection(), query.getCollection()), query.getQuery()));
      }
    } else if (verifying && otherColour.flatMap(SolrClusterObservation::solr).isPresent()) {
      var solr = p.solr().at(otherColour.get().endpoint(d.testPort()));
      for (SmokeQuerySpec query : spec.getRollout().getVerification().getSmokeQueries()) {
        smokeHits.put(RolloutPlanner.smokeKey(query), solr.count(query.getCollection(), query.getQuery()));
      }
    }
    var annotations = cluster.getMetadata().getAnnotations();
    Optional<String> promote = Optional.ofNullable(annotations).map(a -> a.get(Requests.PREFIX
        + RolloutPlanner.PROMOTE));
    var context = new RolloutObservation.JobContext(cluster.getMetadata().getNamespace(),
        cluster.getMetadata().getName(), cluster.getMetadata().getUid(),
        d.collections().stream().map(c -> c.getName()).toList());
    return new RolloutObservation(spec.getRollout(), recorded, colour, activeServing(active), wanted, differences,
        otherColour, job, smokeHits, promote, Requests.pending(cluster, status, RolloutPlanner.ROLLBACK),
        Requests.pending(cluster, status, RolloutPlanner.RETRY), context, now,
        aliases(cluster, p, active, recorded, otherColour, differences));
  }

  /**
   * The aliases, read only where they matter: on the active colour when the spec asks for strategy Alias, an alias
   * rollout is recorded or the colour has collections behind aliases; on the other colour while a two-colour rollout
   * brings up collections that must be behind aliases.
   */
  private static RolloutObservation.AliasView aliases(SolrCluster cluster, SolrClusterPorts p,
      SolrClusterObservation active, Optional<RolloutStatus> recorded, Optional<SolrClusterObservation> other,
      List<String> differences) {
    SolrClusterSpec spec = cluster.getSpec();
    DesiredSolrCluster d = active.desired();
    Map<String, String> names = colourNames(cluster.getStatus(), d.active().id());
    Map<String, String> physical = AliasedCollections.physical(spec.getCollections(), names);
    boolean behindAliases = !AliasedCollections.differing(physical).isEmpty();
    boolean aliasStrategy = spec.getRollout().effectiveStrategy() == RolloutSpec.Strategy.Alias;
    boolean aliasRollout = recorded.map(RolloutStatus::aliasRollout).orElse(false);
    Optional<Map<String, List<String>>> live = (aliasStrategy || aliasRollout || behindAliases)
        && active.solr().isPresent() ? Optional.of(p.solr().at(active.endpoint(d.livePort())).aliases())
        : Optional.empty();
    Optional<Map<String, List<String>>> otherAliases = behindAliases && !aliasRollout
        ? other.filter(o -> o.solr().isPresent())
            .map(o -> p.solr().at(o.endpoint(o.desired().livePort())).aliases())
        : Optional.empty();
    boolean configSetOnly = Revisions.configSetOnly(differences, spec, d.revision());
    return new RolloutObservation.AliasView(spec.getCollections(), physical, live, otherAliases, configSetOnly);
  }

  /** A colour's recorded collections behind aliases (alias -> collection), empty when there are none. */
  public static Map<String, String> colourNames(SolrClusterStatus status, String colour) {
    return Optional.ofNullable(status).map(s -> s.colour(colour)).map(ColourStatus::getCollectionNames)
        .orElse(Map.of());
  }

  private static RevisionStatus revision(SolrClusterStatus status, String colour) {
    return Optional.ofNullable(status).map(s -> s.colour(colour)).map(ColourStatus::getRevision).orElse(null);
  }

  /** Part 1 has nothing left to do for the active colour: load balancer up, every node healthy, collections up. */
  private static boolean activeServing(SolrClusterObservation active) {
    return active.loadBalancer().map(lb -> "active".equals(lb.state())).orElse(false) && active.scaleIn().isEmpty()
        && RolloutPlanner.serving(active);
  }

  /**
   * The other colour as the active one is described, with the test listener's port as its own: part 1's planner then
   * brings it up, reaching its Solr through the test listener.
   */
  static DesiredSolrCluster desired(SolrCluster cluster, DesiredSolrCluster active, Colour colour,
      RevisionStatus revision) {
    SolrClusterSpec spec = cluster.getSpec();
    String chroot = active.names().zkChroot(spec.getZookeeper().getChroot(), colour);
    NodeTemplate template = new NodeTemplate(revision.getAmi(), revision.getInstanceType(),
        SolrUserData.base64(SolrUserData.script(revision.getSolrVersion(), spec.getZookeeper().getConnectString(),
            chroot)),
        spec.getSecurityGroups(), spec.getInstanceProfileArn(), spec.getVolume().effectiveSizeGiB(),
        spec.getVolume().effectiveType());
    return new DesiredSolrCluster(active.names(), colour, active.nodes(), revision, template, active.subnets(),
        active.vpcId(), active.scheme(), active.loadBalancerSecurityGroups(), active.testPort(), active.testPort(),
        active.collections(), active.configSetName(), active.configSetFiles(), active.tags());
  }

  private static SolrClusterObservation observeColour(SolrCluster cluster, SolrClusterPorts p,
      SolrClusterObservation active, DesiredSolrCluster desired) {
    var names = desired.names();
    Colour colour = desired.active();
    var foundTg = p.loadBalancing().targetGroup(names.targetGroup(colour));
    var tags = p.loadBalancing().tags(foundTg.map(LoadBalancing.ObservedTargetGroup::arn).stream().toList());
    var tg = foundTg.map(found -> found.withTags(tags.getOrDefault(found.arn(), Map.of())));
    var template = p.templates().describe(names.launchTemplate(colour));
    var group = Optional.ofNullable(p.groups().describe(List.of(names.autoScalingGroup(colour)))
        .get(names.autoScalingGroup(colour)));
    Map<String, String> addresses = group.map(g -> p.templates().privateAddresses(g.staying().stream()
        .map(ScalingGroups.Member::id).toList())).orElse(Map.of());
    int healthy = tg.map(LoadBalancing.ObservedTargetGroup::healthy).orElse(0);
    // Solr through the test listener only while it forwards to this colour alone: never another colour's collections.
    boolean reachable = active.listener(desired.testPort()).filter(l -> l.weights().isEmpty()
        && tg.map(LoadBalancing.ObservedTargetGroup::arn).filter(arn -> arn.equals(l.targetGroupArn())).isPresent())
        .isPresent();
    Optional<SolrState> solr = active.loadBalancer().isPresent() && reachable && healthy > 0
        ? Optional.of(SolrState.read(p.solr().at(active.endpoint(desired.testPort())))) : Optional.empty();
    return new SolrClusterObservation(desired, true, active.loadBalancer(), active.listeners(), tg, template, group,
        addresses, solr, Optional.empty());
  }

  /** The other colour's facts in its status (its revision was pinned by the rollout). */
  public static void describe(SolrClusterStatus status, SolrClusterObservation other) {
    Colour colour = other.desired().active();
    ColourStatus colourStatus = status.colour(colour.id());
    if (colourStatus == null) {
      return; // not built yet: the rollout's first commit pins it
    }
    colourStatus.setDesiredNodes(other.group().map(ScalingGroups.Observed::desired).orElse(0));
    colourStatus.setHealthyNodes(other.healthyNodes());
    colourStatus.setLaunchTemplate(other.template().map(lt -> lt.id() + ":" + lt.latestVersion()).orElse(null));
    colourStatus.setAutoScalingGroup(other.group().map(ScalingGroups.Observed::name).orElse(null));
    colourStatus.setTargetGroupArn(other.targetGroup().map(LoadBalancing.ObservedTargetGroup::arn).orElse(null));
    other.solr().ifPresent(solr -> colourStatus.setDocuments(new LinkedHashMap<>(solr.documents())));
    boolean up = other.group().map(g -> g.desired() > 0).orElse(false);
    colourStatus.setState(!up ? null : RolloutPlanner.serving(other) ? ColourStatus.State.Serving
        : ColourStatus.State.Provisioning);
  }
}
