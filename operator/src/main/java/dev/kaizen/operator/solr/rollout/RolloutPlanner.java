package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase.*;

import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.DesiredSolrCluster;
import dev.kaizen.operator.solr.LoadBalancing;
import dev.kaizen.operator.solr.ScalingGroups;
import dev.kaizen.operator.solr.SolrClusterKind;
import dev.kaizen.operator.solr.SolrClusterObservation;
import dev.kaizen.operator.solr.SolrClusterPlanner;
import dev.kaizen.operator.solr.SolrClusterPorts;
import dev.kaizen.operator.solr.SolrState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pure planner of the blue/green rollout: the active colour's plan (part 1) and what the rollout observed in,
 * the combined plan out. One phase per reconcile: entering a phase is the plan's {@link StatusCommit}, written
 * (locked) before the phase's side effect, which is among the plan's changes; a restart finds the phase in status and
 * carries on from what AWS and Kubernetes show.
 *
 * <pre>
 *  (idle) --spec differs--> StandbyProvisioning --nodes healthy, collections made--> Reindexing --Job succeeded-->
 *  Verifying --counts and queries pass--> [AwaitingPromotion --kaizen.dev/promote=revision-->] Switching (weighted
 *  steps, a pause after each) --> Holding (traffic on the new colour) --hold expired--> Complete (old colour at zero)
 *  Reindexing / Verifying / CatchingUp --fail--> Failed (Stalled; kaizen.dev/retry-rollout tries the step again)
 *  Switching / Holding --kaizen.dev/rollback--> [CatchingUp -->] RolledBack (Stalled until the spec changes or a retry)
 *  any phase before the switch, Failed, RolledBack --spec changes--> Abandoning (standby retired) --> a new rollout
 * </pre>
 *
 * A spec change after traffic started moving (Switching, Holding) waits until the rollout is complete: there are two
 * colours, so there is never a second standby.
 */
public final class RolloutPlanner {
  public static final String PROMOTE = "promote";
  public static final String ROLLBACK = "rollback";
  public static final String RETRY = "retry-rollout";

  /** Operations of part 1's plan that belong to the load balancer, never to a standby's bring-up. */
  private static final Set<String> LOAD_BALANCER_OPERATIONS = Set.of("CreateLoadBalancer", "CreateListener",
      "ModifyListener", "AddTags");

  private RolloutPlanner() {}

  /** A step of the rollout: its changes and, when it enters a phase, the commit. */
  record Step(List<Change<SolrClusterPorts>> changes, Optional<StatusCommit> commit) {
    static Step none() {
      return new Step(List.of(), Optional.empty());
    }

    static Step of(List<Change<SolrClusterPorts>> changes) {
      return new Step(changes, Optional.empty());
    }

    static Step entering(StatusCommit commit, List<Change<SolrClusterPorts>> changes) {
      return new Step(changes, Optional.of(commit));
    }
  }

  /** The plan of a SolrCluster: part 1's plan for the active colour, joined with the rollout's. */
  public static Plan<SolrClusterPorts> plan(SolrClusterObservation active, Plan<SolrClusterPorts> activePlan,
      Function<String, Ownership> verdict, OwnerTags mine) {
    if (active.rollout().isEmpty()) {
      return activePlan;
    }
    RolloutObservation r = active.rollout().get();
    DesiredSolrCluster d = active.desired();
    String lb = d.names().loadBalancer();
    Optional<Colour> testTarget = testListenerTarget(r);
    Step step = activePlan.commit().isPresent() ? Step.none() : step(active, r, verdict, mine);
    boolean stepMovesLive = step.changes().stream().anyMatch(c -> c.target().equals(lb + ":" + d.livePort()));
    boolean liveManaged = stepMovesLive || r.phase().filter(p -> p == Switching).isPresent();
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    for (Change<SolrClusterPorts> change : activePlan.changes()) {
      boolean testListener = change.target().equals(lb + ":" + d.testPort());
      boolean liveListener = change.target().equals(lb + ":" + d.livePort());
      if ((testListener && testTarget.isPresent()) || (liveListener && liveManaged)) {
        continue; // the rollout decides where these listeners forward
      }
      changes.add(change);
    }
    changes.addAll(step.changes());
    testTarget.ifPresent(colour -> testListener(active, r, colour).ifPresent(changes::add));
    Plan<SolrClusterPorts> plan = new Plan<>(changes);
    Optional<StatusCommit> commit = activePlan.commit().or(step::commit);
    return commit.isPresent() ? plan.committingFirst(commit.get()) : plan;
  }

  /**
   * Where the test listener forwards while the rollout needs it: the colour a catch-up Job writes to during
   * CatchingUp; else the non-active colour while it has nodes (the standby, the colour kept for a rollback, the one
   * being retired). Empty: part 1 decides (the active colour).
   */
  static Optional<Colour> testListenerTarget(RolloutObservation r) {
    Optional<Phase> phase = r.phase();
    if (phase.filter(p -> p == CatchingUp).isPresent()) {
      return r.recorded().map(s -> Colour.of(s.getFromColour()));
    }
    boolean inFlight = phase.filter(p -> p != Complete && p != Abandoned).isPresent() && !r.aliasRollout();
    if (inFlight || !r.otherAtRest()) {
      return Optional.of(r.active().other());
    }
    return Optional.empty();
  }

