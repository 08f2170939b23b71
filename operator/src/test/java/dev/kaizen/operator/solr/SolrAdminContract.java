package dev.kaizen.operator.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SolrAdmin} does, checked against the real SolrJ adapter on an in-process SolrCloud and against the
 * fake the operator tests use: if the fake drifts from Solr, this fails. Each test uses its own names, so one cluster
 * per class serves them all.
 */
public abstract class SolrAdminContract {

  /** The implementation under test, on a cluster of {@link #NODES} live nodes. */
  abstract SolrAdmin admin();

  /** Indexes {@code count} documents into a collection and commits, as a client of the cluster would. */
  abstract void index(String collection, int count) throws Exception;

  /** Indexes {@code count} documents whose {@code field} holds {@code value}, and commits. */
  abstract void index(String collection, int count, String field, String value) throws Exception;

  /** Starts one more node and returns its name; the contract's node count is back to {@link #NODES} after it. */
  abstract String startNode() throws Exception;

  /** Stops a node for good, as an instance AWS replaced. */
  abstract void loseNode(String node) throws Exception;

  static final int NODES = 3;

  /** The same configset with one more field in its schema ({@code release}): a schema change needing a reindex. */
  public static Map<String, String> configSetFilesWithReleaseField() {
    Map<String, String> files = new java.util.HashMap<>(configSetFiles());
    files.put("schema.xml", files.get("schema.xml").replace("<uniqueKey>",
        "<field name=\"release\" type=\"string\" indexed=\"true\" stored=\"true\"/>\n  <uniqueKey>"));
    return Map.copyOf(files);
  }

  public static Map<String, String> configSetFiles() {
    return Map.of("solrconfig.xml", resource("solrconfig.xml"), "schema.xml", resource("schema.xml"));
  }

