package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.solr.SolrClusterFixture.NS;
import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.api.v1alpha1.solr.SmokeQuerySpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.FakeSolrCloud;
import dev.kaizen.operator.solr.SolrClusterFixture;
import dev.kaizen.operator.solr.SolrClusterNames;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Strategy Alias (issue 13) through the real operator, the mock API server and the AWS and Solr fakes: a schema change
 * is reindexed into a new collection of the live colour and the alias switched, with no node started and the live
 * listener untouched; a rollback points the alias back; a change that needs nodes falls back to two colours.
 */
class SolrAliasRolloutOperatorTest {
  private static final Duration RESYNC = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String NAME = "products";

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private final SolrClusterNames names = SolrClusterFixture.names(NAME);

  @AfterEach
  void stop() {
    harness.close();
  }

  private static Consumer<SolrClusterSpec> aliasStrategy(long holdSeconds) {
    return spec -> {
      RolloutJobSpec reindex = new RolloutJobSpec();
      reindex.setImage("registry.example.com/search/reindex:1.4");
      spec.getRollout().setReindex(reindex);
      spec.getRollout().setStrategy(RolloutSpec.Strategy.Alias);
      spec.getRollout().getVerification().setSmokeQueries(List.of(new SmokeQuerySpec("products", "release:new")));
      spec.getRollout().setHoldSeconds((int) holdSeconds);
    };
  }

