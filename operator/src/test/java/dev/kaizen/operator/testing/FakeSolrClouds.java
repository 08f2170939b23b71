package dev.kaizen.operator.testing;

import dev.kaizen.operator.fakes.FakeEc2;
import dev.kaizen.operator.fakes.FakeElbV2;
import dev.kaizen.operator.solr.FakeSolrCloud;
import dev.kaizen.operator.solr.SolrAdmin;
import dev.kaizen.operator.solr.SolrState;
import dev.kaizen.operator.solr.SolrUnavailableException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The Solr side of the fake AWS: a URL is routed as the load balancer would ({@code http://<dns>:<port>} -> the
 * listener's target group), and each target group is one colour's SolrCloud whose live nodes are the group's healthy
 * targets ({@code <private ip>:8983_solr}). So Solr sees nodes come and go exactly as the fakes' instances do.
 */
public final class FakeSolrClouds implements SolrAdmin.Connector {
  private final FakeElbV2 elb;
  private final FakeEc2 ec2;
  private final Map<String, FakeSolrCloud> byTargetGroup = new ConcurrentHashMap<>();

  public FakeSolrClouds(FakeElbV2 elb, FakeEc2 ec2) {
    this.elb = elb;
    this.ec2 = ec2;
  }

  @Override
  public SolrAdmin at(String baseUrl) {
    URI uri = URI.create(baseUrl);
    String targetGroup = elb.route(uri.getHost(), uri.getPort()).orElseThrow(() -> new SolrUnavailableException(
        "Solr at " + baseUrl + " could not be reached: no listener", null));
    return cloud(targetGroup);
  }

  /** The SolrCloud behind a target group (one colour). */
  public FakeSolrCloud cloud(String targetGroupArn) {
    return byTargetGroup.computeIfAbsent(targetGroupArn, tg -> new FakeSolrCloud(() -> liveNodes(tg)));
  }

  public Optional<FakeSolrCloud> existing(String targetGroupArn) {
    return Optional.ofNullable(byTargetGroup.get(targetGroupArn));
  }

  private List<String> liveNodes(String targetGroupArn) {
    try {
      return elb.targets(targetGroupArn).entrySet().stream()
          .filter(e -> e.getValue() == TargetHealthStateEnum.HEALTHY)
          .map(e -> ec2.privateIp(e.getKey()).map(SolrState::nodeName).orElse(null))
          .filter(java.util.Objects::nonNull).sorted().toList();
    } catch (RuntimeException gone) {
      return List.of();
    }
  }
}
