package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase.*;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.solr.SolrClusterObservation;
import dev.kaizen.operator.solr.SolrClusterPorts;
import dev.kaizen.operator.solr.SolrState;
import dev.kaizen.operator.solr.rollout.RolloutPlanner.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strategy Alias, pure: a configset-only change reindexed into new collections {@code <alias>_<revision>} inside the
 * live colour, then every alias switched with one CREATEALIAS each (Solr replaces an alias in one step). The phases
 * are the two-colour rollout's, with the live colour as both ends: StandbyProvisioning (configset uploaded as
 * {@code <configset>_<revision>}, the new collections created) -> Reindexing -> Verifying (new against previous
 * collection, smoke queries on the new ones) -> [AwaitingPromotion] -> Holding (aliases switched; the previous
 * collections kept) -> Complete (previous collections deleted). Rollback points the aliases back; a change before the
 * switch deletes the new collections. No node is started or stopped.
 */
final class AliasRollout {
  private AliasRollout() {}

  private static String endpoint(SolrClusterObservation active) {
    return active.endpoint(active.desired().livePort());
  }

  /** The live colour's aliases put back to what its status says (after a hand edit); nothing when not read. */
  static List<Change<SolrClusterPorts>> alignLive(SolrClusterObservation active, RolloutObservation r) {
    return r.aliases().live().map(aliases -> AliasedCollections.align(endpoint(active), active.desired().active().id(),
        r.aliases().activeNames(), aliases)).orElse(List.of());
  }

  /** The standby's aliases, same as the live colour's, before it takes traffic (two-colour rollout). */
  static List<Change<SolrClusterPorts>> alignStandby(SolrClusterObservation standby, RolloutObservation r) {
    Map<String, String> names = AliasedCollections.differing(r.aliases().activeNames());
    if (names.isEmpty()) {
      return List.of();
    }
    return r.aliases().other().map(aliases -> AliasedCollections.align(standby.endpoint(standby.desired().livePort()),
        standby.desired().active().id(), r.aliases().activeNames(), aliases)).orElse(List.of());
  }

  static Step start(SolrClusterObservation active, RolloutObservation r) {
    RevisionStatus current = active.desired().revision();
    // Only the configset moves: the nodes keep their pinned AMI even when its SSM parameter now names a newer one.
    RevisionStatus wanted = new RevisionStatus(r.wanted().orElseThrow().getConfigSetHash(), current.getSolrVersion(),
        current.getInstanceType(), current.getAmi());
    String revision = Revisions.id(wanted);
    String colour = r.active().id();
    Map<String, String> previous = new LinkedHashMap<>(r.aliases().activeNames());
    Map<String, String> next = new LinkedHashMap<>();
    previous.keySet().forEach(alias -> next.put(alias, AliasedCollections.next(alias, revision)));
    Instant now = r.now();
    String message = "Rolling out " + wanted.summary() + " (" + String.join(", ", r.wantedDifferences())
        + ") with strategy Alias: new collections " + String.join(", ", next.values()) + " in the live " + colour
        + " colour, reindexed and verified, then each alias switched at once.";
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    changes.add(RolloutChanges.announce(RolloutPlanner.name(active), false, "RolloutStarted", message));
    changes.addAll(createMissing(active, r.aliases().spec(), next, revision));
    return new Step(changes, Optional.of(RolloutPlanner.commit("start alias rollout " + revision + " in " + colour,
        s -> {
          RolloutStatus ro = new RolloutStatus();
          ro.setStrategy(RolloutSpec.Strategy.Alias);
          ro.setPhase(StandbyProvisioning);
          ro.setRevision(revision);
          ro.setRevisionSummary(wanted.summary());
          ro.setFromColour(colour);
          ro.setToColour(colour);
          ro.setAttempt(1);
          ro.setTargetRevision(wanted);
          ro.setPreviousRevision(current);
          ro.setCollections(next);
          ro.setPreviousCollections(previous);
          ro.setPhaseStartedAt(now.toString());
          ro.setMessage(message);
          s.setRollout(ro);
        })));
  }

