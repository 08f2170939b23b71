package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.solr.SolrClusterFixture.NS;
import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.FakeSolrCloud;
import dev.kaizen.operator.solr.SolrClusterFixture;
import dev.kaizen.operator.solr.SolrClusterNames;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * An operator restart inside the two phases that wait without a Job boundary to stop at (issue 13): Verifying (the
 * standby's Solr is unreachable, so the comparison waits) and CatchingUp (a rollback's catch-up Job runs). A new
 * operator against the same mock server and fakes resumes the phase, never switches twice, never loses live traffic.
 */
class SolrRolloutRestartOperatorTest {
  private static final String NAME = "products";

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private final SolrClusterNames names = SolrClusterFixture.names(NAME);
  private final RolloutOperatorSteps steps = new RolloutOperatorSteps(harness, solr, NAME);

  @AfterEach
  void stop() {
    harness.close();
  }

  private void readyThenChangeTheSchema(Consumer<SolrClusterSpec> more) {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(1)));
    solr.create(cluster(NAME, spec -> {
      RolloutJobSpec reindex = new RolloutJobSpec();
      reindex.setImage("registry.example.com/search/reindex:1.4");
      spec.getRollout().setReindex(reindex);
      more.accept(spec);
    }));
    steps.awaitReady();
    solr.blueSolr(NAME).index("products", 100);
    OperatorHarness.edit(harness.client().configMaps().inNamespace(NS).withName("products-configset"), c -> {
      c.getData().put("schema.xml", c.getData().get("schema.xml") + "\n<!-- a new field -->");
      return c;
    });
  }

  private String blueTg() {
    return solr.blueTargetGroup(NAME);
  }

  private String greenTg() {
    return harness.elb().targetGroupArn(names.targetGroup(Colour.GREEN)).orElseThrow();
  }

  private FakeSolrCloud green() {
    return harness.solr().cloud(greenTg());
  }

  private void greenHealth(TargetHealthStateEnum state) {
    harness.elb().targets(greenTg()).keySet().forEach(id -> harness.elb().setHealth(greenTg(), id, state));
  }

  @Test
  void aRestartInsideVerifyingWaitsForTheStandbyThenSwitchesOnce() {
    readyThenChangeTheSchema(spec -> {});
    SolrCluster reindexing = steps.awaitPhase(Phase.Reindexing);
    green().index("products", 100);
    greenHealth(TargetHealthStateEnum.UNHEALTHY); // the standby's Solr cannot be asked: verification must wait
    steps.finishJob(reindexing.getStatus().getRollout().getJob());
    steps.awaitPhase(Phase.Verifying, false, RolloutOperatorSteps.WAIT);

    RolloutOperatorSteps.letRechecksPass();
    harness.restart();
    RolloutOperatorSteps.letRechecksPass();
    assertThat(steps.phase()).isEqualTo(Phase.Verifying);
    assertThat(steps.liveSwitches()).isEmpty();
    steps.assertLive(blueTg());

    greenHealth(TargetHealthStateEnum.HEALTHY);
    SolrCluster holding = steps.awaitPhase(Phase.Holding);
    await().atMost(RolloutOperatorSteps.WAIT).until(() -> steps.liveSwitches().size() == 1);
    harness.restart();
    RolloutOperatorSteps.letRechecksPass();
    assertThat(steps.liveSwitches()).hasSize(1);
    steps.assertLive(greenTg());
    assertThat(holding.getStatus().getActiveColour()).isEqualTo("green");
    assertThat(steps.jobs()).hasSize(1);
  }

  @Test
  void aRestartInsideCatchingUpRunsOneCatchUpJobThenMovesTrafficBackOnce() {
    readyThenChangeTheSchema(spec -> {
      spec.getRollout().setHoldSeconds(3600);
      RolloutJobSpec catchUp = new RolloutJobSpec();
      catchUp.setImage("registry.example.com/search/catch-up:1.0");
      spec.getRollout().setCatchUp(catchUp);
    });
    SolrCluster reindexing = steps.awaitPhase(Phase.Reindexing);
    green().index("products", 100);
    steps.finishJob(reindexing.getStatus().getRollout().getJob());
    steps.awaitPhase(Phase.Holding);
    await().atMost(RolloutOperatorSteps.WAIT).until(() -> steps.liveSwitches().size() == 1);

    steps.annotate("kaizen.dev/rollback", "INC-4713");
    SolrCluster catchingUp = steps.awaitPhase(Phase.CatchingUp);
    String catchUpJob = catchingUp.getStatus().getRollout().getJob();
    assertThat(catchUpJob).contains("-catchup-");
    await().atMost(RolloutOperatorSteps.WAIT).until(() -> steps.job(catchUpJob) != null);
    harness.restart();
    RolloutOperatorSteps.letRechecksPass();
    assertThat(steps.phase()).isEqualTo(Phase.CatchingUp);
    steps.assertLive(greenTg()); // traffic moves back only after the catch-up
    assertThat(steps.liveSwitches()).hasSize(1);
    assertThat(steps.jobs()).hasSize(2);

    steps.finishJob(catchUpJob);
    SolrCluster rolledBack = steps.awaitPhase(Phase.RolledBack);
    assertThat(rolledBack.getStatus().getRollout().getMessage()).contains("were copied by the catch-up Job "
        + catchUpJob);
    harness.restart();
    RolloutOperatorSteps.letRechecksPass();
    steps.assertLive(blueTg());
    assertThat(steps.liveSwitches()).hasSize(2);
    assertThat(steps.jobs()).hasSize(2);
    assertThat(solr.resource(NAME).get().getStatus().getActiveColour()).isEqualTo("blue");
  }
}
