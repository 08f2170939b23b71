package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.AwsOverTime;
import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeElbV2;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.solr.SolrClusterNames;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.regions.Region;

/**
 * A three-node SolrCluster with one collection behind its load balancer, and its endpoint record in a private zone
 * shared with records of others — as the demo's example, without the rollout options. AWS launches the instances
 * and passes their health checks over time (half-second ticks); the embedded Solr answers on the load balancer.
 */
final class SolrClusterBench implements BenchKind {
  static final String ZONE = "search.bench.internal";
  static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  static final String VPC = "vpc-0a1b2c3d4e5f60708";
  static final String CONFIG_SET = "bench-solr-configset";
  private String zoneId;
  /** Kept: its ticks are what launches the instances and passes their checks. */
  private AwsOverTime overTime;

  @Override
  public String kind() {
    return "SolrCluster";
  }

  @Override
  public String plural() {
    return "solrclusters";
  }

  @Override
  public String manifest(String namespace, int index, Region region) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: SolrCluster
        metadata:
          name: solr-%1$d
          namespace: %2$s
        spec:
          region: %3$s
          solrVersion: 9.10.1
          nodes: 3
          instanceType: r6i.large
          ami:
            ssmParameter: %4$s
          vpcId: %5$s
          subnets: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]
          securityGroups: [sg-0a1b2c3d4e5f60003]
          instanceProfileArn: arn:aws:iam::%6$s:instance-profile/solr-node
          zookeeper:
            connectString: zk-1.%7$s:2181,zk-2.%7$s:2181,zk-3.%7$s:2181
          configSet:
            configMapName: %8$s
          collections:
            - name: products
              shards: 1
              replicationFactor: 2
          dns:
            hostedZoneName: %7$s
            recordName: solr-%1$d.%7$s
        """.formatted(index, namespace, region.id(), AMI_PARAMETER, VPC, EmbeddedAws.OPERATOR_ACCOUNT, ZONE,
        CONFIG_SET);
  }

  /** The configset every cluster of the benchmark mounts. */
  @Override
  public List<String> clusterObjects(String namespace) {
    return List.of("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
          namespace: %s
        data:
          solrconfig.xml: "<config><luceneMatchVersion>9.10</luceneMatchVersion></config>"
          schema.xml: "<schema name=\\"products\\" version=\\"1.6\\"><uniqueKey>id</uniqueKey></schema>"
        """.formatted(CONFIG_SET, namespace));
  }

  /** The AMI parameter the clusters resolve, and the private zone of their endpoint records. */
  @Override
  public void prepare(EmbeddedAws aws, Region region, int count) {
    aws.ssm(EmbeddedAws.OPERATOR_ACCOUNT, region).put(AMI_PARAMETER, "ami-0aaaaaaaaaaaaaaa1");
    zoneId = aws.route53(EmbeddedAws.OPERATOR_ACCOUNT).createZone(ZONE, true);
    overTime = new AwsOverTime(aws, Duration.ofSeconds(2), Duration.ofMillis(500));
  }

  /** Twenty records of others per cluster (at least 500) in the private zone, and a load balancer of others each. */
  @Override
  public int seedForeign(EmbeddedAws aws, Region region, int resources) {
    FakeRoute53 route53 = aws.route53(EmbeddedAws.OPERATOR_ACCOUNT);
    int records = Math.max(500, resources * 20);
    for (int i = 0; i < records; i++) {
      route53.seed(zoneId, "db-" + i + "." + ZONE, "A", 300, "10.0." + (i / 250 % 250) + "." + (i % 250 + 1));
    }
    FakeElbV2 elb = aws.elb(EmbeddedAws.OPERATOR_ACCOUNT, region);
    for (int i = 0; i < resources; i++) {
      elb.backdoorCreateLoadBalancer("others-" + i, List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
          Map.of("team", "others"));
    }
    return records + resources;
  }

  /** Someone points the live listener at a target group of their own; put right when it forwards to its own again. */
  @Override
  public Optional<BooleanSupplier> injectDrift(EmbeddedAws aws, KubernetesClient kube,
      GenericKubernetesResource cluster) {
    Map<?, ?> spec = (Map<?, ?>) cluster.getAdditionalProperties().get("spec");
    FakeElbV2 elb = aws.elb(EmbeddedAws.OPERATOR_ACCOUNT, Region.of(String.valueOf(spec.get("region"))));
    String loadBalancer = new SolrClusterNames(cluster.getMetadata().getNamespace(), cluster.getMetadata().getName())
        .loadBalancer();
    Optional<String> live = elb.forwardOf(loadBalancer, 80);
    if (live.isEmpty()) {
      return Optional.empty();
    }
    String elsewhere = "others-" + cluster.getMetadata().getName();
    FakeAwsService.asSomeoneElse(() -> elb.createTargetGroup(r -> r.name(elsewhere).protocol("HTTP").port(80)
        .vpcId(VPC)));
    elb.backdoorForward(loadBalancer, 80, elb.targetGroupArn(elsewhere).orElseThrow());
    return Optional.of(() -> elb.forwardOf(loadBalancer, 80).equals(live));
  }

  /**
   * Its launch template, Auto Scaling group, load balancer, two listeners, target group and endpoint record (with its
   * ownership TXT record): eight, as Crossplane or ACK would each manage them.
   */
  @Override
  public int awsObjectsEach() {
    return 8;
  }
}
