package dev.kaizen.operator.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SolrJ adapter against a real SolrCloud in this JVM: Solr's own test framework ({@code MiniSolrCloudCluster},
 * {@value #NODES} Jetty nodes and an embedded ZooKeeper), started once for the class.
 */
class SolrJAdminContractTest extends SolrAdminContract {
  private static MiniSolrCloudCluster cluster;
  private static Path baseDir;

  @BeforeAll
  static void startCluster() throws Exception {
    baseDir = Files.createTempDirectory("kaizen-solr");
    cluster = new MiniSolrCloudCluster.Builder(NODES, baseDir).build();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Override
  SolrAdmin admin() {
    // Any node will do, as the load balancer picks any node of a colour.
    return new SolrJAdmin(cluster.getJettySolrRunner(0).getBaseUrl().toString());
  }

  @Override
  String startNode() throws Exception {
    var jetty = cluster.startJettySolrRunner();
    cluster.waitForNode(jetty, 30);
    return jetty.getNodeName();
  }

  @Override
  void loseNode(String node) throws Exception {
    for (var jetty : cluster.getJettySolrRunners()) {
      if (node.equals(jetty.getNodeName())) {
        cluster.stopJettySolrRunner(jetty);
        cluster.waitForJettyToStop(jetty);
        return;
      }
    }
    throw new IllegalArgumentException("no node " + node);
  }

  @Override
  void index(String collection, int count) throws Exception {
    index(collection, count, "name_s", null);
  }

  @Override
  void index(String collection, int count, String field, String value) throws Exception {
    try (SolrClient client = new HttpJdkSolrClient.Builder(cluster.getJettySolrRunner(0).getBaseUrl().toString())
        .useHttp1_1(true).build()) {
      List<SolrInputDocument> docs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", "doc-" + i);
        doc.addField(field, value == null ? "document " + i : value);
        docs.add(doc);
      }
      client.add(collection, docs);
      client.commit(collection);
    }
  }
}
