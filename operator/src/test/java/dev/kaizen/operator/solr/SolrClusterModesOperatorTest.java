package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code mode: Plan} (reads only, the plan in status) and throttling survived without reaching the status. */
class SolrClusterModesOperatorTest {
  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);

  @AfterEach
  void stop() {
    harness.close();
  }

  private List<String> writes() {
    return java.util.stream.Stream.of(harness.ec2().succeededMutations(), harness.autoScaling().succeededMutations(),
        harness.elb().succeededMutations()).flatMap(List::stream).toList();
  }

  @Test
  void planModeWritesNothingAndReportsTheColourTheLoadBalancerAndBothListeners() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    solr.create(cluster("products", spec -> spec.setMode(Mode.Plan)));

    SolrCluster planned = solr.awaitCondition("products", Conditions.READY, "False", "PlanPending");
    SolrClusterNames names = names("products");
    assertThat(planned.getStatus().getPlan()).contains(
        "CreateLoadBalancer " + names.loadBalancer() + ": absent",
        "CreateTargetGroup " + names.targetGroup(Colour.BLUE) + ": absent",
        "CreateAutoScalingGroup " + names.autoScalingGroup(Colour.BLUE) + ": absent; 3 nodes, scale-in protected",
        "CreateListener " + names.loadBalancer() + ":80: absent; live -> " + names.targetGroup(Colour.BLUE),
        "CreateListener " + names.loadBalancer() + ":8983: absent; test -> " + names.targetGroup(Colour.BLUE));
    // Still nothing written after several rechecks (resync 1 s); the revision is not pinned either.
    await().pollDelay(Duration.ofSeconds(3)).atMost(SolrClusterFixture.WAIT).until(() -> true);
    SolrCluster later = solr.resource("products").get();
    assertThat(SolrClusterFixture.hasCondition(later, Conditions.READY, "False", "PlanPending", 1)).isTrue();
    assertThat(writes()).isEmpty();
    assertThat(harness.elb().loadBalancerExists(names.loadBalancer())).isFalse();
    assertThat(later.getStatus().getBlue() == null || later.getStatus().getBlue().getRevision() == null).isTrue();

    // Positive control: the same cluster in Apply mode is built.
    long generation = solr.edit("products", spec -> spec.setMode(Mode.Apply)).getMetadata().getGeneration();
    solr.awaitReady("products", generation);
    assertThat(writes()).contains("CreateLoadBalancer", "CreateLaunchTemplate", "CreateAutoScalingGroup");
  }

  @Test
  void throttlingOfEachServiceIsHeldBackAndConvergesWithoutReachingTheStatusOrDuplicating() {
    harness.ec2().failNext("CreateLaunchTemplate", 2, Fault.THROTTLING);
    harness.autoScaling().failNext("CreateAutoScalingGroup", 2, Fault.THROTTLING);
    harness.elb().failNext("CreateListener", 2, Fault.THROTTLING);
    harness.elb().failNext("DescribeLoadBalancers", 1, Fault.THROTTLING);
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    Set<String> reasonsSeen = ConcurrentHashMap.newKeySet();

    solr.create(cluster("products", spec -> {}));
    // Measured idle or lightly loaded: 20-24 s, most of it the backoff after each injected throttle (seven of them),
    // with EC2's per-category buckets or without. Under a load average of 25-40 everything runs about three times
    // slower, past the fixture's 60 s: this wait allows for that, and costs nothing when the test passes sooner.
    await().atMost(SolrClusterFixture.WAIT.multipliedBy(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
      solr.settle();
      SolrCluster seen = solr.resource("products").get();
      if (seen.getStatus() != null) {
        seen.getStatus().getConditions().forEach(c -> reasonsSeen.add(c.getReason()));
        assertThat(Conditions.isTrue(seen.getStatus().getConditions(), Conditions.STALLED)).as("never stalled").isFalse();
      }
      return SolrClusterFixture.hasCondition(seen, Conditions.READY, "True", Reasons.IN_SYNC, 1);
    });

    // AWS's throttling is retried with backoff, quietly for a while (a tenth of the resync: 100 ms here, so it may
    // show as Reconciling, reason Throttled, as for every kind), never stalls, and once converged none of it is left.
    SolrCluster ready = solr.resource("products").get();
    assertThat(Conditions.find(ready.getStatus().getConditions(), Conditions.STALLED))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
    assertThat(ready.getStatus().getConditions()).noneSatisfy(c -> assertThat(c.getReason())
        .isEqualTo(Reasons.THROTTLED));
    assertThat(harness.events(SolrClusterFixture.NS, "products")).extracting(e -> e.getReason())
        .doesNotContain("NameConflict");
    assertThat(harness.ec2().calls("CreateLaunchTemplate")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(harness.ec2().succeededMutations()).filteredOn("CreateLaunchTemplate"::equals).hasSize(1);
    assertThat(harness.autoScaling().groupNames()).containsExactly(names("products").autoScalingGroup(Colour.BLUE));
    assertThat(harness.elb().listenerCount()).isEqualTo(2);
    assertThat(harness.elb().succeededMutations()).filteredOn("CreateLoadBalancer"::equals).hasSize(1);
  }
}