  /** The configset under its revision's name, and each new collection not there yet. */
  private static List<Change<SolrClusterPorts>> createMissing(SolrClusterObservation active,
      List<CollectionSpec> spec, Map<String, String> next, String revision) {
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    List<String> existing = active.solr().map(SolrState::collections).orElse(List.of());
    List<CollectionSpec> missing = spec.stream().filter(c -> next.containsKey(c.getName())
        && !existing.contains(next.get(c.getName()))).toList();
    if (missing.isEmpty() || active.desired().configSetFiles().isEmpty()) {
      return changes;
    }
    String colour = active.desired().active().id();
    String configSet = active.desired().configSetName() + "_" + revision;
    changes.add(RolloutChanges.uploadConfigSet(endpoint(active), colour, configSet,
        active.desired().configSetFiles(), "configset " + revision + " for the new collections"));
    missing.forEach(c -> changes.add(RolloutChanges.createCollection(endpoint(active), colour,
        next.get(c.getName()), configSet, c.effectiveShards(), c.effectiveReplicationFactor(),
        "alias rollout " + revision + " of " + c.getName())));
    return changes;
  }

  /** StandbyProvisioning: the new collections, until each exists with a live replica per shard; then the Job. */
  static Step creating(SolrClusterObservation active, RolloutObservation r) {
    if (active.solr().isEmpty()) {
      return Step.none();
    }
    RolloutStatus ro = r.recorded().orElseThrow();
    SolrState solr = active.solr().get();
    List<Change<SolrClusterPorts>> missing = createMissing(active, r.aliases().spec(), ro.getCollections(),
        ro.getRevision());
    boolean red = ro.getCollections().values().stream().anyMatch(c -> "RED".equals(solr.health().get(c)));
    if (!missing.isEmpty() || red) {
      return Step.of(missing);
    }
    String message = "The new collections " + String.join(", ", ro.getCollections().values()) + " are created in the "
        + ro.getToColour() + " colour with configset " + ro.getRevision() + ".";
    List<Change<SolrClusterPorts>> next = new ArrayList<>();
    next.add(RolloutChanges.announce(RolloutPlanner.name(active), false, "StandbyReady", message));
    RolloutJobSpec reindex = r.spec().getReindex();
    if (reindex == null) {
      return new Step(next, Optional.of(RolloutPlanner.phase("enter Verifying (no reindex Job configured)", Verifying,
          r.now(), message, s -> RolloutPlanner.done(s, "StandbyReady"))));
    }
    String job = RolloutJobTemplate.name(r.jobContext().cluster(), "reindex", ro.getRevision(), 1);
    next.add(RolloutChanges.createJob(RolloutPlanner.reindexJob(active, r, job, reindex), "reindex into "
        + String.join(", ", ro.getCollections().values())));
    return new Step(next, Optional.of(RolloutPlanner.phase("enter Reindexing: Job " + job, Reindexing, r.now(),
        message, s -> {
          RolloutPlanner.done(s, "StandbyReady");
          s.setJob(job);
          s.setAttempt(1);
        })));
  }

  /** Each new collection's count within the tolerance of the one its alias serves now, and the smoke queries. */
  static List<String> verificationProblems(RolloutObservation r, SolrState live) {
    RolloutStatus ro = r.recorded().orElseThrow();
    List<String> problems = new ArrayList<>();
    int tolerance = r.spec().getVerification().effectiveTolerancePercent();
    ro.getCollections().forEach((alias, collection) -> {
      long before = live.documents().getOrDefault(ro.getPreviousCollections().getOrDefault(alias, alias), 0L);
      Long after = live.documents().get(collection);
      if (after == null) {
        problems.add("collection " + collection + " is missing");
      } else if (Math.abs(after - before) * 100 > (long) tolerance * before) {
        problems.add(collection + " has " + after + " documents against " + before + " live (more than " + tolerance
            + "% apart)");
      }
    });
    for (SmokeQuerySpec query : r.spec().getVerification().getSmokeQueries()) {
      if (r.smokeHits().getOrDefault(RolloutPlanner.smokeKey(query), 0L) == 0) {
        problems.add("smoke query " + query.getCollection() + ": " + query.getQuery() + " found nothing");
      }
    }
    return problems;
  }

