package dev.kaizen.lab.embedded;

import dev.kaizen.operator.fakes.FakeElbV2;
import dev.kaizen.operator.solr.SolrAdmin;
import dev.kaizen.operator.solr.SolrUnavailableException;
import dev.kaizen.operator.testing.FakeSolrClouds;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;

/**
 * Solr in the embedded AWS: a URL reaches the SolrCloud of the target group the embedded load balancer of that DNS
 * name and port forwards to (whatever account and Region it is in), whose live nodes are the group's healthy
 * instances — the operator tests' FakeSolrClouds, one per load balancer fake.
 */
public final class EmbeddedSolr implements SolrAdmin.Connector {
  private final EmbeddedAws aws;
  private final Map<FakeElbV2, FakeSolrClouds> clouds = new ConcurrentHashMap<>();

  public EmbeddedSolr(EmbeddedAws aws) {
    this.aws = aws;
  }

  @Override
  public SolrAdmin at(String baseUrl) {
    URI uri = URI.create(baseUrl);
    for (FakeElbV2 elb : aws.all(FakeElbV2.class)) {
      if (elb.route(uri.getHost(), uri.getPort()).isPresent()) {
        return clouds.computeIfAbsent(elb, e -> new FakeSolrClouds(e, aws.ec2(e.accountId(), Region.of(e.region()))))
            .at(baseUrl);
      }
    }
    throw new SolrUnavailableException("Solr at " + baseUrl + " could not be reached: no load balancer listens there",
        null);
  }
}
