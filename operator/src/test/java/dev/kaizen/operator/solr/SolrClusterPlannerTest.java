package dev.kaizen.operator.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.ScaleInStatus;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner with plain values: what a colour needs, in order, and how scaling in waits for the replicas. */
class SolrClusterPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("c1", "search/SolrCluster/products", "uid-1");
  private static final SolrClusterNames NAMES = new SolrClusterNames("search", "products");
  private static final RevisionStatus REVISION = new RevisionStatus("abc", "9.10.1", "r6i.large", "ami-0aaaaaaaaaaaaaaa1");
  private static final NodeTemplate TEMPLATE = new NodeTemplate("ami-0aaaaaaaaaaaaaaa1", "r6i.large", "dXNlcg==",
      List.of("sg-1"), "arn:aws:iam::111122223333:instance-profile/solr", 50, "gp3");
  private static final String TG = "arn:tg/blue";

  private static DesiredSolrCluster desired(int nodes) {
    return new DesiredSolrCluster(NAMES, Colour.BLUE, nodes, REVISION, TEMPLATE, List.of("subnet-1", "subnet-2"),
        "vpc-1", "internal", List.of(), 80, 8983, List.of(new CollectionSpec("products", 1, 2)), "products",
        Map.of("schema.xml", "<schema/>"), Map.of("team", "search"));
  }

  private static Plan<SolrClusterPorts> plan(SolrClusterObservation o) {
    return SolrClusterPlanner.plan(o, key -> Ownership.OWNED, MINE);
  }

  private static List<String> lines(Plan<SolrClusterPorts> plan) {
    return plan.changes().stream().map(Change::describe).toList();
  }

  private static SolrClusterObservation built(int nodes, List<ScalingGroups.Member> members,
      List<LoadBalancing.ObservedListener> listeners, Optional<SolrState> solr, Optional<ScaleInStatus> scaleIn) {
    Map<String, Boolean> health = new java.util.TreeMap<>();
    members.forEach(m -> health.put(m.id(), true));
    Map<String, String> addresses = new java.util.TreeMap<>();
    for (int i = 0; i < members.size(); i++) {
      addresses.put(members.get(i).id(), "10.0.0." + (i + 2));
    }
    return new SolrClusterObservation(desired(nodes), true,
        Optional.of(new LoadBalancing.ObservedLoadBalancer("arn:lb", NAMES.loadBalancer(), "lb.example", "active",
            MINE.asTags())), listeners,
        Optional.of(new LoadBalancing.ObservedTargetGroup(TG, NAMES.targetGroup(Colour.BLUE), MINE.asTags(), health)),
        Optional.of(new LaunchTemplates.Observed("lt-1", NAMES.launchTemplate(Colour.BLUE), 1, MINE.asTags(),
            TEMPLATE)),
        Optional.of(new ScalingGroups.Observed(NAMES.autoScalingGroup(Colour.BLUE), "arn:asg", nodes,
            Math.max(nodes, members.size()), Math.max(nodes, members.size()), true, List.of(TG), members,
            MINE.asTags())),
        addresses, solr, scaleIn);
  }

  private static List<ScalingGroups.Member> members(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(i -> new ScalingGroups.Member("i-0" + i, "InService", "Healthy", true)).toList();
  }

  private static final List<LoadBalancing.ObservedListener> LISTENERS = List.of(
      new LoadBalancing.ObservedListener("arn:l80", 80, TG), new LoadBalancing.ObservedListener("arn:l8983", 8983, TG));

  @Test
  void anEmptyAccountGetsTheColourThenBothListenersAndPinsTheRevisionFirst() {
    var empty = new SolrClusterObservation(desired(3), false, Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty());

    Plan<SolrClusterPorts> plan = plan(empty);

    assertThat(plan.commit()).hasValueSatisfying(c -> assertThat(c.describe()).startsWith("pin blue revision"));
    assertThat(lines(plan)).containsExactly(
        "CreateLoadBalancer " + NAMES.loadBalancer() + ": absent",
        "CreateTargetGroup " + NAMES.targetGroup(Colour.BLUE) + ": absent",
        "CreateLaunchTemplate " + NAMES.launchTemplate(Colour.BLUE) + ": absent; " + REVISION.summary(),
        "CreateAutoScalingGroup " + NAMES.autoScalingGroup(Colour.BLUE) + ": absent; 3 nodes, scale-in protected",
        "CreateListener " + NAMES.loadBalancer() + ":80: absent; live -> " + NAMES.targetGroup(Colour.BLUE),
        "CreateListener " + NAMES.loadBalancer() + ":8983: absent; test -> " + NAMES.targetGroup(Colour.BLUE));
    assertThat(plan.changes()).extracting(Change::effect).containsOnly(Effect.CREATE);
  }

  @Test
  void healthyNodesGetTheConfigSetAndTheMissingCollections() {
    var solr = new SolrState(List.of(), List.of("10.0.0.2:8983_solr"), Map.of(), Map.of(), Map.of());
    assertThat(lines(plan(built(3, members(3), LISTENERS, Optional.of(solr), Optional.empty())))).containsExactly(
        "UploadConfigSet blue/products: configset abc for new collections",
        "CreateCollection blue/products: absent; 1 shard(s) x 2 replica(s)");
    // Not while a node is missing: the collections would be placed on too few nodes.
    assertThat(lines(plan(built(3, members(2), LISTENERS, Optional.of(solr), Optional.empty()))))
        .noneMatch(line -> line.startsWith("CreateCollection"));
  }

  @Test
  void listenersOfAnAdoptedLoadBalancerAreMarkedOursUntilTheyCarryTheMarkerButNeverAnotherOwnersListener() {
    var untagged = List.of(new LoadBalancing.ObservedListener("arn:l80", 80, TG).withTags(Map.of("team", "x")),
        new LoadBalancing.ObservedListener("arn:l8983", 8983, TG).withTags(MINE.asTags()));
    var o = built(3, members(3), untagged, Optional.empty(), Optional.empty());

    // Adopted now: the load balancer, then its listener that lacks the marker.
    assertThat(lines(SolrClusterPlanner.plan(o, key -> key.startsWith("load balancer") ? Ownership.ADOPT
        : Ownership.OWNED, MINE))).containsExactly(
            "AddTags " + NAMES.loadBalancer() + ": adopt: untagged, spec.adopt is true",
            "AddTags " + NAMES.loadBalancer() + ":80: listener of the load balancer: adopt: untagged, spec.adopt is"
                + " true");
    // A reconcile after the load balancer was tagged (the listener's tagging failed): still marked.
    assertThat(lines(plan(o))).containsExactly("AddTags " + NAMES.loadBalancer() + ":80: listener of the load"
        + " balancer: mark as ours");
    // Another owner's marker on a listener: left alone.
    var foreign = List.of(new LoadBalancing.ObservedListener("arn:l80", 80, TG).withTags(
        new OwnerTags("c1", "other/SolrCluster/x", "uid-9").asTags()), LISTENERS.get(1).withTags(MINE.asTags()));
    assertThat(lines(plan(built(3, members(3), foreign, Optional.empty(), Optional.empty())))).isEmpty();
  }

  @Test
  void aListenerForwardingElsewhereIsPointedBack() {
    var drifted = List.of(new LoadBalancing.ObservedListener("arn:l80", 80, "arn:tg/someone-elses"),
        new LoadBalancing.ObservedListener("arn:l8983", 8983, TG));
    assertThat(lines(plan(built(3, members(3), drifted, Optional.empty(), Optional.empty())))).containsExactly(
        "ModifyListener " + NAMES.loadBalancer() + ":80: live listener forwards to arn:tg/someone-elses -> "
            + NAMES.targetGroup(Colour.BLUE));
  }

  @Test
  void scalingInPinsTheNewestNodesAndMovesTheirReplicasBeforeAnyTermination() {
    var solr = new SolrState(List.of("products"), List.of(), Map.of("10.0.0.2:8983_solr", 1,
        "10.0.0.4:8983_solr", 1), Map.of("products", "GREEN"), Map.of());

    Plan<SolrClusterPorts> plan = plan(built(2, members(3), LISTENERS, Optional.of(solr), Optional.empty()));

    assertThat(plan.commit()).hasValueSatisfying(c -> assertThat(c.describe()).isEqualTo("scale in blue: remove i-03"));
    assertThat(lines(plan)).containsExactly("ReplaceNode blue/10.0.0.4:8983_solr: scale-in of i-03: move its 1"
        + " replica(s) to the other nodes");
  }

  @Test
  void aPinnedNodeIsTerminatedOnlyOnceItHoldsNoReplica() {
    var pinned = Optional.of(new ScaleInStatus("blue", List.of("i-03")));
    var stillHolding = new SolrState(List.of("products"), List.of(), Map.of("10.0.0.4:8983_solr", 1),
        Map.of("products", "GREEN"), Map.of());
    assertThat(lines(plan(built(2, members(3), LISTENERS, Optional.of(stillHolding), pinned))))
        .noneMatch(line -> line.startsWith("TerminateInstance"));

    var empty = new SolrState(List.of("products"), List.of(), Map.of("10.0.0.2:8983_solr", 2),
        Map.of("products", "GREEN"), Map.of());
    Plan<SolrClusterPorts> plan = plan(built(2, members(3), LISTENERS, Optional.of(empty), pinned));
    assertThat(plan.commit()).isEmpty();
    assertThat(lines(plan)).containsExactly(
        "SetInstanceProtection " + NAMES.autoScalingGroup(Colour.BLUE) + " i-03: scale-in: its replicas were moved",
        "TerminateInstanceInAutoScalingGroup " + NAMES.autoScalingGroup(Colour.BLUE)
            + " i-03: scale-in: its replicas were moved");
  }

  @Test
  void aGroupResizedByHandIsResizedBackAndAnUnprotectedNodeIsProtected() {
    var members = List.of(new ScalingGroups.Member("i-01", "InService", "Healthy", true),
        new ScalingGroups.Member("i-02", "InService", "Healthy", false),
        new ScalingGroups.Member("i-03", "InService", "Healthy", true));
    var o = built(3, members, LISTENERS, Optional.empty(), Optional.empty());
    var resized = new SolrClusterObservation(o.desired(), true, o.loadBalancer(), o.listeners(), o.targetGroup(),
        o.template(), o.group().map(g -> new ScalingGroups.Observed(g.name(), g.arn(), 1, 5, 5, true,
            g.targetGroups(), g.instances(), g.tags())), o.addresses(), o.solr(), o.scaleIn());

    assertThat(lines(plan(resized))).containsExactly(
        "UpdateAutoScalingGroup " + NAMES.autoScalingGroup(Colour.BLUE) + ": min/max/desired 1/5/5 -> 3/3/3",
        "SetInstanceProtection " + NAMES.autoScalingGroup(Colour.BLUE)
            + " i-02: unprotected: AWS could pick a Solr node to terminate");
  }
}