  static Step verifying(SolrClusterObservation active, RolloutObservation r) {
    if (active.solr().isEmpty()) {
      return Step.none();
    }
    RolloutStatus ro = r.recorded().orElseThrow();
    SolrState live = active.solr().get();
    List<String> problems = verificationProblems(r, live);
    if (!problems.isEmpty()) {
      return RolloutPlanner.fail(active, r, "Verify", "Verification of " + String.join(", ",
          ro.getCollections().values()) + " failed: " + String.join("; ", problems)
          + ". The aliases still point to " + String.join(", ", ro.getPreviousCollections().values()) + ".");
    }
    String message = "The new collections passed verification: " + String.join(", ", ro.getCollections().entrySet()
        .stream().map(e -> e.getValue() + " " + live.documents().getOrDefault(e.getValue(), 0L) + " documents (live "
            + live.documents().getOrDefault(ro.getPreviousCollections().getOrDefault(e.getKey(), e.getKey()), 0L)
            + ")").toList())
        + (r.spec().getVerification().getSmokeQueries().isEmpty() ? "" : ", "
            + r.spec().getVerification().getSmokeQueries().size() + " smoke queries returned results") + ".";
    List<Change<SolrClusterPorts>> announce = List.of(RolloutChanges.announce(RolloutPlanner.name(active), false,
        "StandbyVerified", message));
    if (r.spec().getTrafficSwitch().approvalRequired()) {
      return new Step(announce, Optional.of(RolloutPlanner.phase("enter AwaitingPromotion", AwaitingPromotion,
          r.now(), message + " Waiting for kaizen.dev/promote=" + ro.getRevision() + ".",
          s -> RolloutPlanner.done(s, "StandbyVerified"))));
    }
    return switchAliases(active, r, List.of("StandbyVerified"), announce);
  }

  /** Every alias to its new collection at once (weighted steps do not apply to an alias), then the hold. */
  static Step switchAliases(SolrClusterObservation active, RolloutObservation r, List<String> stepsDone,
      List<Change<SolrClusterPorts>> announcements) {
    RolloutStatus ro = r.recorded().orElseThrow();
    Instant now = r.now();
    Instant holdUntil = now.plusSeconds(r.spec().effectiveHoldSeconds());
    String colour = ro.getToColour();
    String message = "The aliases " + String.join(", ", ro.getCollections().keySet()) + " point to "
        + String.join(", ", ro.getCollections().values()) + " (" + ro.getRevisionSummary() + ") since " + now + "; "
        + String.join(", ", ro.getPreviousCollections().values()) + " are kept for a rollback until " + holdUntil
        + "." + (r.spec().getTrafficSwitch().getSteps().isEmpty() ? ""
            : " (Weighted steps do not apply to an alias: it moves at once.)");
    List<Change<SolrClusterPorts>> changes = new ArrayList<>(announcements);
    changes.add(RolloutChanges.announce(RolloutPlanner.name(active), false, "Switched", message));
    ro.getCollections().forEach((alias, collection) -> changes.add(RolloutChanges.createAlias(endpoint(active),
        colour, alias, collection, "switch")));
    Map<String, String> names = AliasedCollections.differing(ro.getCollections());
    RevisionStatus target = ro.getTargetRevision();
    return new Step(changes, Optional.of(RolloutPlanner.commit("enter Holding: aliases -> " + ro.getRevision(), s -> {
      RolloutStatus status = s.getRollout();
      stepsDone.forEach(done -> RolloutPlanner.done(status, done));
      RolloutPlanner.done(status, "Switched");
      status.setPhase(Holding);
      status.setPhaseStartedAt(now.toString());
      status.setSwitchTime(now.toString());
      status.setHoldUntil(holdUntil.toString());
      status.setMessage(message);
      onColour(s, colour, target, names);
    })));
  }

  /** The live colour's status says which revision and which collections the aliases serve. */
  private static void onColour(SolrClusterStatus s, String colour, RevisionStatus revision, Map<String, String> names) {
    ColourStatus c = Optional.ofNullable(s.colour(colour)).orElseGet(ColourStatus::new);
    c.setRevision(revision);
    c.setCollectionNames(new LinkedHashMap<>(names));
    s.setColour(colour, c);
    s.setActiveColour(colour);
    s.setActiveRevision(revision.summary());
  }