  private static Optional<Change<SolrClusterPorts>> testListener(SolrClusterObservation active, RolloutObservation r,
      Colour colour) {
    DesiredSolrCluster d = active.desired();
    Optional<LoadBalancing.ObservedListener> listener = active.listener(d.testPort());
    String tgName = d.names().targetGroup(colour);
    Optional<String> tgArn = colour == d.active() ? active.targetGroup().map(LoadBalancing.ObservedTargetGroup::arn)
        : r.other().flatMap(SolrClusterObservation::targetGroup).map(LoadBalancing.ObservedTargetGroup::arn);
    if (listener.isEmpty()) {
      return Optional.empty(); // part 1 creates it
    }
    boolean forwards = tgArn.isPresent() && tgArn.get().equals(listener.get().targetGroupArn())
        && listener.get().weights().isEmpty();
    if (forwards) {
      return Optional.empty();
    }
    return Optional.of(RolloutChanges.forward(d.names().loadBalancer(), d.testPort(), listener.get().arn(), tgName,
        "test listener forwards to " + listener.get().targetGroupArn() + " -> the " + colour.id() + " colour ("
            + r.phase().map(Enum::name).orElse("retiring") + ")"));
  }

  private static Step step(SolrClusterObservation active, RolloutObservation r, Function<String, Ownership> verdict,
      OwnerTags mine) {
    Phase phase = r.phase().orElse(null);
    if (phase == null || phase == Complete || phase == Abandoned) {
      return idle(active, r, verdict, mine);
    }
    return switch (phase) {
      case StandbyProvisioning -> abandonIfChanged(active, r).orElseGet(() -> r.aliasRollout()
          ? AliasRollout.creating(active, r) : provisioning(active, r, verdict, mine));
      case Reindexing -> abandonIfChanged(active, r).orElseGet(() -> reindexing(active, r));
      case Verifying -> abandonIfChanged(active, r).orElseGet(() -> verifying(active, r));
      case AwaitingPromotion -> abandonIfChanged(active, r).orElseGet(() -> awaitingPromotion(active, r));
      case Switching -> rollbackIfRequested(active, r).orElseGet(() -> switching(active, r));
      case Holding -> rollbackIfRequested(active, r).orElseGet(() -> r.aliasRollout() ? AliasRollout.holding(active, r)
          : holding(active, r, verdict));
      case CatchingUp -> catchingUp(active, r);
      case Failed -> failed(active, r);
      case RolledBack -> rolledBack(active, r);
      case Abandoning -> r.aliasRollout() ? AliasRollout.abandoning(active, r) : abandoning(active, r, verdict, mine);
      default -> Step.none();
    };
  }

  // ---- idle: start a rollout when the spec asks for another revision -------------------------------------------

  private static Step idle(SolrClusterObservation active, RolloutObservation r, Function<String, Ownership> verdict,
      OwnerTags mine) {
    if (!r.otherAtRest()) {
      return Step.of(retire(active, r, verdict, "the previous colour is retired"));
    }
    if (r.wanted().isEmpty() || !r.activeServing()) {
      return Step.of(AliasRollout.alignLive(active, r)); // aliases put back where someone moved them
    }
    if (r.spec().effectiveStrategy() == dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec.Strategy.Alias
        && r.aliases().configSetOnly() && active.solr().isPresent()) {
      return AliasRollout.start(active, r);
    }
    if (r.other().isEmpty()) {
      return Step.none();
    }
    return start(active, r, verdict, mine);
  }

  private static Step start(SolrClusterObservation active, RolloutObservation r, Function<String, Ownership> verdict,
      OwnerTags mine) {
    RevisionStatus wanted = r.wanted().get();
    Colour from = r.active();
    Colour to = from.other();
    String revision = Revisions.id(wanted);
    Instant now = r.now();
    boolean aliasStrategy = r.spec().effectiveStrategy()
        == dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec.Strategy.Alias;
    String message = "Rolling out " + wanted.summary() + " (" + String.join(", ", r.wantedDifferences()) + ") to the "
        + to.id() + " colour; " + from.id() + " keeps the live traffic."
        + (aliasStrategy ? " Strategy Alias covers configset-only changes: this one needs new nodes, so it rolls out"
            + " to the other colour." : "");
    Map<String, String> names = AliasedCollections.differing(r.aliases().activeNames());
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    changes.add(RolloutChanges.announce(name(active), false, "RolloutStarted", message));
    changes.addAll(bringUp(r.other().get(), verdict, mine));
    return Step.entering(commit("start rollout " + revision + " to " + to.id() + ": " + wanted.summary(), s -> {
      RolloutStatus ro = new RolloutStatus();
      ro.setPhase(StandbyProvisioning);
      ro.setRevision(revision);
      ro.setRevisionSummary(wanted.summary());
      ro.setFromColour(from.id());
      ro.setToColour(to.id());
      ro.setAttempt(1);
      ro.setPhaseStartedAt(now.toString());
      ro.setMessage(message);
      s.setRollout(ro);
      ColourStatus colour = Optional.ofNullable(s.colour(to.id())).orElseGet(ColourStatus::new);
      colour.setRevision(wanted);
      colour.setCollectionNames(new LinkedHashMap<>(names)); // the standby's collections: the same, behind aliases
      s.setColour(to.id(), colour);
    }), changes);
  }

