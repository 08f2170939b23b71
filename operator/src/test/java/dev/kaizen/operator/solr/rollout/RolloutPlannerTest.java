package dev.kaizen.operator.solr.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.DesiredSolrCluster;
import dev.kaizen.operator.solr.LaunchTemplates;
import dev.kaizen.operator.solr.LoadBalancing;
import dev.kaizen.operator.solr.NodeTemplate;
import dev.kaizen.operator.solr.ScalingGroups;
import dev.kaizen.operator.solr.SolrClusterNames;
import dev.kaizen.operator.solr.SolrClusterObservation;
import dev.kaizen.operator.solr.SolrClusterPorts;
import dev.kaizen.operator.solr.SolrState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rollout's planner with plain values: which phase comes next, what it changes, and what it never touches. */
class RolloutPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("c1", "search/SolrCluster/products", "uid-1");
  private static final SolrClusterNames NAMES = new SolrClusterNames("search", "products");
  private static final RevisionStatus OLD = new RevisionStatus("aaa", "9.10.1", "r6i.large", "ami-0aaaaaaaaaaaaaaa1");
  private static final RevisionStatus NEW = new RevisionStatus("bbb", "9.10.1", "r6i.large", "ami-0aaaaaaaaaaaaaaa1");
  private static final String BLUE_TG = "arn:tg/blue";
  private static final String GREEN_TG = "arn:tg/green";
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final String LB = NAMES.loadBalancer();

  private static DesiredSolrCluster desired(Colour colour, RevisionStatus revision, int port) {
    NodeTemplate template = new NodeTemplate(revision.getAmi(), revision.getInstanceType(), "dXNlcg==",
        List.of("sg-1"), "arn:aws:iam::111122223333:instance-profile/solr", 50, "gp3");
    return new DesiredSolrCluster(NAMES, colour, 3, revision, template, List.of("subnet-1", "subnet-2"), "vpc-1",
        "internal", List.of(), port, 8983, List.of(new CollectionSpec("products", 1, 2)), "products",
        Map.of("schema.xml", "<schema/>"), Map.of());
  }

  /** A colour with all its nodes healthy and {@code documents} in products; absent objects when {@code built} is false. */
  private static SolrClusterObservation colour(Colour colour, RevisionStatus revision, int port, boolean built,
      long documents, List<LoadBalancing.ObservedListener> listeners, int desiredNodes) {
    String tg = colour == Colour.BLUE ? BLUE_TG : GREEN_TG;
    List<ScalingGroups.Member> members = java.util.stream.IntStream.rangeClosed(1, desiredNodes)
        .mapToObj(i -> new ScalingGroups.Member("i-" + colour.id() + i, "InService", "Healthy", true)).toList();
    Map<String, Boolean> health = new java.util.TreeMap<>();
    members.forEach(m -> health.put(m.id(), true));
    Optional<SolrState> solr = built && desiredNodes > 0 ? Optional.of(new SolrState(List.of("products"),
        List.of(), Map.of(), Map.of("products", "GREEN"), Map.of("products", documents))) : Optional.empty();
    return new SolrClusterObservation(desired(colour, revision, port), true,
        Optional.of(new LoadBalancing.ObservedLoadBalancer("arn:lb", LB, "lb.example", "active", MINE.asTags())),
        listeners,
        built ? Optional.of(new LoadBalancing.ObservedTargetGroup(tg, NAMES.targetGroup(colour), MINE.asTags(),
            health)) : Optional.empty(),
        built ? Optional.of(new LaunchTemplates.Observed("lt-" + colour.id(), NAMES.launchTemplate(colour), 1,
            MINE.asTags(), desired(colour, revision, port).template())) : Optional.empty(),
        built ? Optional.of(new ScalingGroups.Observed(NAMES.autoScalingGroup(colour), "arn:asg-" + colour.id(),
            desiredNodes, desiredNodes, desiredNodes, true, List.of(tg), members, MINE.asTags())) : Optional.empty(),
        Map.of(), solr, Optional.empty());
  }

  private static List<LoadBalancing.ObservedListener> listeners(String live, String test) {
    return List.of(new LoadBalancing.ObservedListener("arn:l80", 80, live),
        new LoadBalancing.ObservedListener("arn:l8983", 8983, test));
  }

  private static RolloutSpec spec() {
    RolloutSpec spec = new RolloutSpec();
    RolloutJobSpec reindex = new RolloutJobSpec();
    reindex.setImage("reindexer:1");
    spec.setReindex(reindex);
    spec.getVerification().setSmokeQueries(List.of(new SmokeQuerySpec("products", "name:phone")));
    spec.setHoldSeconds(60);
    return spec;
  }

  private static RolloutStatus recorded(Phase phase) {
    RolloutStatus status = new RolloutStatus();
    status.setPhase(phase);
    status.setRevision(Revisions.id(NEW));
    status.setRevisionSummary(NEW.summary());
    status.setFromColour("blue");
    status.setToColour("green");
    status.setAttempt(1);
    status.setJob("products-reindex-" + Revisions.id(NEW) + "-1");
    status.setPhaseStartedAt(NOW.minusSeconds(30).toString());
    return status;
  }

  private record Case(SolrClusterObservation active, RolloutObservation rollout) {}

  /** Blue live with 100 documents, green standby (test listener on it) with {@code greenDocs}. */
  private static Case beforeSwitch(Optional<RolloutStatus> recorded, Optional<RevisionStatus> wanted, long greenDocs,
      RolloutSpec spec, Optional<JobState> job, Map<String, Long> smoke, Optional<String> promote) {
    var listeners = listeners(BLUE_TG, recorded.isPresent() ? GREEN_TG : BLUE_TG);
    var blue = colour(Colour.BLUE, OLD, 80, true, 100, listeners, 3);
    var green = colour(Colour.GREEN, NEW, 8983, recorded.isPresent(), greenDocs, listeners, 3);
    var r = new RolloutObservation(spec, recorded, Colour.BLUE, true, wanted, wanted.map(w -> List.of("configset aaa"
        + " -> bbb")).orElse(List.of()), Optional.of(green), job, smoke, promote, Optional.empty(), Optional.empty(),
        new RolloutObservation.JobContext("search", "products", "uid-1", List.of("products")), NOW);
    return new Case(blue.withRollout(r), r);
  }

  private static Plan<SolrClusterPorts> plan(Case c) {
    return RolloutPlanner.plan(c.active(), new Plan<>(List.of()), key -> Ownership.OWNED, MINE);
  }

  private static List<String> operations(Plan<SolrClusterPorts> plan) {
    return plan.changes().stream().map(Change::operation).toList();
  }

  private static SolrClusterStatus committed(Plan<SolrClusterPorts> plan, Optional<RolloutStatus> before) {
    SolrClusterStatus status = new SolrClusterStatus();
    status.setActiveColour("blue");
    ColourStatus blue = new ColourStatus();
    blue.setRevision(OLD);
    status.setBlue(blue);
    before.ifPresent(status::setRollout);
    plan.commit().orElseThrow().edit().accept(status);
    return status;
  }

  @Test
  void aNewRevisionStartsTheRolloutPinningGreenFirstAndBringingItUpWithoutTouchingLive() {
    Case c = beforeSwitch(Optional.empty(), Optional.of(NEW), 0, spec(), Optional.empty(), Map.of(),
        Optional.empty());
    var green = colour(Colour.GREEN, NEW, 8983, false, 0, listeners(BLUE_TG, BLUE_TG), 3);
    var r = new RolloutObservation(spec(), Optional.empty(), Colour.BLUE, true, Optional.of(NEW),
        List.of("configset aaa -> bbb"), Optional.of(green), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), c.rollout().jobContext(), NOW);

    Plan<SolrClusterPorts> plan = plan(new Case(c.active().withRollout(r), r));

    assertThat(plan.commit().orElseThrow().describe()).startsWith("start rollout " + Revisions.id(NEW) + " to green");
    // No listener yet: the test listener follows once green's target group exists (the next phase's reconcile).
    assertThat(operations(plan)).containsExactly("Event", "CreateTargetGroup", "CreateLaunchTemplate",
        "CreateAutoScalingGroup");
    SolrClusterStatus status = committed(plan, Optional.empty());
    assertThat(status.getRollout().getPhase()).isEqualTo(Phase.StandbyProvisioning);
    assertThat(status.getGreen().getRevision()).isEqualTo(NEW);
    assertThat(status.getActiveColour()).isEqualTo("blue");
  }

  @Test
  void aReadyStandbyEntersReindexingAndCreatesItsJobOnce() {
    Case c = beforeSwitch(Optional.of(recorded(Phase.StandbyProvisioning)), Optional.empty(), 0, spec(),
        Optional.empty(), Map.of(), Optional.empty());

    Plan<SolrClusterPorts> plan = plan(c);

    assertThat(plan.commit().orElseThrow().describe()).startsWith("enter Reindexing");
    assertThat(operations(plan)).containsExactly("Event", "CreateJob");
    SolrClusterStatus status = committed(plan, Optional.of(recorded(Phase.StandbyProvisioning)));
    assertThat(status.getRollout().getPhase()).isEqualTo(Phase.Reindexing);
    assertThat(status.getRollout().getStepsDone()).containsExactly("StandbyReady");
  }

  /** A cluster whose collections sit behind aliases (an earlier alias rollout): the standby gets the same aliases. */
  @Test
  void aStandbyGetsTheLiveColoursAliasesBeforeItIsReindexed() {
    Case c = beforeSwitch(Optional.of(recorded(Phase.StandbyProvisioning)), Optional.empty(), 0, spec(),
        Optional.empty(), Map.of(), Optional.empty());
    RolloutObservation base = c.rollout();
    java.util.function.Function<Map<String, List<String>>, Case> withAliases = standbyAliases -> {
      var view = new RolloutObservation.AliasView(List.of(new CollectionSpec("products", 1, 2)),
          Map.of("products", "products_r1"), Optional.empty(), Optional.of(standbyAliases), false);
      var r = new RolloutObservation(base.spec(), base.recorded(), base.active(), base.activeServing(),
          base.wanted(), base.wantedDifferences(), base.other(), base.job(), base.smokeHits(), base.promote(),
          base.rollback(), base.retry(), base.jobContext(), base.now(), view);
      return new Case(c.active().withRollout(r), r);
    };

    Plan<SolrClusterPorts> missing = plan(withAliases.apply(Map.of()));
    assertThat(missing.commit()).isEmpty(); // not StandbyReady yet
    assertThat(missing.changes()).singleElement().satisfies(change -> {
      assertThat(change.operation()).isEqualTo("CreateAlias");
      assertThat(change.target()).isEqualTo("green/products");
    });

    Plan<SolrClusterPorts> there = plan(withAliases.apply(Map.of("products", List.of("products_r1"))));
    assertThat(there.commit().orElseThrow().describe()).startsWith("enter Reindexing");
  }

  @Test
  void aFailedJobFailsTheRolloutAndARunningOneWaits() {
    Case running = beforeSwitch(Optional.of(recorded(Phase.Reindexing)), Optional.empty(), 0, spec(),
        Optional.of(JobState.running()), Map.of(), Optional.empty());
    assertThat(plan(running).isEmpty()).isTrue();

    Case failed = beforeSwitch(Optional.of(recorded(Phase.Reindexing)), Optional.empty(), 0, spec(),
        Optional.of(JobState.failed("BackoffLimitExceeded")), Map.of(), Optional.empty());
    Plan<SolrClusterPorts> plan = plan(failed);
    assertThat(operations(plan)).containsExactly("Event");
    SolrClusterStatus status = committed(plan, Optional.of(recorded(Phase.Reindexing)));
    assertThat(status.getRollout().getPhase()).isEqualTo(Phase.Failed);
    assertThat(status.getRollout().getFailedStep()).isEqualTo("Reindex");
    assertThat(status.getRollout().getMessage()).contains("BackoffLimitExceeded").contains("stays on blue");
  }

  @Test
  void verificationPassesWithinTheToleranceAndSwitchesLiveAtOnce() {
    Case c = beforeSwitch(Optional.of(recorded(Phase.Verifying)), Optional.empty(), 96, spec(), Optional.empty(),
        Map.of("products: name:phone", 3L), Optional.empty());

    Plan<SolrClusterPorts> plan = plan(c);

    assertThat(plan.commit().orElseThrow().describe()).isEqualTo("enter Holding: live -> green");
    assertThat(plan.changes()).filteredOn(ch -> ch.operation().equals("ModifyListener"))
        .extracting(Change::target).containsExactly(LB + ":80");
    SolrClusterStatus status = committed(plan, Optional.of(recorded(Phase.Verifying)));
    assertThat(status.getActiveColour()).isEqualTo("green");
    assertThat(status.getRollout().getSwitchTime()).isEqualTo(NOW.toString());
    assertThat(status.getRollout().getHoldUntil()).isEqualTo(NOW.plusSeconds(60).toString());
  }

  @Test
  void verificationFailsOutsideTheToleranceOrWhenASmokeQueryFindsNothing() {
    Case few = beforeSwitch(Optional.of(recorded(Phase.Verifying)), Optional.empty(), 94, spec(), Optional.empty(),
        Map.of("products: name:phone", 3L), Optional.empty());
    SolrClusterStatus status = committed(plan(few), Optional.of(recorded(Phase.Verifying)));
    assertThat(status.getRollout().getPhase()).isEqualTo(Phase.Failed);
    assertThat(status.getRollout().getMessage()).contains("94 documents against 100 live");
    assertThat(operations(plan(few))).doesNotContain("ModifyListener");

    Case noHits = beforeSwitch(Optional.of(recorded(Phase.Verifying)), Optional.empty(), 100, spec(),
        Optional.empty(), Map.of("products: name:phone", 0L), Optional.empty());
    assertThat(committed(plan(noHits), Optional.of(recorded(Phase.Verifying))).getRollout().getMessage())
        .contains("smoke query products: name:phone found nothing");
  }

  @Test
  void theGateOpensOnlyForTheRevisionBeingRolledOutThenTheWeightedStepsFollowTheirPauses() {
    RolloutSpec spec = spec();
    spec.getTrafficSwitch().setRequireApproval(true);
    spec.getTrafficSwitch().setSteps(List.of(10, 50));
    spec.getTrafficSwitch().setPauseSeconds(60);
    Case wrong = beforeSwitch(Optional.of(recorded(Phase.AwaitingPromotion)), Optional.empty(), 100, spec,
        Optional.empty(), Map.of(), Optional.of("r0000000000"));
    assertThat(plan(wrong).isEmpty()).isTrue();

    Case right = beforeSwitch(Optional.of(recorded(Phase.AwaitingPromotion)), Optional.empty(), 100, spec,
        Optional.empty(), Map.of(), Optional.of(Revisions.id(NEW)));
    SolrClusterStatus first = committed(plan(right), Optional.of(recorded(Phase.AwaitingPromotion)));
    assertThat(first.getRollout().getPhase()).isEqualTo(Phase.Switching);
    assertThat(first.getRollout().getWeights()).containsExactly(Map.entry("blue", 90), Map.entry("green", 10));
    assertThat(first.getRollout().getStepsDone()).containsExactly("Promoted");

    RolloutStatus step1 = recorded(Phase.Switching);
    step1.setSwitchStep(0);
    step1.setWeights(new java.util.LinkedHashMap<>(Map.of("blue", 90, "green", 10)));
    step1.setPhaseStartedAt(NOW.minusSeconds(59).toString());
    Case paused = weighted(step1, spec);
    assertThat(plan(paused).isEmpty()).isTrue();

    step1.setPhaseStartedAt(NOW.minusSeconds(60).toString());
    SolrClusterStatus second = committed(plan(weighted(step1, spec)), Optional.of(step1));
    assertThat(second.getRollout().getSwitchStep()).isEqualTo(1);
    assertThat(second.getRollout().getWeights()).containsEntry("green", 50).containsEntry("blue", 50);

    RolloutStatus step2 = recorded(Phase.Switching);
    step2.setSwitchStep(1);
    step2.setWeights(new java.util.LinkedHashMap<>(Map.of("blue", 50, "green", 50)));
    step2.setPhaseStartedAt(NOW.minusSeconds(61).toString());
    assertThat(plan(weighted(step2, spec)).commit().orElseThrow().describe()).isEqualTo("enter Holding: live -> green");
  }

  private static Case weighted(RolloutStatus recorded, RolloutSpec spec) {
    Map<String, Integer> weights = new java.util.TreeMap<>();
    recorded.getWeights().forEach((colour, w) -> weights.put(colour.equals("blue") ? BLUE_TG : GREEN_TG, w));
    var listeners = List.of(new LoadBalancing.ObservedListener("arn:l80", 80, BLUE_TG, weights),
        new LoadBalancing.ObservedListener("arn:l8983", 8983, GREEN_TG));
    var blue = colour(Colour.BLUE, OLD, 80, true, 100, listeners, 3);
    var green = colour(Colour.GREEN, NEW, 8983, true, 100, listeners, 3);
    var r = new RolloutObservation(spec, Optional.of(recorded), Colour.BLUE, true, Optional.empty(), List.of(),
        Optional.of(green), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        new RolloutObservation.JobContext("search", "products", "uid-1", List.of("products")), NOW);
    return new Case(blue.withRollout(r), r);
  }

  @Test
  void afterTheHoldTheOldColourLosesItsCollectionsThenItsProtectionThenItsNodes() {
    RolloutStatus holding = recorded(Phase.Holding);
    holding.setHoldUntil(NOW.minusSeconds(1).toString());
    var listeners = listeners(GREEN_TG, BLUE_TG);
    var green = colour(Colour.GREEN, NEW, 80, true, 100, listeners, 3);
    var blue = colour(Colour.BLUE, OLD, 8983, true, 100, listeners, 3);
    var r = new RolloutObservation(spec(), Optional.of(holding), Colour.GREEN, true, Optional.empty(), List.of(),
        Optional.of(blue), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        new RolloutObservation.JobContext("search", "products", "uid-1", List.of("products")), NOW);

    Plan<SolrClusterPorts> plan = plan(new Case(green.withRollout(r), r));

    assertThat(plan.commit().orElseThrow().describe()).startsWith("enter Complete");
    assertThat(operations(plan)).containsExactly("Event", "DeleteCollection", "SetInstanceProtection",
        "UpdateAutoScalingGroup");
    assertThat(plan.changes().get(1).target()).isEqualTo("blue/products");

    holding.setHoldUntil(NOW.plusSeconds(1).toString());
    assertThat(plan(new Case(green.withRollout(r), r)).isEmpty()).isTrue();
  }

  @Test
  void aSpecChangeBeforeTheSwitchAbandonsTheStandbyButOneAfterItWaitsForTheRolloutToFinish() {
    RevisionStatus newer = new RevisionStatus("ccc", "9.10.1", "r6i.large", "ami-0aaaaaaaaaaaaaaa1");
    Case reindexing = beforeSwitch(Optional.of(recorded(Phase.Reindexing)), Optional.of(newer), 0, spec(),
        Optional.of(JobState.running()), Map.of(), Optional.empty());
    assertThat(plan(reindexing).commit().orElseThrow().describe()).isEqualTo("enter Abandoning");

    RolloutStatus holding = recorded(Phase.Holding);
    holding.setHoldUntil(NOW.plusSeconds(30).toString());
    var listeners = listeners(GREEN_TG, BLUE_TG);
    var green = colour(Colour.GREEN, NEW, 80, true, 100, listeners, 3);
    var blue = colour(Colour.BLUE, OLD, 8983, true, 100, listeners, 3);
    var r = new RolloutObservation(spec(), Optional.of(holding), Colour.GREEN, true, Optional.of(newer),
        List.of("configset bbb -> ccc"), Optional.of(blue), Optional.empty(), Map.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), new RolloutObservation.JobContext("search", "products", "uid-1",
            List.of("products")), NOW);
    assertThat(plan(new Case(green.withRollout(r), r)).isEmpty()).isTrue();
  }

  @Test
  void aRollbackDuringTheHoldPointsLiveBackAndSaysWhatTheOldColourLacks() {
    RolloutStatus holding = recorded(Phase.Holding);
    holding.setSwitchTime(NOW.minusSeconds(600).toString());
    holding.setHoldUntil(NOW.plusSeconds(3000).toString());
    var listeners = listeners(GREEN_TG, BLUE_TG);
    var green = colour(Colour.GREEN, NEW, 80, true, 100, listeners, 3);
    var blue = colour(Colour.BLUE, OLD, 8983, true, 100, listeners, 3);
    var r = new RolloutObservation(spec(), Optional.of(holding), Colour.GREEN, true, Optional.empty(), List.of(),
        Optional.of(blue), Optional.empty(), Map.of(), Optional.empty(),
        Optional.of(new Requests.Request("rollback", "INC-1")), Optional.empty(),
        new RolloutObservation.JobContext("search", "products", "uid-1", List.of("products")), NOW);

    Plan<SolrClusterPorts> plan = plan(new Case(green.withRollout(r), r));

    assertThat(plan.changes()).filteredOn(ch -> ch.operation().equals("ModifyListener")).extracting(Change::target)
        .containsExactly(LB + ":80");
    SolrClusterStatus status = committed(plan, Optional.of(holding));
    assertThat(status.getActiveColour()).isEqualTo("blue");
    assertThat(status.getRequests()).containsEntry("rollback", "INC-1");
    assertThat(status.getRollout().getMessage()).contains(holding.getSwitchTime())
        .contains("are not in the blue colour");
  }
}