  private static String resource(String name) {
    try (InputStream in = SolrAdminContract.class.getResourceAsStream("/solr/configset/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUploadedConfigSetIsListed() {
    admin().uploadConfigSet("contract-a", configSetFiles());
    assertThat(admin().configSets()).contains("contract-a");
    // Uploading again replaces it (the operator re-uploads after a restart without knowing whether it got through).
    admin().uploadConfigSet("contract-a", configSetFiles());
    assertThat(admin().configSets()).contains("contract-a");
  }

  @Test
  void aCreatedCollectionIsListedHealthyAndEmpty() {
    admin().uploadConfigSet("contract-b", configSetFiles());
    admin().createCollection("contract_b", "contract-b", 2, 2);
    assertThat(admin().collections()).contains("contract_b");
    assertThat(admin().collectionHealth()).containsEntry("contract_b", "GREEN");
    assertThat(admin().documentCount("contract_b")).isZero();
    assertThat(admin().replicasPerNode().values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void creatingACollectionTwiceIsRefused() {
    admin().uploadConfigSet("contract-c", configSetFiles());
    admin().createCollection("contract_c", "contract-c", 1, 1);
    assertThatThrownBy(() -> admin().createCollection("contract_c", "contract-c", 1, 1))
        .isInstanceOf(SolrException.class)
        .satisfies(e -> assertThat(((SolrException) e).code()).isEqualTo(400));
  }

  @Test
  void aCollectionNeedsAnExistingConfigSet() {
    assertThatThrownBy(() -> admin().createCollection("contract_d", "no-such-configset", 1, 1))
        .isInstanceOf(SolrException.class);
    assertThat(admin().collections()).doesNotContain("contract_d");
  }

  @Test
  void liveNodesAreNamedHostPortSolr() {
    assertThat(admin().liveNodes()).hasSize(NODES).allSatisfy(node -> assertThat(node).matches(".+:\\d+_solr"));
  }

  @Test
  void documentsAreCounted() throws Exception {
    admin().uploadConfigSet("contract-e", configSetFiles());
    admin().createCollection("contract_e", "contract-e", 1, 1);
    index("contract_e", 7);
    assertThat(admin().documentCount("contract_e")).isEqualTo(7);
  }

  @Test
  void aReplicaLostWithItsNodeIsAddedOnALiveNodeAndTheDownOneRemovedSoTheCollectionIsGreenAgain() throws Exception {
    admin().uploadConfigSet("contract-g", configSetFiles());
    admin().createCollection("contract_g", "contract-g", 1, 2);
    String extra = startNode();
    admin().addReplica("contract_g", "shard1", extra);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin().replicas())
        .filteredOn(r -> r.collection().equals("contract_g") && r.node().equals(extra))
        .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("active")));

    loseNode(extra);

    // Its replica stays in the cluster state, down: the collection is YELLOW.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(admin().collectionHealth()).containsEntry("contract_g", "YELLOW");
      assertThat(admin().replicas()).filteredOn(r -> r.collection().equals("contract_g") && r.node().equals(extra))
          .singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("down"));
    });
    List<String> live = admin().liveNodes();
    var holding = admin().replicas().stream().filter(r -> r.collection().equals("contract_g"))
        .map(SolrAdmin.ReplicaState::node).toList();
    String target = live.stream().filter(n -> !holding.contains(n)).findFirst().orElseThrow();
    var down = admin().replicas().stream().filter(r -> r.collection().equals("contract_g") && r.node().equals(extra))
        .findFirst().orElseThrow();
    // A replica that is up is never removed this way.
    var up = admin().replicas().stream().filter(r -> r.collection().equals("contract_g") && !r.node().equals(extra))
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> admin().deleteDownReplica("contract_g", "shard1", up.name()))
        .isInstanceOf(SolrException.class);

    admin().addReplica("contract_g", "shard1", target);
    admin().deleteDownReplica("contract_g", "shard1", down.name());

    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(admin().collectionHealth()).containsEntry("contract_g", "GREEN"));
    assertThat(admin().replicas()).filteredOn(r -> r.collection().equals("contract_g"))
        .hasSize(3).allSatisfy(r -> assertThat(r.usable(live)).isTrue());
  }

  @Test
  void aQueryCountsTheDocumentsItMatches() throws Exception {
    admin().uploadConfigSet("contract-i", configSetFiles());
    admin().createCollection("contract_i", "contract-i", 1, 1);
    index("contract_i", 5);
    assertThat(admin().count("contract_i", "*:*")).isEqualTo(5);
    assertThat(admin().count("contract_i", "name_s:nothing-matches-this")).isZero();
  }

  @Test
  void aDeletedCollectionIsGoneAndDeletingItAgainIsRefused() {
    admin().uploadConfigSet("contract-h", configSetFiles());
    admin().createCollection("contract_h", "contract-h", 1, 2);
    admin().deleteCollection("contract_h");
    assertThat(admin().collections()).doesNotContain("contract_h");
    assertThatThrownBy(() -> admin().deleteCollection("contract_h")).isInstanceOf(SolrException.class);
  }

  @Test
  void replicasMoveOffANodeAndNoneIsLost() {
    admin().uploadConfigSet("contract-f", configSetFiles());
    admin().createCollection("contract_f", "contract-f", 1, 2);
    Map<String, Integer> before = admin().replicasPerNode();
    String node = before.keySet().iterator().next();
    int total = before.values().stream().mapToInt(Integer::intValue).sum();

    admin().moveReplicasOff(node);

    Map<String, Integer> after = admin().replicasPerNode();
    assertThat(after).doesNotContainKey(node);
    assertThat(after.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    // The moved replicas recover from the others before they are active: the operator waits for GREEN the same way.
    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(admin().collectionHealth()).containsEntry("contract_f", "GREEN"));
    assertThat(List.copyOf(admin().liveNodes())).contains(node);
  }

  /**
   * Strategy Alias (issue 13): the live collection keeps its name as an alias while a new collection, made with the
   * new schema, is indexed beside it; CREATEALIAS moves every query at once, and the old collection is reached again
   * by its own name once the alias is removed (the rollback of a first alias rollout).
   */
  @Test
  void anAliasMovesQueriesToTheReindexedCollectionAndRemovingItRestoresTheOldOne() throws Exception {
    admin().uploadConfigSet("contract-j", configSetFiles());
    admin().createCollection("contract_j", "contract-j", 1, 1);
    index("contract_j", 3);
    admin().uploadConfigSet("contract-j-r2", configSetFilesWithReleaseField());
    admin().createCollection("contract_j_r2", "contract-j-r2", 1, 1);
    index("contract_j_r2", 5, "release", "new");

    admin().createAlias("contract_j", "contract_j_r2");

    assertThat(admin().aliases()).containsEntry("contract_j", List.of("contract_j_r2"));
    assertThat(admin().count("contract_j", "*:*")).isEqualTo(5);
    assertThat(admin().count("contract_j", "release:new")).isEqualTo(5); // the new schema's field
    assertThat(admin().collections()).contains("contract_j", "contract_j_r2").doesNotContain("contract_j_live");
    // A collection an alias points to cannot be deleted.
    assertThatThrownBy(() -> admin().deleteCollection("contract_j_r2")).isInstanceOf(SolrException.class);

    admin().deleteAlias("contract_j");
    assertThat(admin().aliases()).doesNotContainKey("contract_j");
    assertThat(admin().count("contract_j", "*:*")).isEqualTo(3);

    // Switched again and held: the old collection, hidden behind the alias of its name, is deleted by that name.
    admin().createAlias("contract_j", "contract_j_r2");
    admin().deleteCollection("contract_j");
    assertThat(admin().collections()).contains("contract_j_r2").doesNotContain("contract_j");
    assertThat(admin().count("contract_j", "*:*")).isEqualTo(5);
  }

  /** A second alias rollout: the alias replaced in one step, then pointed back (rollback), then the spare deleted. */
  @Test
  void anAliasIsReplacedInOneStepAndPointedBackAndTheCollectionItLeftCanBeDeleted() throws Exception {
    admin().uploadConfigSet("contract-k", configSetFiles());
    admin().createCollection("contract_k_r1", "contract-k", 1, 1);
    index("contract_k_r1", 3);
    admin().uploadConfigSet("contract-k-r2", configSetFilesWithReleaseField());
    admin().createCollection("contract_k_r2", "contract-k-r2", 1, 1);
    index("contract_k_r2", 4, "release", "new");
    admin().createAlias("contract_k", "contract_k_r1");
    assertThat(admin().count("contract_k", "*:*")).isEqualTo(3);

    admin().createAlias("contract_k", "contract_k_r2");
    assertThat(admin().count("contract_k", "*:*")).isEqualTo(4);
    assertThat(admin().aliases()).containsEntry("contract_k", List.of("contract_k_r2"));

    admin().createAlias("contract_k", "contract_k_r1");
    assertThat(admin().count("contract_k", "*:*")).isEqualTo(3);
    admin().deleteCollection("contract_k_r2");
    assertThat(admin().collections()).doesNotContain("contract_k_r2");
    assertThatThrownBy(() -> admin().createAlias("contract_k", "contract_k_r2")).isInstanceOf(SolrException.class);
    assertThat(admin().aliases()).containsEntry("contract_k", List.of("contract_k_r1"));
  }
}
