package dev.kaizen.operator.solr;

import java.util.List;

/** The fake the operator tests use, held to the contract the real cluster passes. */
class FakeSolrCloudContractTest extends SolrAdminContract {
  private final FakeSolrCloud fake = new FakeSolrCloud(
      () -> List.of("10.0.0.2:8983_solr", "10.0.0.3:8983_solr", "10.0.0.4:8983_solr"));

  @Override
  SolrAdmin admin() {
    return fake;
  }

  @Override
  void index(String collection, int count) {
    fake.index(collection, count);
  }
}