  /** Part 1's plan for the standby colour, without anything of the load balancer (the rollout owns the listeners). */
  private static List<Change<SolrClusterPorts>> bringUp(SolrClusterObservation standby,
      Function<String, Ownership> verdict, OwnerTags mine) {
    return SolrClusterPlanner.plan(standby, verdict, mine).changes().stream()
        .filter(c -> !LOAD_BALANCER_OPERATIONS.contains(c.operation())
            || (c.operation().equals("AddTags") && !c.target().equals(standby.desired().names().loadBalancer())))
        .toList();
  }

  // ---- before the switch ----------------------------------------------------------------------------------------

  private static Step provisioning(SolrClusterObservation active, RolloutObservation r,
      Function<String, Ownership> verdict, OwnerTags mine) {
    SolrClusterObservation standby = r.other().orElseThrow();
    List<Change<SolrClusterPorts>> changes = bringUp(standby, verdict, mine);
    if (!changes.isEmpty() || !serving(standby)) {
      return Step.of(changes);
    }
    List<Change<SolrClusterPorts>> aliases = AliasRollout.alignStandby(standby, r);
    if (!aliases.isEmpty()) {
      return Step.of(aliases); // clients query the aliases: they must exist before the standby takes traffic
    }
    RolloutStatus ro = r.recorded().orElseThrow();
    String message = "The " + ro.getToColour() + " colour is up with " + ro.getRevisionSummary() + ": "
        + standby.healthyNodes() + " nodes healthy, collections created.";
    List<Change<SolrClusterPorts>> next = new ArrayList<>();
    next.add(RolloutChanges.announce(name(active), false, "StandbyReady", message));
    RolloutJobSpec reindex = r.spec().getReindex();
    if (reindex == null) {
      return Step.entering(phase("enter Verifying (no reindex Job configured)", Verifying, r.now(), message,
          ro2 -> done(ro2, "StandbyReady")), next);
    }
    String job = RolloutJobTemplate.name(r.jobContext().cluster(), "reindex", ro.getRevision(), 1);
    next.add(RolloutChanges.createJob(reindexJob(active, r, job, reindex), "reindex the " + ro.getToColour()
        + " colour"));
    return Step.entering(phase("enter Reindexing: Job " + job, Reindexing, r.now(), message, ro2 -> {
      done(ro2, "StandbyReady");
      ro2.setJob(job);
      ro2.setAttempt(1);
    }), next);
  }

  private static Step reindexing(SolrClusterObservation active, RolloutObservation r) {
    RolloutStatus ro = r.recorded().orElseThrow();
    if (r.job().isEmpty()) {
      // Committed, but the Job's creation did not happen (or its answer was lost): create it now, once by name.
      return Step.of(List.of(RolloutChanges.createJob(reindexJob(active, r, ro.getJob(), r.spec().getReindex()),
          "reindex the " + ro.getToColour() + " colour")));
    }
    JobState job = r.job().get();
    return switch (job.state()) {
      case RUNNING -> Step.none();
      case SUCCEEDED -> {
        String message = "The reindex Job " + ro.getJob() + " succeeded.";
        yield Step.entering(phase("enter Verifying", Verifying, r.now(), message, s -> done(s, "ReindexComplete")),
            List.of(RolloutChanges.announce(name(active), false, "ReindexComplete", message)));
      }
      case FAILED -> fail(active, r, "Reindex", "The reindex Job " + ro.getJob() + " failed (" + job.message()
          + "); live traffic stays on " + ro.getFromColour() + ", the " + ro.getToColour()
          + " colour is kept for inspection.");
    };
  }

  private static Step verifying(SolrClusterObservation active, RolloutObservation r) {
    if (r.aliasRollout()) {
      return AliasRollout.verifying(active, r);
    }
    SolrClusterObservation standby = r.other().orElseThrow();
    if (active.solr().isEmpty() || standby.solr().isEmpty()) {
      return Step.none(); // cannot compare yet: a colour's Solr is not reachable
    }
    RolloutStatus ro = r.recorded().orElseThrow();
    List<String> problems = verificationProblems(r, active.solr().get(), standby.solr().get());
    if (!problems.isEmpty()) {
      return fail(active, r, "Verify", "Verification of the " + ro.getToColour() + " colour failed: "
          + String.join("; ", problems) + ". Live traffic stays on " + ro.getFromColour() + ".");
    }
    String message = "The " + ro.getToColour() + " colour passed verification: " + counts(active.solr().get(),
        standby.solr().get(), r) + (r.spec().getVerification().getSmokeQueries().isEmpty() ? ""
        : ", " + r.spec().getVerification().getSmokeQueries().size() + " smoke queries returned results") + ".";
    List<Change<SolrClusterPorts>> announce = List.of(RolloutChanges.announce(name(active), false, "StandbyVerified",
        message));
    if (r.spec().getTrafficSwitch().approvalRequired()) {
      String waiting = message + " Waiting for kaizen.dev/promote=" + ro.getRevision() + ".";
      return Step.entering(phase("enter AwaitingPromotion", AwaitingPromotion, r.now(), waiting,
          s -> done(s, "StandbyVerified")), announce);
    }
    return switchStart(active, r, List.of("StandbyVerified"), announce);
  }

