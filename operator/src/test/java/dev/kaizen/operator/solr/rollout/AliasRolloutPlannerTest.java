package dev.kaizen.operator.solr.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
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

/** Strategy Alias with plain values: when it applies, what each phase changes, and what it never touches. */
class AliasRolloutPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("c1", "search/SolrCluster/products", "uid-1");
  private static final SolrClusterNames NAMES = new SolrClusterNames("search", "products");
  private static final RevisionStatus OLD = new RevisionStatus("aaa", "9.10.1", "r6i.large", "ami-0aaaaaaaaaaaaaaa1");
  private static final RevisionStatus NEW = new RevisionStatus("bbb", "9.10.1", "r6i.large", "ami-0aaaaaaaaaaaaaaa1");
  private static final String REV = Revisions.id(NEW);
  private static final String NEXT = "products_" + REV;
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final List<CollectionSpec> SPEC = List.of(new CollectionSpec("products", 1, 2));

  private static RolloutSpec spec() {
    RolloutSpec spec = new RolloutSpec();
    spec.setStrategy(RolloutSpec.Strategy.Alias);
    RolloutJobSpec reindex = new RolloutJobSpec();
    reindex.setImage("reindexer:1");
    spec.setReindex(reindex);
    spec.setHoldSeconds(60);
    return spec;
  }

  /** Blue live, all nodes healthy, holding {@code documents} (collection -> count). */
  private static SolrClusterObservation blue(RevisionStatus revision, Map<String, Long> documents) {
    NodeTemplate template = new NodeTemplate(revision.getAmi(), revision.getInstanceType(), "dXNlcg==",
        List.of("sg-1"), "arn:aws:iam::111122223333:instance-profile/solr", 50, "gp3");
    var desired = new DesiredSolrCluster(NAMES, Colour.BLUE, 3, revision, template, List.of("subnet-1", "subnet-2"),
        "vpc-1", "internal", List.of(), 80, 8983, SPEC, "products", Map.of("schema.xml", "<schema/>"), Map.of());
    Map<String, Boolean> health = Map.of("i-1", true, "i-2", true, "i-3", true);
    List<ScalingGroups.Member> members = health.keySet().stream()
        .map(id -> new ScalingGroups.Member(id, "InService", "Healthy", true)).toList();
    Map<String, String> green = new java.util.TreeMap<>();
    documents.keySet().forEach(c -> green.put(c, "GREEN"));
    return new SolrClusterObservation(desired, true,
        Optional.of(new LoadBalancing.ObservedLoadBalancer("arn:lb", NAMES.loadBalancer(), "lb.example", "active",
            MINE.asTags())),
        List.of(new LoadBalancing.ObservedListener("arn:l80", 80, "arn:tg/blue"),
            new LoadBalancing.ObservedListener("arn:l8983", 8983, "arn:tg/blue")),
        Optional.of(new LoadBalancing.ObservedTargetGroup("arn:tg/blue", NAMES.targetGroup(Colour.BLUE),
            MINE.asTags(), health)),
        Optional.of(new LaunchTemplates.Observed("lt-blue", NAMES.launchTemplate(Colour.BLUE), 1, MINE.asTags(),
            template)),
        Optional.of(new ScalingGroups.Observed(NAMES.autoScalingGroup(Colour.BLUE), "arn:asg-blue", 3, 3, 3, true,
            List.of("arn:tg/blue"), members, MINE.asTags())),
        Map.of(), Optional.of(new SolrState(List.copyOf(documents.keySet()), List.of(), Map.of(), green, documents)),
        Optional.empty());
  }

  private static RolloutStatus recorded(Phase phase) {
    RolloutStatus r = new RolloutStatus();
    r.setStrategy(RolloutSpec.Strategy.Alias);
    r.setPhase(phase);
    r.setRevision(REV);
    r.setRevisionSummary(NEW.summary());
    r.setFromColour("blue");
    r.setToColour("blue");
    r.setTargetRevision(NEW);
    r.setPreviousRevision(OLD);
    r.setCollections(new java.util.LinkedHashMap<>(Map.of("products", NEXT)));
    r.setPreviousCollections(new java.util.LinkedHashMap<>(Map.of("products", "products")));
    r.setJob("products-reindex-" + REV + "-1");
    r.setPhaseStartedAt(NOW.minusSeconds(30).toString());
    return r;
  }

  private static Plan<SolrClusterPorts> plan(SolrClusterObservation blue, Optional<RolloutStatus> recorded,
      Optional<RevisionStatus> wanted, boolean configSetOnly, Map<String, List<String>> aliases,
      Optional<Requests.Request> rollback, Map<String, String> activeNames) {
    var view = new RolloutObservation.AliasView(SPEC, activeNames, Optional.of(aliases), Optional.empty(),
        configSetOnly);
    var r = new RolloutObservation(spec(), recorded, Colour.BLUE, true, wanted,
        wanted.map(w -> List.of("configset aaa -> bbb")).orElse(List.of()), Optional.empty(), Optional.empty(),
        Map.of(), Optional.empty(), rollback, Optional.empty(),
        new RolloutObservation.JobContext("search", "products", "uid-1", List.of("products")), NOW, view);
    return RolloutPlanner.plan(blue.withRollout(r), new Plan<>(List.of()), key -> Ownership.OWNED, MINE);
  }

  private static List<String> operations(Plan<SolrClusterPorts> plan) {
    return plan.changes().stream().filter(c -> !c.operation().equals("Event"))
        .map(c -> c.operation() + " " + c.target()).toList();
  }

  private static SolrClusterStatus committed(Plan<SolrClusterPorts> plan, Optional<RolloutStatus> before) {
    SolrClusterStatus status = new SolrClusterStatus();
    ColourStatus blue = new ColourStatus();
    blue.setRevision(OLD);
    status.setBlue(blue);
    before.ifPresent(status::setRollout);
    plan.commit().orElseThrow().edit().accept(status);
    return status;
  }

  @Test
  void aConfigsetOnlyChangeStartsInTheLiveColourWithNewCollectionsAndNoNodes() {
    var plan = plan(blue(OLD, Map.of("products", 100L)), Optional.empty(), Optional.of(NEW), true, Map.of(),
        Optional.empty(), Map.of("products", "products"));

    assertThat(operations(plan)).containsExactly("UploadConfigSet blue/products_" + REV,
        "CreateCollection blue/" + NEXT);
    RolloutStatus r = committed(plan, Optional.empty()).getRollout();
    assertThat(r.getStrategy()).isEqualTo(RolloutSpec.Strategy.Alias);
    assertThat(r.getPhase()).isEqualTo(Phase.StandbyProvisioning);
    assertThat(r.getToColour()).isEqualTo("blue");
    assertThat(r.getCollections()).containsExactlyEntriesOf(Map.of("products", NEXT));
    assertThat(r.getPreviousRevision()).isEqualTo(OLD);
    assertThat(r.getTargetRevision()).isEqualTo(NEW);
  }

  @Test
  void theTargetRevisionKeepsTheLiveNodesAmiWhenItsParameterNamesANewerOne() {
    RevisionStatus newerAmi = new RevisionStatus("bbb", "9.10.1", "r6i.large", "ami-0bbbbbbbbbbbbbbb2");
    var plan = plan(blue(OLD, Map.of("products", 100L)), Optional.empty(), Optional.of(newerAmi), true, Map.of(),
        Optional.empty(), Map.of("products", "products"));
    assertThat(committed(plan, Optional.empty()).getRollout().getTargetRevision()).isEqualTo(NEW);
  }

  @Test
  void withoutAConfigsetOnlyChangeTheAliasStrategyDoesNotStart() {
    var plan = plan(blue(OLD, Map.of("products", 100L)), Optional.empty(), Optional.of(NEW), false, Map.of(),
        Optional.empty(), Map.of("products", "products"));
    // No other colour observed here, so nothing at all starts; the operator test shows the two-colour fallback.
    assertThat(plan.commit()).isEmpty();
    assertThat(operations(plan)).isEmpty();
  }

  @Test
  void verificationComparesTheNewCollectionWithTheOneItsAliasServes() {
    var plan = plan(blue(OLD, Map.of("products", 100L, NEXT, 60L)), Optional.of(recorded(Phase.Verifying)),
        Optional.empty(), false, Map.of(), Optional.empty(), Map.of("products", "products"));
    RolloutStatus r = committed(plan, Optional.of(recorded(Phase.Verifying))).getRollout();
    assertThat(r.getPhase()).isEqualTo(Phase.Failed);
    assertThat(r.getMessage()).contains(NEXT + " has 60 documents against 100 live");
    assertThat(operations(plan)).isEmpty(); // no alias moved
  }

  @Test
  void verifiedCollectionsSwitchEveryAliasAtOnceAndThePreviousRevisionIsKeptForRollback() {
    var plan = plan(blue(OLD, Map.of("products", 100L, NEXT, 99L)), Optional.of(recorded(Phase.Verifying)),
        Optional.empty(), false, Map.of(), Optional.empty(), Map.of("products", "products"));
    assertThat(operations(plan)).containsExactly("CreateAlias blue/products");
    SolrClusterStatus s = committed(plan, Optional.of(recorded(Phase.Verifying)));
    assertThat(s.getRollout().getPhase()).isEqualTo(Phase.Holding);
    assertThat(s.getBlue().getRevision()).isEqualTo(NEW);
    assertThat(s.getBlue().getCollectionNames()).containsExactlyEntriesOf(Map.of("products", NEXT));
    assertThat(s.getRollout().getHoldUntil()).isEqualTo(NOW.plusSeconds(60).toString());
  }

  @Test
  void holdingPutsBackAnAliasThatDoesNotPointToTheNewCollectionBeforeAnythingElse() {
    RolloutStatus holding = recorded(Phase.Holding);
    holding.setHoldUntil(NOW.minusSeconds(1).toString());
    var plan = plan(blue(NEW, Map.of("products", 100L, NEXT, 99L)), Optional.of(holding), Optional.empty(), false,
        Map.of(), Optional.empty(), Map.of("products", NEXT));
    assertThat(operations(plan)).containsExactly("CreateAlias blue/products");
    assertThat(plan.commit()).isEmpty(); // the previous collection is not deleted while the alias may still use it
  }

  @Test
  void theHoldOverDeletesThePreviousCollectionOnly() {
    RolloutStatus holding = recorded(Phase.Holding);
    holding.setHoldUntil(NOW.minusSeconds(1).toString());
    var plan = plan(blue(NEW, Map.of("products", 100L, NEXT, 99L)), Optional.of(holding), Optional.empty(), false,
        Map.of("products", List.of(NEXT)), Optional.empty(), Map.of("products", NEXT));
    assertThat(operations(plan)).containsExactly("DeleteCollection blue/products");
    assertThat(committed(plan, Optional.of(holding)).getRollout().getPhase()).isEqualTo(Phase.Complete);
  }

  @Test
  void aRollbackRemovesTheAliasThatHidTheCollectionOfItsNameAndRestoresTheRevision() {
    RolloutStatus holding = recorded(Phase.Holding);
    holding.setSwitchTime(NOW.minusSeconds(20).toString());
    holding.setHoldUntil(NOW.plusSeconds(600).toString());
    var plan = plan(blue(NEW, Map.of("products", 100L, NEXT, 99L)), Optional.of(holding), Optional.empty(), false,
        Map.of("products", List.of(NEXT)), Optional.of(new Requests.Request("rollback", "INC-1")),
        Map.of("products", NEXT));
    assertThat(operations(plan)).containsExactly("DeleteAlias blue/products");
    SolrClusterStatus s = committed(plan, Optional.of(holding));
    assertThat(s.getRollout().getPhase()).isEqualTo(Phase.RolledBack);
    assertThat(s.getBlue().getRevision()).isEqualTo(OLD);
    assertThat(s.getBlue().getCollectionNames()).isEmpty();
    assertThat(s.getRollout().getMessage()).contains(holding.getSwitchTime()).contains(NEXT);
  }

  @Test
  void anAbandonedAliasRolloutDeletesItsNewCollectionsAndNeverTheLiveOne() {
    RolloutStatus abandoning = recorded(Phase.Abandoning);
    var plan = plan(blue(OLD, Map.of("products", 100L, NEXT, 10L)), Optional.of(abandoning), Optional.empty(), false,
        Map.of(), Optional.empty(), Map.of("products", "products"));
    assertThat(operations(plan)).containsExactly("DeleteCollection blue/" + NEXT);
  }

  @Test
  void idleAliasesArePutBackWhereTheStatusSays() {
    var plan = plan(blue(NEW, Map.of(NEXT, 100L)), Optional.empty(), Optional.empty(), false,
        Map.of("products", List.of("elsewhere")), Optional.empty(), Map.of("products", NEXT));
    assertThat(operations(plan)).containsExactly("CreateAlias blue/products");
  }
}
