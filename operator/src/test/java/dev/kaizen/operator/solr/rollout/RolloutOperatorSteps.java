package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.solr.SolrClusterFixture.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.solr.SolrClusterFixture;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;

/** What the rollout operator tests of this package do to a cluster: wait for phases, finish Jobs, annotate. */
final class RolloutOperatorSteps {
  static final Duration WAIT = Duration.ofSeconds(90);

  private final OperatorHarness harness;
  private final SolrClusterFixture solr;
  private final String name;

  RolloutOperatorSteps(OperatorHarness harness, SolrClusterFixture solr, String name) {
    this.harness = harness;
    this.solr = solr;
    this.name = name;
  }

  SolrCluster awaitReady() {
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      solr.settle();
      seen[0] = solr.resource(name).get();
      return SolrClusterFixture.hasCondition(seen[0], Conditions.READY, "True", "InSync", 1);
    });
    return seen[0];
  }

  /** Waits for a phase; {@code settle}: AWS launches instances and passes health checks meanwhile. */
  SolrCluster awaitPhase(Phase phase, boolean settle, Duration within) {
    SolrCluster[] seen = new SolrCluster[1];
    try {
      await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (settle) {
          solr.settle();
        }
        seen[0] = solr.resource(name).get();
        return seen[0].getStatus() != null && seen[0].getStatus().getRollout() != null
            && seen[0].getStatus().getRollout().getPhase() == phase;
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not in " + phase + " within " + within + "; status: "
          + harness.client().getKubernetesSerialization().asYaml(seen[0] == null ? null : seen[0].getStatus()), e);
    }
    return seen[0];
  }

  SolrCluster awaitPhase(Phase phase) {
    return awaitPhase(phase, true, WAIT);
  }

  Phase phase() {
    return solr.resource(name).get().getStatus().getRollout().getPhase();
  }

  Job job(String jobName) {
    return harness.client().batch().v1().jobs().inNamespace(NS).withName(jobName).get();
  }

  List<Job> jobs() {
    return harness.client().batch().v1().jobs().inNamespace(NS).list().getItems();
  }

  /** Kubernetes says the Job completed. */
  void finishJob(String jobName) {
    await().atMost(WAIT).until(() -> job(jobName) != null);
    harness.client().batch().v1().jobs().inNamespace(NS).withName(jobName).editStatus(j -> {
      j.setStatus(new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
          .withType("Complete").withStatus("True").build()).build());
      return j;
    });
  }

  void annotate(String key, String value) {
    OperatorHarness.edit(solr.resource(name), c -> {
      if (c.getMetadata().getAnnotations() == null) {
        c.getMetadata().setAnnotations(new java.util.HashMap<>());
      }
      c.getMetadata().getAnnotations().put(key, value);
      return c;
    });
  }

  /** Several rechecks pass (the operator keeps running meanwhile). */
  static void letRechecksPass() {
    await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
  }

  /** The successful requests that changed where the live listener (port 80) forwards, in order. */
  List<ModifyListenerRequest> liveSwitches() {
    return harness.elb().calls("ModifyListener").stream()
        .filter(c -> c.outcome() == FakeAwsService.Outcome.SUCCEEDED)
        .map(c -> c.request(ModifyListenerRequest.class))
        .filter(r -> harness.elb().listenerPort(r.listenerArn()) == 80).toList();
  }

  void assertLive(String targetGroupArn) {
    assertThat(harness.elb().forwardOf(SolrClusterFixture.names(name).loadBalancer(), 80)).contains(targetGroupArn);
  }
}