  /** Holding: the aliases kept on the new collections; at the hold's end the previous collections go. */
  static Step holding(SolrClusterObservation active, RolloutObservation r) {
    RolloutStatus ro = r.recorded().orElseThrow();
    List<Change<SolrClusterPorts>> align = alignLive(active, r);
    if (!align.isEmpty() || r.aliases().live().isEmpty()) {
      return Step.of(align); // the switch's CREATEALIAS did not all happen (or Solr was not reachable): again
    }
    if (ro.getHoldUntil() == null || r.now().isBefore(Instant.parse(ro.getHoldUntil()))) {
      return Step.none();
    }
    String message = "Rollout of " + ro.getRevisionSummary() + " complete: the previous collections "
        + String.join(", ", ro.getPreviousCollections().values()) + " are deleted.";
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    changes.add(RolloutChanges.announce(RolloutPlanner.name(active), false, "RolloutComplete", message));
    changes.addAll(dropAll(active, ro.getPreviousCollections(), ro.getCollections(), "the hold time is over"));
    return new Step(changes, Optional.of(RolloutPlanner.phase("enter Complete: previous collections deleted",
        Complete, r.now(), message, s -> RolloutPlanner.done(s, "RolloutComplete"))));
  }

  /** Deletes the collections of {@code drop} that exist, never one of {@code keep}. */
  private static List<Change<SolrClusterPorts>> dropAll(SolrClusterObservation active, Map<String, String> drop,
      Map<String, String> keep, String reason) {
    List<String> existing = active.solr().map(SolrState::collections).orElse(List.of());
    return drop.values().stream().filter(existing::contains).filter(c -> !keep.containsValue(c))
        .map(c -> RolloutChanges.dropCollection(endpoint(active), active.desired().active().id(), c, reason)).toList();
  }

  /** The aliases back to the previous collections (a collection of the alias's own name: the alias removed). */
  static Step rollBack(SolrClusterObservation active, RolloutObservation r, Optional<Requests.Request> request) {
    RolloutStatus ro = r.recorded().orElseThrow();
    String colour = ro.getToColour();
    Instant now = r.now();
    String message = "Rolled back: the aliases " + String.join(", ", ro.getPreviousCollections().keySet())
        + " point to " + String.join(", ", ro.getPreviousCollections().values()) + " again since " + now + "."
        + (ro.getSwitchTime() == null ? "" : " Writes through the aliases after the switch at " + ro.getSwitchTime()
            + (ro.getPhase() == CatchingUp ? " were copied by the catch-up Job " + ro.getJob() + "; any made after it"
                + " ran" : "") + " went to " + String.join(", ", ro.getCollections().values())
            + " and are not in the previous collections.")
        + " The new collections are kept for inspection; set kaizen.dev/" + RolloutPlanner.RETRY
        + " to roll out again, or change the spec.";
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    changes.add(RolloutChanges.announce(RolloutPlanner.name(active), true, "RolledBack", message));
    changes.addAll(AliasedCollections.align(endpoint(active), colour, ro.getPreviousCollections(),
        r.aliases().live().orElse(Map.of())));
    Map<String, String> names = AliasedCollections.differing(ro.getPreviousCollections());
    RevisionStatus previous = ro.getPreviousRevision();
    StatusCommit commit = new StatusCommit("enter RolledBack: aliases -> previous collections", status -> {
      SolrClusterStatus s = (SolrClusterStatus) status;
      request.ifPresent(req -> s.getRequests().put(req.name(), req.value()));
      RolloutStatus st = s.getRollout();
      RolloutPlanner.done(st, "RolledBack");
      st.setPhase(RolledBack);
      st.setPhaseStartedAt(now.toString());
      st.setHoldUntil(null);
      st.setMessage(message);
      onColour(s, colour, previous, names);
    });
    return new Step(changes, Optional.of(commit));
  }

  /** Abandoning: the new collections deleted (none is behind an alias before the switch or after a rollback). */
  static Step abandoning(SolrClusterObservation active, RolloutObservation r) {
    if (active.solr().isEmpty()) {
      return Step.none();
    }
    RolloutStatus ro = r.recorded().orElseThrow();
    List<Change<SolrClusterPorts>> align = alignLive(active, r);
    if (!align.isEmpty()) {
      return Step.of(align); // never delete a collection an alias still points to
    }
    List<Change<SolrClusterPorts>> drop = dropAll(active, ro.getCollections(), r.aliases().activeNames(),
        "the alias rollout " + ro.getRevision() + " is abandoned");
    if (!drop.isEmpty()) {
      return Step.of(drop);
    }
    String message = "The collections of " + ro.getRevisionSummary() + " are deleted"
        + (r.wanted().isPresent() ? "; a new rollout starts." : "; the spec asks for the live revision.");
    return new Step(List.of(), Optional.of(RolloutPlanner.phase("enter Abandoned", Abandoned, r.now(), message,
        s -> {})));
  }
}
