package dev.kaizen.operator.resilience;

import static dev.kaizen.operator.solr.SolrClusterFixture.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeAwsService.Outcome;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.SolrClusterFixture;
import dev.kaizen.operator.solr.SolrClusterNames;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;

/**
 * SolrCluster's partial failure inside one plan: the standby colour is up, reindexed and verified; the switch of
 * the live listener (ModifyListener) is applied by the load balancer and its answer lost, and another try fails
 * before it is applied. The rollout must complete with exactly one switch applied, one standby, one reindex Job.
 */
@org.junit.jupiter.api.extension.ExtendWith(Figures.class)
class SolrSwitchFaultTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NAME = "products";

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private final SolrClusterNames names = SolrClusterFixture.names(NAME);

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void theSwitchAppliedWithItsAnswerLostIsNotRepeatedAndTheRolloutCompletesOnce() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    solr.create(SolrClusterFixture.cluster(NAME, spec -> {
      RolloutJobSpec reindex = new RolloutJobSpec();
      reindex.setImage("registry.example.com/search/reindex:1.4");
      spec.getRollout().setReindex(reindex);
      spec.getRollout().getVerification().setSmokeQueries(List.of(new SmokeQuerySpec("products", "name:phone")));
      spec.getRollout().setHoldSeconds(1);
      spec.setDeletionPolicy(DeletionPolicy.Delete);
    }));
    awaitReady();
    solr.blueSolr(NAME).index("products", 100);
    OperatorHarness.edit(harness.client().configMaps().inNamespace(NS).withName("products-configset"), c -> {
      c.getData().put("schema.xml", c.getData().get("schema.xml") + "\n<!-- a new field -->");
      return c;
    });

    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String job = reindexing.getStatus().getRollout().getJob();
    await().atMost(WAIT).until(() -> harness.client().batch().v1().jobs().inNamespace(NS).withName(job).get() != null);
    var elb = harness.elb();
    assertThat(liveSwitchCalls()).isEmpty();
    // The next change of the live listener is the switch: applied then its answer lost, then refused by an outage.
    elb.failNext("ModifyListener", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    elb.failNext("ModifyListener", 1, Fault.SERVICE_UNAVAILABLE);
    var green = harness.solr().cloud(greenTg());
    green.index("products", 100);
    green.matches("products", "name:phone", 3);
    finishJob(job);

    awaitPhase(Phase.Complete);
    harness.restart();
    SolrCluster ready = awaitReady();

    assertThat(ready.getStatus().getActiveColour()).isEqualTo("green");
    assertThat(elb.forwardOf(names.loadBalancer(), 80)).contains(greenTg());
    assertThat(elb.calls("ModifyListener")).extracting(Call::outcome).contains(Outcome.APPLIED_THEN_FAULTED);
    // Exactly one switch of the live listener took effect, whatever was lost and retried.
    assertThat(liveSwitchCalls()).extracting(Call::outcome)
        .filteredOn(o -> o == Outcome.SUCCEEDED || o == Outcome.APPLIED_THEN_FAULTED).hasSize(1);
    assertThat(harness.client().batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
    assertThat(harness.autoScaling().groupNames()).containsExactlyInAnyOrder(
        names.autoScalingGroup(Colour.BLUE), names.autoScalingGroup(Colour.GREEN));
    assertThat(elb.listenerCount()).isEqualTo(2);
    assertThat(List.of(harness.ec2().templateExists(names.launchTemplate(Colour.BLUE)),
        harness.ec2().templateExists(names.launchTemplate(Colour.GREEN)))).containsOnly(true);
    assertThat(Rollouts.eventCount(harness, NS, NAME, "Switched")).isEqualTo(1);
  }

  private String greenTg() {
    return harness.elb().targetGroupArn(names.targetGroup(Colour.GREEN)).orElseThrow();
  }

  /** ModifyListener calls on the live listener (port 80), whatever their outcome. */
  private List<Call> liveSwitchCalls() {
    var elb = harness.elb();
    String live = elb.listenerArn(names.loadBalancer(), 80).orElse("none");
    return elb.calls("ModifyListener").stream()
        .filter(c -> c.request(ModifyListenerRequest.class).listenerArn().equals(live)).toList();
  }

  private void finishJob(String name) {
    harness.client().batch().v1().jobs().inNamespace(NS).withName(name).editStatus(j -> {
      j.setStatus(new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
          .withType("Complete").withStatus("True").build()).build());
      return j;
    });
  }

  private SolrCluster awaitReady() {
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      solr.settle();
      seen[0] = solr.resource(NAME).get();
      return ResourceConditions.isReady(seen[0]) && (seen[0].getStatus().getRollout() == null
          || seen[0].getStatus().getRollout().getPhase() == null
          || seen[0].getStatus().getRollout().getPhase() == Phase.Complete);
    });
    return seen[0];
  }

  private SolrCluster awaitPhase(Phase phase) {
    SolrCluster[] seen = new SolrCluster[1];
    try {
      await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
        solr.settle();
        seen[0] = solr.resource(NAME).get();
        return seen[0].getStatus() != null && seen[0].getStatus().getRollout() != null
            && seen[0].getStatus().getRollout().getPhase() == phase;
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not in " + phase + "; status: " + harness.client().getKubernetesSerialization()
          .asYaml(seen[0] == null ? null : seen[0].getStatus()), e);
    }
    return seen[0];
  }
}