  /** Each collection's count within the tolerance of the live one, and every smoke query finding something. */
  static List<String> verificationProblems(RolloutObservation r, SolrState live, SolrState standby) {
    if (r.aliasRollout()) {
      return AliasRollout.verificationProblems(r, live);
    }
    List<String> problems = new ArrayList<>();
    int tolerance = r.spec().getVerification().effectiveTolerancePercent();
    for (String collection : r.jobContext().collections()) {
      long liveCount = live.documents().getOrDefault(collection, 0L);
      Long standbyCount = standby.documents().get(collection);
      if (standbyCount == null) {
        problems.add("collection " + collection + " is missing");
        continue;
      }
      if (Math.abs(standbyCount - liveCount) * 100 > (long) tolerance * liveCount) {
        problems.add(collection + " has " + standbyCount + " documents against " + liveCount + " live (more than "
            + tolerance + "% apart)");
      }
    }
    for (SmokeQuerySpec query : r.spec().getVerification().getSmokeQueries()) {
      long hits = r.smokeHits().getOrDefault(smokeKey(query), 0L);
      if (hits == 0) {
        problems.add("smoke query " + query.getCollection() + ": " + query.getQuery() + " found nothing");
      }
    }
    return problems;
  }

  public static String smokeKey(SmokeQuerySpec query) {
    return query.getCollection() + ": " + query.getQuery();
  }

  private static String counts(SolrState live, SolrState standby, RolloutObservation r) {
    return String.join(", ", r.jobContext().collections().stream().map(c -> c + " " + standby.documents()
        .getOrDefault(c, 0L) + " documents (live " + live.documents().getOrDefault(c, 0L) + ")").toList());
  }

  private static Step awaitingPromotion(SolrClusterObservation active, RolloutObservation r) {
    RolloutStatus ro = r.recorded().orElseThrow();
    if (r.promote().filter(ro.getRevision()::equals).isEmpty()) {
      return Step.none();
    }
    return switchStart(active, r, List.of("Promoted"), List.of(RolloutChanges.announce(name(active), false,
        "Promoted", "kaizen.dev/promote names " + ro.getRevision() + ": switching traffic to the "
            + ro.getToColour() + " colour.")));
  }

  // ---- the switch -----------------------------------------------------------------------------------------------

  static Step switchStart(SolrClusterObservation active, RolloutObservation r, List<String> stepsDone,
      List<Change<SolrClusterPorts>> announcements) {
    if (r.aliasRollout()) {
      return AliasRollout.switchAliases(active, r, stepsDone, announcements);
    }
    List<Integer> steps = r.spec().getTrafficSwitch().getSteps();
    if (steps.isEmpty()) {
      return hold(active, r, stepsDone, announcements);
    }
    return weightedStep(active, r, 0, stepsDone, announcements);
  }

  private static Step weightedStep(SolrClusterObservation active, RolloutObservation r, int index,
      List<String> stepsDone, List<Change<SolrClusterPorts>> announcements) {
    RolloutStatus ro = r.recorded().orElseThrow();
    int percent = r.spec().getTrafficSwitch().getSteps().get(index);
    Map<String, Integer> byColour = weights(ro, percent);
    Optional<Change<SolrClusterPorts>> forward = weightedForward(active, r, byColour, "weighted step " + (index + 1)
        + " of " + r.spec().getTrafficSwitch().getSteps().size());
    if (forward.isEmpty()) {
      return Step.none(); // a target group is missing: part 1 or the bring-up puts it back first
    }
    String message = "Step " + (index + 1) + " of " + r.spec().getTrafficSwitch().getSteps().size() + ": " + percent
        + "% of the live traffic goes to the " + ro.getToColour() + " colour; the next step in "
        + r.spec().getTrafficSwitch().effectivePauseSeconds() + "s.";
    Instant now = r.now();
    List<Change<SolrClusterPorts>> changes = new ArrayList<>(announcements);
    changes.add(RolloutChanges.announce(name(active), false, "SwitchStep", message));
    changes.add(forward.get());
    return Step.entering(phase("enter Switching step " + (index + 1) + ": " + byColour, Switching, now, message, s -> {
      stepsDone.forEach(done -> done(s, done));
      s.setSwitchStep(index);
      s.setWeights(new LinkedHashMap<>(byColour));
      if (s.getSwitchTime() == null) {
        s.setSwitchTime(now.toString());
      }
    }), changes);
  }

