package dev.kaizen.operator.solr;

import java.util.List;

/** The fake the operator tests use, held to the contract the real cluster passes. */
class FakeSolrCloudContractTest extends SolrAdminContract {
  private final List<String> live = new java.util.concurrent.CopyOnWriteArrayList<>(
      List.of("10.0.0.2:8983_solr", "10.0.0.3:8983_solr", "10.0.0.4:8983_solr"));
  private final FakeSolrCloud fake = new FakeSolrCloud(() -> List.copyOf(live));

  @Override
  SolrAdmin admin() {
    return fake;
  }

  @Override
  void index(String collection, int count) {
    fake.index(collection, count);
  }

  @Override
  void index(String collection, int count, String field, String value) {
    fake.index(collection, count);
    fake.matches(collection, field + ":" + value, count);
  }

  @Override
  String startNode() {
    live.add("10.0.0.5:8983_solr");
    return "10.0.0.5:8983_solr";
  }

  @Override
  void loseNode(String node) {
    live.remove(node);
  }
}
