package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.solr.SolrClusterFixture.NS;
import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.solr.FakeSolrCloud;
import dev.kaizen.operator.solr.SolrClusterFixture;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What wakes a rollout, with a 4-minute resync (a requeue every 2 minutes) and Job rechecks 30 s apart: a finished
 * reindex Job wakes its cluster through the Job watch, and the hold's end is looked at when it comes — each well
 * before any recheck would have.
 */
class SolrRolloutWakesOperatorTest {
  private static final String NAME = "products";
  /** Far below the 30 s between a Job's rechecks and the 2 minutes of the requeue. */
  private static final Duration SOON = Duration.ofSeconds(20);

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private final RolloutOperatorSteps steps = new RolloutOperatorSteps(harness, solr, NAME);

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aFinishedJobAndTheEndOfTheHoldEachWakeTheRolloutAtOnce() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(4)));
    solr.create(cluster(NAME, spec -> {
      RolloutJobSpec reindex = new RolloutJobSpec();
      reindex.setImage("registry.example.com/search/reindex:1.4");
      spec.getRollout().setReindex(reindex);
      spec.getRollout().setStrategy(RolloutSpec.Strategy.Alias);
      spec.getRollout().setHoldSeconds(5);
    }));
    steps.awaitReady();
    FakeSolrCloud blue = solr.blueSolr(NAME);
    blue.index("products", 100);
    OperatorHarness.edit(harness.client().configMaps().inNamespace(NS).withName("products-configset"), c -> {
      c.getData().put("schema.xml", c.getData().get("schema.xml") + "\n<!-- a new field -->");
      return c;
    });
    steps.annotate("kaizen.dev/resync", "1"); // the configset's ConfigMap is not watched
    SolrCluster reindexing = steps.awaitPhase(Phase.Reindexing);
    var rollout = reindexing.getStatus().getRollout();
    RolloutOperatorSteps.letRechecksPass(); // the step's first recheck is past: the next one is ~30 s away
    blue.index("products_" + rollout.getRevision(), 100);

    steps.finishJob(rollout.getJob());
    SolrCluster holding = steps.awaitPhase(Phase.Holding, false, SOON);

    steps.awaitPhase(Phase.Complete, false, SOON);
    Instant holdUntil = Instant.parse(holding.getStatus().getRollout().getHoldUntil());
    assertThat(Instant.now()).isAfterOrEqualTo(holdUntil); // not before the hold's end either
    // Complete is committed before its changes run: the previous collection goes right after.
    org.awaitility.Awaitility.await().atMost(SOON).until(() -> !blue.collections().contains("products"));
  }
}