  private static Map<String, Integer> weights(RolloutStatus ro, int percentToNew) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    weights.put(ro.getFromColour(), 100 - percentToNew);
    weights.put(ro.getToColour(), percentToNew);
    return weights;
  }

  private static Optional<Change<SolrClusterPorts>> weightedForward(SolrClusterObservation active,
      RolloutObservation r, Map<String, Integer> byColour, String reason) {
    DesiredSolrCluster d = active.desired();
    Optional<LoadBalancing.ObservedListener> live = active.listener(d.livePort());
    Map<String, Integer> byArn = new LinkedHashMap<>();
    for (var entry : byColour.entrySet()) {
      Optional<String> arn = targetGroupArn(active, r, Colour.of(entry.getKey()));
      if (arn.isEmpty()) {
        return Optional.empty();
      }
      byArn.put(arn.get(), entry.getValue());
    }
    return live.map(l -> RolloutChanges.forwardWeighted(d.names().loadBalancer(), d.livePort(), l.arn(), byArn,
        byColour, reason));
  }

  private static Optional<String> targetGroupArn(SolrClusterObservation active, RolloutObservation r, Colour colour) {
    return colour == active.desired().active() ? active.targetGroup().map(LoadBalancing.ObservedTargetGroup::arn)
        : r.other().flatMap(SolrClusterObservation::targetGroup).map(LoadBalancing.ObservedTargetGroup::arn);
  }

  private static Step switching(SolrClusterObservation active, RolloutObservation r) {
    RolloutStatus ro = r.recorded().orElseThrow();
    int index = ro.getSwitchStep() == null ? 0 : ro.getSwitchStep();
    List<Integer> steps = r.spec().getTrafficSwitch().getSteps();
    Instant stepStarted = Instant.parse(ro.getPhaseStartedAt());
    boolean paused = r.now().isBefore(stepStarted.plusSeconds(r.spec().getTrafficSwitch().effectivePauseSeconds()));
    if (paused || steps.isEmpty()) {
      // Keep the step's weights (someone may have edited the listener).
      Optional<LoadBalancing.ObservedListener> live = active.listener(active.desired().livePort());
      Map<String, Integer> expected = new LinkedHashMap<>();
      ro.getWeights().forEach((colour, weight) -> targetGroupArn(active, r, Colour.of(colour))
          .ifPresent(arn -> expected.put(arn, weight)));
      if (live.isPresent() && !expected.isEmpty() && !new java.util.TreeMap<>(expected).equals(
          new java.util.TreeMap<>(live.get().weights()))) {
        return Step.of(weightedForward(active, r, ro.getWeights(), "weights of step " + (index + 1) + " put back")
            .map(List::of).orElse(List.of()));
      }
      return Step.none();
    }
    if (index + 1 < steps.size()) {
      return weightedStep(active, r, index + 1, List.of(), List.of());
    }
    return hold(active, r, List.of(), List.of());
  }

  /** All live traffic to the new colour, which becomes the active one; the previous one is kept for the hold. */
  private static Step hold(SolrClusterObservation active, RolloutObservation r, List<String> stepsDone,
      List<Change<SolrClusterPorts>> announcements) {
    RolloutStatus ro = r.recorded().orElseThrow();
    DesiredSolrCluster d = active.desired();
    Optional<LoadBalancing.ObservedListener> live = active.listener(d.livePort());
    Colour to = Colour.of(ro.getToColour());
    if (live.isEmpty() || targetGroupArn(active, r, to).isEmpty()) {
      return Step.none();
    }
    Instant now = r.now();
    String switchTime = ro.getSwitchTime() != null ? ro.getSwitchTime() : now.toString();
    Instant holdUntil = now.plusSeconds(r.spec().effectiveHoldSeconds());
    String message = "Live traffic is on the " + to.id() + " colour (" + ro.getRevisionSummary() + ") since "
        + switchTime + "; " + ro.getFromColour() + " is kept for a rollback until " + holdUntil + ".";
    List<Change<SolrClusterPorts>> changes = new ArrayList<>(announcements);
    changes.add(RolloutChanges.announce(name(active), false, "Switched", message));
    changes.add(RolloutChanges.forward(d.names().loadBalancer(), d.livePort(), live.get().arn(), d.names()
        .targetGroup(to), "switch: live listener -> the " + to.id() + " colour"));
    return Step.entering(commit("enter Holding: live -> " + to.id(), s -> {
      RolloutStatus status = s.getRollout();
      stepsDone.forEach(done -> done(status, done));
      done(status, "Switched");
      status.setPhase(Holding);
      status.setPhaseStartedAt(now.toString());
      status.setSwitchTime(switchTime);
      status.setHoldUntil(holdUntil.toString());
      status.setSwitchStep(null);
      status.setWeights(new LinkedHashMap<>());
      status.setMessage(message);
      s.setActiveColour(to.id());
      Optional.ofNullable(s.colour(to.id())).map(ColourStatus::getRevision)
          .ifPresent(revision -> s.setActiveRevision(revision.summary()));
    }), changes);
  }

  private static Step holding(SolrClusterObservation active, RolloutObservation r,
      Function<String, Ownership> verdict) {
    RolloutStatus ro = r.recorded().orElseThrow();
    if (ro.getHoldUntil() == null || r.now().isBefore(Instant.parse(ro.getHoldUntil()))) {
      return Step.none();
    }
    if (testListener(active, r, Colour.of(ro.getFromColour())).isPresent()) {
      // Its collections are deleted through the test listener: wait until this plan's move of it took effect (a
      // restart that lasted longer than the hold would otherwise retire the colour with its collections left).
      return Step.none();
    }
    String message = "Rollout of " + ro.getRevisionSummary() + " complete: the " + ro.getFromColour()
        + " colour is scaled to zero.";
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    changes.add(RolloutChanges.announce(name(active), false, "RolloutComplete", message));
    changes.addAll(retire(active, r, verdict, "the hold time is over"));
    return Step.entering(phase("enter Complete: retire " + ro.getFromColour(), Complete, r.now(), message,
        s -> done(s, "RolloutComplete")), changes);
  }

  /**
   * The non-active colour to zero: its collections deleted first (through the test listener, only while it forwards
   * there), then scale-in protection off and the group at 0. Only an owned group is touched.
   */
  private static List<Change<SolrClusterPorts>> retire(SolrClusterObservation active, RolloutObservation r,
      Function<String, Ownership> verdict, String reason) {
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    if (r.other().isEmpty()) {
      return changes;
    }
    SolrClusterObservation other = r.other().get();
    Colour colour = other.desired().active();
    if (!verdict.apply(SolrClusterKind.groupKey(other.desired().names(), colour)).mayManage()) {
      return changes;
    }
    Optional<ScalingGroups.Observed> group = other.group();
    if (group.isEmpty()) {
      return changes;
    }
    // Solr is read through the test listener only while it forwards to this colour (see the observer).
    other.solr().ifPresent(solr -> solr.collections().stream().filter(r.jobContext().collections()::contains)
        .forEach(c -> changes.add(RolloutChanges.deleteCollection(other.endpoint(other.desired().livePort()),
            colour.id(), c))));
    List<String> protectedIds = group.get().staying().stream().filter(ScalingGroups.Member::protectedFromScaleIn)
        .map(ScalingGroups.Member::id).toList();
    if (!protectedIds.isEmpty()) {
      changes.add(RolloutChanges.unprotect(group.get().name(), protectedIds));
    }
    if (group.get().desired() != 0 || group.get().max() != 0 || group.get().min() != 0) {
      changes.add(RolloutChanges.scaleToZero(group.get().name(), reason + ": min/max/desired " + group.get().min()
          + "/" + group.get().max() + "/" + group.get().desired() + " -> 0/0/0"));
    }
    return changes;
  }

  // ---- rollback -------------------------------------------------------------------------------------------------

  private static Optional<Step> rollbackIfRequested(SolrClusterObservation active, RolloutObservation r) {
    if (r.rollback().isEmpty()) {
      return Optional.empty();
    }
    Requests.Request request = r.rollback().get();
    RolloutStatus ro = r.recorded().orElseThrow();
    Colour from = Colour.of(ro.getFromColour());
    // The previous colour still exists: its nodes are all healthy (its Solr may not be reachable through the test
    // listener at this moment: the listener follows the phase one reconcile later).
    boolean previousServing = from == active.desired().active() ? nodesUp(active)
        : r.other().map(RolloutPlanner::nodesUp).orElse(false);
    if (!previousServing) {
      String message = "kaizen.dev/rollback=" + request.value() + " cannot be acted on: the " + from.id()
          + " colour is no longer serving.";
      return Optional.of(Step.entering(acknowledge(request, s -> s.setMessage(message)),
          List.of(RolloutChanges.announce(name(active), true, "RollbackImpossible", message))));
    }
    RolloutJobSpec catchUp = r.spec().getCatchUp();
    if (catchUp != null && ro.getSwitchTime() != null) {
      int attempt = 1;
      String job = RolloutJobTemplate.name(r.jobContext().cluster(), "catchup", ro.getRevision(), attempt);
      String message = "Rollback requested: the catch-up Job " + job + " copies the writes made since "
          + ro.getSwitchTime() + " into the " + from.id() + " colour before traffic moves back.";
      return Optional.of(Step.entering(acknowledge(request, s -> {
        s.setPhase(CatchingUp);
        s.setPhaseStartedAt(r.now().toString());
        s.setJob(job);
        s.setAttempt(attempt);
        s.setMessage(message);
      }), List.of(RolloutChanges.announce(name(active), true, "CatchingUp", message),
          RolloutChanges.createJob(catchUpJob(active, r, job, catchUp), "catch up the " + from.id() + " colour"))));
    }
    return Optional.of(rollBack(active, r, Optional.of(request)));
  }

  private static Step catchingUp(SolrClusterObservation active, RolloutObservation r) {
    RolloutStatus ro = r.recorded().orElseThrow();
    if (r.job().isEmpty()) {
      return Step.of(List.of(RolloutChanges.createJob(catchUpJob(active, r, ro.getJob(), r.spec().getCatchUp()),
          "catch up the " + ro.getFromColour() + " colour")));
    }
    return switch (r.job().get().state()) {
      case RUNNING -> Step.none();
      case SUCCEEDED -> rollBack(active, r, Optional.empty());
      case FAILED -> fail(active, r, "CatchUp", "The catch-up Job " + ro.getJob() + " failed ("
          + r.job().get().message() + "); live traffic was not moved back to " + ro.getFromColour() + ".");
    };
  }

  /** Live traffic back to the previous colour, with what it cannot restore said in status and in the Event. */
  private static Step rollBack(SolrClusterObservation active, RolloutObservation r,
      Optional<Requests.Request> request) {
    if (r.aliasRollout()) {
      return AliasRollout.rollBack(active, r, request);
    }
    RolloutStatus ro = r.recorded().orElseThrow();
    DesiredSolrCluster d = active.desired();
    Colour from = Colour.of(ro.getFromColour());
    Optional<LoadBalancing.ObservedListener> live = active.listener(d.livePort());
    if (live.isEmpty() || targetGroupArn(active, r, from).isEmpty()) {
      return Step.none();
    }
    boolean caughtUp = ro.getPhase() == CatchingUp;
    String message = "Rolled back: live traffic is on the " + from.id() + " colour again since " + r.now() + "."
        + (ro.getSwitchTime() == null ? "" : " Writes that reached the " + ro.getToColour() + " colour after the switch"
            + " at " + ro.getSwitchTime() + (caughtUp ? " were copied by the catch-up Job " + ro.getJob()
                + "; any made after it ran" : "") + " are not in the " + from.id() + " colour.")
        + " The " + ro.getToColour() + " colour is kept for inspection; set kaizen.dev/" + RETRY + " to roll out again,"
        + " or change the spec.";
    Instant now = r.now();
    Consumer<RolloutStatus> edit = s -> {
      done(s, "RolledBack");
      s.setPhase(RolledBack);
      s.setPhaseStartedAt(now.toString());
      s.setWeights(new LinkedHashMap<>());
      s.setSwitchStep(null);
      s.setHoldUntil(null);
      s.setMessage(message);
    };
    StatusCommit commit = new StatusCommit("enter RolledBack: live -> " + from.id(), status -> {
      SolrClusterStatus s = (SolrClusterStatus) status;
      request.ifPresent(req -> s.getRequests().put(req.name(), req.value()));
      edit.accept(s.getRollout());
      s.setActiveColour(from.id());
      Optional.ofNullable(s.colour(from.id())).map(ColourStatus::getRevision)
          .ifPresent(revision -> s.setActiveRevision(revision.summary()));
    });
    return Step.entering(commit, List.of(RolloutChanges.announce(name(active), true, "RolledBack", message),
        RolloutChanges.forward(d.names().loadBalancer(), d.livePort(), live.get().arn(), d.names().targetGroup(from),
            "rollback: live listener -> the " + from.id() + " colour")));
  }

  private static Step rolledBack(SolrClusterObservation active, RolloutObservation r) {
    if (r.retry().isPresent()) {
      return abandon(active, r, r.retry(), "kaizen.dev/" + RETRY + "=" + r.retry().get().value()
          + ": the rolled-back colour is retired and the rollout starts over.");
    }
    return abandonIfChanged(active, r).orElseGet(Step::none);
  }

  // ---- failure, retry, abandon ----------------------------------------------------------------------------------

  static Step fail(SolrClusterObservation active, RolloutObservation r, String step, String message) {
    return Step.entering(phase("enter Failed: " + step, Failed, r.now(), message, s -> s.setFailedStep(step)),
        List.of(RolloutChanges.announce(name(active), true, "RolloutFailed", message)));
  }

  private static Step failed(SolrClusterObservation active, RolloutObservation r) {
    RolloutStatus ro = r.recorded().orElseThrow();
    if (r.retry().isPresent()) {
      Requests.Request retry = r.retry().get();
      int attempt = Math.min(99, (ro.getAttempt() == null ? 1 : ro.getAttempt()) + 1);
      String failedStep = String.valueOf(ro.getFailedStep());
      String message = "kaizen.dev/" + RETRY + "=" + retry.value() + ": trying the " + failedStep + " step again"
          + " (attempt " + attempt + ").";
      List<Change<SolrClusterPorts>> changes = new ArrayList<>();
      changes.add(RolloutChanges.announce(name(active), false, "RolloutRetried", message));
      Phase phase;
      String job = null;
      switch (failedStep) {
        case "Reindex" -> {
          phase = Reindexing;
          job = RolloutJobTemplate.name(r.jobContext().cluster(), "reindex", ro.getRevision(), attempt);
          changes.add(RolloutChanges.createJob(reindexJob(active, r, job, r.spec().getReindex()), "reindex again"));
        }
        case "CatchUp" -> {
          phase = CatchingUp;
          job = RolloutJobTemplate.name(r.jobContext().cluster(), "catchup", ro.getRevision(), attempt);
          changes.add(RolloutChanges.createJob(catchUpJob(active, r, job, r.spec().getCatchUp()), "catch up again"));
        }
        default -> phase = Verifying;
      }
      String jobName = job;
      Instant now = r.now();
      return Step.entering(acknowledge(retry, s -> {
        s.setPhase(phase);
        s.setPhaseStartedAt(now.toString());
        s.setFailedStep(null);
        s.setAttempt(attempt);
        if (jobName != null) {
          s.setJob(jobName);
        }
        s.setMessage(message);
      }), changes);
    }
    return abandonIfChanged(active, r).orElseGet(Step::none);
  }

  static Optional<Step> abandonIfChanged(SolrClusterObservation active, RolloutObservation r) {
    if (r.wanted().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(abandon(active, r, Optional.empty(), "The spec changed mid-rollout ("
        + String.join(", ", r.wantedDifferences()) + "): the standby is retired and the rollout starts over."));
  }

  static Step abandon(SolrClusterObservation active, RolloutObservation r,
      Optional<Requests.Request> request, String message) {
    Instant now = r.now();
    StatusCommit commit = new StatusCommit("enter Abandoning", status -> {
      SolrClusterStatus s = (SolrClusterStatus) status;
      request.ifPresent(req -> s.getRequests().put(req.name(), req.value()));
      RolloutStatus ro = s.getRollout();
      ro.setPhase(Abandoning);
      ro.setPhaseStartedAt(now.toString());
      ro.setMessage(message);
    });
    return Step.entering(commit, List.of(RolloutChanges.announce(name(active), false, "RolloutAbandoned", message)));
  }

  private static Step abandoning(SolrClusterObservation active, RolloutObservation r,
      Function<String, Ownership> verdict, OwnerTags mine) {
    if (!r.otherAtRest()) {
      return Step.of(retire(active, r, verdict, "the abandoned standby is retired"));
    }
    // Abandoned is idle: the next reconcile observes the other colour for the revision the spec asks for now.
    String message = "The standby of " + r.recorded().map(RolloutStatus::getRevisionSummary).orElse("the rollout")
        + " is retired" + (r.wanted().isPresent() ? "; a new rollout starts." : "; the spec asks for the live revision.");
    return Step.entering(phase("enter Abandoned", Abandoned, r.now(), message, s -> {}), List.of());
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static boolean nodesUp(SolrClusterObservation colour) {
    return colour.group().map(g -> g.desired() > 0).orElse(false)
        && colour.healthyNodes() >= colour.desired().nodes();
  }

  /** Whether a colour has all its nodes healthy, its collections and no shard without a live replica. */
  static boolean serving(SolrClusterObservation colour) {
    return colour.healthyNodes() >= colour.desired().nodes() && colour.solr().isPresent()
        && colour.solr().get().collections().containsAll(colour.desired().collections().stream()
            .map(c -> c.getName()).toList())
        && !colour.solr().get().anyRed();
  }

  static io.fabric8.kubernetes.api.model.batch.v1.Job reindexJob(SolrClusterObservation active,
      RolloutObservation r, String name, RolloutJobSpec spec) {
    RolloutStatus ro = r.recorded().orElseThrow();
    return RolloutJobTemplate.job(r.jobContext(), name, spec, jobEnv(active, r, ro.getRevision(), Optional.empty()));
  }

  private static io.fabric8.kubernetes.api.model.batch.v1.Job catchUpJob(SolrClusterObservation active,
      RolloutObservation r, String name, RolloutJobSpec spec) {
    RolloutStatus ro = r.recorded().orElseThrow();
    return RolloutJobTemplate.job(r.jobContext(), name, spec, jobEnv(active, r, ro.getRevision(),
        Optional.ofNullable(ro.getSwitchTime())));
  }

  /** The test listener's endpoint: the colour the step works on (the rollout points the test listener at it). */
  private static Map<String, String> jobEnv(SolrClusterObservation active, RolloutObservation r, String revision,
      Optional<String> since) {
    Map<String, String> env = new LinkedHashMap<>();
    if (r.aliasRollout()) {
      // Strategy Alias: the Job writes to the live colour, into the new collections (a catch-up into the previous).
      RolloutStatus ro = r.recorded().orElseThrow();
      env.put("SOLR_URL", active.endpoint(active.desired().livePort()));
      env.put("SOLR_COLLECTIONS", String.join(",", (since.isPresent() ? ro.getPreviousCollections()
          : ro.getCollections()).values()));
      env.put("SOLR_ALIASES", String.join(",", ro.getCollections().keySet()));
      env.put("KAIZEN_REVISION", revision);
      since.ifPresent(s -> env.put("SINCE", s));
      return env;
    }
    env.put("SOLR_URL", active.endpoint(active.desired().testPort()));
    env.put("SOLR_COLLECTIONS", String.join(",", r.jobContext().collections()));
    env.put("KAIZEN_REVISION", revision);
    since.ifPresent(s -> env.put("SINCE", s));
    return env;
  }

  static String name(SolrClusterObservation active) {
    return active.desired().names().namespace() + "/" + active.desired().names().name();
  }

  static void done(RolloutStatus status, String step) {
    if (!status.getStepsDone().contains(step)) {
      status.getStepsDone().add(step);
    }
  }

  static StatusCommit commit(String describe, Consumer<SolrClusterStatus> edit) {
    return new StatusCommit(describe, status -> edit.accept((SolrClusterStatus) status));
  }

  static StatusCommit phase(String describe, Phase phase, Instant now, String message,
      Consumer<RolloutStatus> edit) {
    return commit(describe, s -> {
      RolloutStatus ro = s.getRollout();
      edit.accept(ro);
      ro.setPhase(phase);
      ro.setPhaseStartedAt(now.toString());
      ro.setMessage(message);
    });
  }

  static StatusCommit acknowledge(Requests.Request request, Consumer<RolloutStatus> edit) {
    return new StatusCommit(request.acknowledgement().describe(), status -> {
      status.getRequests().put(request.name(), request.value());
      edit.accept(((SolrClusterStatus) status).getRollout());
    });
  }
}