  /** Ready on blue with 100 documents in products, then the schema gains a field. */
  private void readyThenChangeTheSchema(long holdSeconds) {
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster(NAME, aliasStrategy(holdSeconds)));
    awaitReady();
    blue().index("products", 100);
    OperatorHarness.edit(harness.client().configMaps().inNamespace(NS).withName("products-configset"), c -> {
      c.getData().put("schema.xml", c.getData().get("schema.xml").replace("<uniqueKey>",
          "<field name=\"release\" type=\"string\" indexed=\"true\" stored=\"true\"/>\n  <uniqueKey>"));
      return c;
    });
  }

  private FakeSolrCloud blue() {
    return solr.blueSolr(NAME);
  }

  private SolrCluster awaitReady() {
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      solr.settle();
      seen[0] = solr.resource(NAME).get();
      return SolrClusterFixture.hasCondition(seen[0], Conditions.READY, "True", "InSync", 1);
    });
    return seen[0];
  }

  private SolrCluster awaitPhase(Phase phase) {
    SolrCluster[] seen = new SolrCluster[1];
    try {
      await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
        solr.settle();
        assertTrafficStaysOnBlue();
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

  /** An alias rollout never builds the other colour nor moves the live listener. */
  private void assertTrafficStaysOnBlue() {
    assertThat(harness.elb().forwardOf(names.loadBalancer(), 80)).contains(solr.blueTargetGroup(NAME));
    assertThat(harness.autoScaling().groupNames()).containsExactly(names.autoScalingGroup(Colour.BLUE));
  }

  private Job job(String name) {
    return harness.client().batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  private void finishJob(String name) {
    await().atMost(WAIT).until(() -> job(name) != null);
    harness.client().batch().v1().jobs().inNamespace(NS).withName(name).editStatus(j -> {
      j.setStatus(new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
          .withType("Complete").withStatus("True").build()).build());
      return j;
    });
  }

  private Map<String, String> env(Job job) {
    Map<String, String> env = new java.util.TreeMap<>();
    job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(v -> env.put(v.getName(),
        v.getValue()));
    return env;
  }

  private long calls(String prefix) {
    return blue().calls().stream().filter(c -> c.startsWith(prefix)).count();
  }

  private void annotate(String key, String value) {
    OperatorHarness.edit(solr.resource(NAME), c -> {
      if (c.getMetadata().getAnnotations() == null) {
        c.getMetadata().setAnnotations(new java.util.HashMap<>());
      }
      c.getMetadata().getAnnotations().put(key, value);
      return c;
    });
  }

  @Test
  void aSchemaChangeIsReindexedIntoANewCollectionAndTheAliasSwitchedThenThePreviousOneDeleted() {
    readyThenChangeTheSchema(2);

    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    var rollout = reindexing.getStatus().getRollout();
    String revision = rollout.getRevision();
    String next = "products_" + revision;
    assertThat(rollout.getStrategy()).isEqualTo(RolloutSpec.Strategy.Alias);
    assertThat(rollout.getCollections()).containsExactlyEntriesOf(Map.of("products", next));
    assertThat(rollout.getFromColour()).isEqualTo("blue").isEqualTo(rollout.getToColour());
    assertThat(blue().collections()).containsExactlyInAnyOrder("products", next);
    assertThat(blue().configSet("products_" + revision).get("schema.xml")).contains("name=\"release\"");
    assertThat(blue().aliases()).isEmpty(); // clients still reach the collection by its own name
    Map<String, String> env = env(await().atMost(WAIT).until(() -> job(rollout.getJob()), j -> j != null));
    assertThat(env.get("SOLR_URL")).endsWith(":80/solr");
    assertThat(env).containsEntry("SOLR_COLLECTIONS", next).containsEntry("SOLR_ALIASES", "products");
    harness.restart();

    // The reindex Job fills the new collection; the old one keeps serving meanwhile.
    blue().index(next, 100);
    blue().matches(next, "release:new", 100);
    finishJob(rollout.getJob());
    SolrCluster holding = awaitPhase(Phase.Holding);
    await().atMost(WAIT).until(() -> blue().aliases().equals(Map.of("products", List.of(next))));
    assertThat(blue().count("products", "release:new")).isEqualTo(100); // queries through the alias: the new schema
    assertThat(holding.getStatus().getBlue().getCollectionNames()).containsExactlyEntriesOf(Map.of("products", next));
    assertThat(holding.getStatus().getBlue().getRevision().getConfigSetHash())
        .isEqualTo(holding.getStatus().getRollout().getTargetRevision().getConfigSetHash());
    assertThat(holding.getStatus().getRollout().getSwitchTime()).isNotNull();
    assertThat(blue().collections()).contains("products"); // kept for the hold
    harness.restart();

    awaitPhase(Phase.Complete);
    harness.restart();
    SolrCluster ready = awaitReady();
    await().atMost(WAIT).until(() -> !blue().collections().contains("products"));
    assertThat(blue().collections()).containsExactly(next);
    assertThat(blue().aliases()).isEqualTo(Map.of("products", List.of(next)));
    // Rechecks after the restarts: one switch, one Job, no collection made or deleted twice.
    await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
    assertThat(calls("CreateAlias")).isEqualTo(1);
    assertThat(calls("CreateCollection " + next)).isEqualTo(1);
    assertThat(calls("DeleteCollection")).isEqualTo(1);
    assertThat(harness.client().batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
    assertThat(harness.elb().calls("ModifyListener")).isEmpty();
    assertThat(ready.getStatus().getBlue().getCollections()).singleElement()
        .satisfies(c -> assertThat(c.getName()).isEqualTo(next));
    assertThat(Conditions.find(ready.getStatus().getConditions(), "RolloutComplete").orElseThrow().getStatus())
        .isEqualTo("True");
  }

  @Test
  void aRollbackPointsTheAliasBackToThePreviousCollectionAndSaysWhatItCannotRestore() {
    readyThenChangeTheSchema(3600);
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String next = "products_" + reindexing.getStatus().getRollout().getRevision();
    blue().index(next, 98);
    blue().matches(next, "release:new", 98);
    finishJob(reindexing.getStatus().getRollout().getJob());
    SolrCluster holding = awaitPhase(Phase.Holding);
    await().atMost(WAIT).until(() -> blue().count("products", "*:*") == 98);

    annotate("kaizen.dev/rollback", "INC-4712");
    SolrCluster rolledBack = awaitPhase(Phase.RolledBack);
    await().atMost(WAIT).until(() -> blue().aliases().isEmpty());
    assertThat(blue().count("products", "*:*")).isEqualTo(100); // the previous collection, by its own name
    assertThat(rolledBack.getStatus().getRollout().getMessage())
        .contains(holding.getStatus().getRollout().getSwitchTime()).contains("are not in the previous collections");
    assertThat(rolledBack.getStatus().getBlue().getCollectionNames()).isEmpty();
    assertThat(rolledBack.getStatus().getActiveRevision())
        .isEqualTo(rolledBack.getStatus().getRollout().getPreviousRevision().summary());
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> SolrClusterFixture.hasCondition(
        solr.resource(NAME).get(), Conditions.STALLED, "True", "RolledBack", 0));
    assertThat(blue().aliases()).isEmpty();
    assertThat(blue().collections()).containsExactlyInAnyOrder("products", next); // kept for inspection
    assertThat(calls("CreateAlias")).isEqualTo(1);
    assertThat(calls("DeleteAlias")).isEqualTo(1);
    assertTrafficStaysOnBlue();
  }

  @Test
  void aChangeThatNeedsNewNodesFallsBackToTheTwoColourRolloutAndSaysSo() {
    readyThenChangeTheSchema(2);
    SolrCluster reindexing = awaitPhase(Phase.Reindexing);
    String next = "products_" + reindexing.getStatus().getRollout().getRevision();
    // Abandon the alias rollout with an instance type change: its collection goes, then two colours.
    OperatorHarness.edit(solr.resource(NAME), c -> {
      c.getSpec().setInstanceType("r6i.xlarge");
      return c;
    });
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      solr.settle();
      seen[0] = solr.resource(NAME).get();
      var r = seen[0].getStatus().getRollout();
      return r.getPhase() == Phase.StandbyProvisioning && "green".equals(r.getToColour());
    });
    assertThat(seen[0].getStatus().getRollout().getStrategy()).isNull();
    assertThat(seen[0].getStatus().getRollout().getMessage()).contains("Strategy Alias covers configset-only changes");
    assertThat(blue().collections()).containsExactly("products");
    assertThat(blue().calls()).contains("DeleteCollection " + next);
    assertThat(harness.events(NS, NAME).stream().map(e -> e.getMessage()))
        .anyMatch(m -> m.contains("Strategy Alias covers configset-only changes"));
  }
}
