package dev.kaizen.operator.solr;

import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.solr.AmiSpec;
import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.ConfigSetSpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import dev.kaizen.operator.api.v1alpha1.solr.ZooKeeperSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** A SolrCluster in the harness, and the test's hand on AWS doing things over time (instances, health checks). */
public final class SolrClusterFixture {
  public static final String NS = "search";
  static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  static final String AMI = "ami-0aaaaaaaaaaaaaaa1";
  static final Duration WAIT = Duration.ofSeconds(60); // generous: the suite shares a loaded 2-core machine

  final OperatorHarness harness;

  public SolrClusterFixture(OperatorHarness harness) {
    this.harness = harness;
    harness.ssm().put(AMI_PARAMETER, AMI);
    harness.client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
        .withMetadata(new ObjectMetaBuilder().withName("products-configset").withNamespace(NS).build())
        .addToData(SolrAdminContract.configSetFiles()).build()).create();
  }

  public static SolrCluster cluster(String name, Consumer<SolrClusterSpec> edit) {
    SolrCluster cluster = new SolrCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    SolrClusterSpec spec = new SolrClusterSpec();
    spec.setSolrVersion("9.10.1");
    spec.setNodes(3);
    spec.setInstanceType("r6i.large");
    AmiSpec ami = new AmiSpec();
    ami.setSsmParameter(AMI_PARAMETER);
    spec.setAmi(ami);
    spec.setVpcId("vpc-0a1b2c3d4e5f60708");
    spec.setSubnets(List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"));
    spec.setSecurityGroups(List.of("sg-0a1b2c3d4e5f60003"));
    spec.setInstanceProfileArn("arn:aws:iam::111122223333:instance-profile/solr-node");
    ZooKeeperSpec zk = new ZooKeeperSpec();
    zk.setConnectString("zk-1:2181,zk-2:2181,zk-3:2181");
    spec.setZookeeper(zk);
    ConfigSetSpec configSet = new ConfigSetSpec();
    configSet.setConfigMapName("products-configset");
    spec.setConfigSet(configSet);
    spec.setCollections(List.of(new CollectionSpec("products", 2, 2)));
    spec.setTags(new java.util.LinkedHashMap<>(java.util.Map.of("team", "search")));
    edit.accept(spec);
    cluster.setSpec(spec);
    return cluster;
  }

  public SolrCluster create(SolrCluster cluster) {
    return harness.client().resources(SolrCluster.class).inNamespace(NS).resource(cluster).create();
  }

  public Resource<SolrCluster> resource(String name) {
    return harness.client().resources(SolrCluster.class).inNamespace(NS).withName(name);
  }

  SolrCluster edit(String name, Consumer<SolrClusterSpec> change) {
    return OperatorHarness.edit(resource(name), c -> {
      change.accept(c.getSpec());
      return c;
    });
  }

  /**
   * What an earlier tool left at a cluster's names, without any ownership tag: the load balancer with its live and
   * test listeners, blue's target group, a launch template (other content) and an Auto Scaling group of one
   * unprotected node. Made as someone else, so the IAM test does not count these calls as the operator's.
   */
  public void leftoversWithoutTags(String name) {
    SolrClusterNames names = names(name);
    var elb = harness.elb();
    List<String> subnets = List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002");
    elb.backdoorCreateLoadBalancer(names.loadBalancer(), subnets, java.util.Map.of("team", "search"));
    FakeAwsService.asSomeoneElse(() -> elb.createTargetGroup(r -> r.name(names.targetGroup(Colour.BLUE))
        .protocol("HTTP").port(8983).vpcId("vpc-0a1b2c3d4e5f60708")));
    String lb = elb.loadBalancerArn(names.loadBalancer()).orElseThrow();
    String tg = elb.targetGroupArn(names.targetGroup(Colour.BLUE)).orElseThrow();
    for (int port : List.of(80, 8983)) {
      FakeAwsService.asSomeoneElse(() -> elb.createListener(r -> r.loadBalancerArn(lb).port(port).protocol("HTTP")
          .defaultActions(a -> a.type("forward").targetGroupArn(tg))));
    }
    harness.ec2().backdoorCreateTemplate(names.launchTemplate(Colour.BLUE), java.util.Map.of());
    FakeAwsService.asSomeoneElse(() -> harness.autoScaling().createAutoScalingGroup(r -> r
        .autoScalingGroupName(names.autoScalingGroup(Colour.BLUE))
        .launchTemplate(t -> t.launchTemplateName(names.launchTemplate(Colour.BLUE)).version("$Latest"))
        .minSize(1).maxSize(1).desiredCapacity(1).targetGroupARNs(tg)
        .vpcZoneIdentifier(String.join(",", subnets))));
    elb.clearCalls();
    harness.autoScaling().clearCalls();
  }

  /** AWS does, at once, what it does over time: launches and terminates instances, passes health checks. */
  public void settle() {
    harness.autoScaling().settle();
    harness.elb().settle();
  }

  /** Waits until Ready (InSync) for {@code generation} or later, letting AWS progress meanwhile. */
  public SolrCluster awaitReady(String name, long generation) {
    SolrCluster[] seen = new SolrCluster[1];
    try {
      await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
        settle();
        seen[0] = resource(name).get();
        return hasCondition(seen[0], Conditions.READY, "True", Reasons.IN_SYNC, generation);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not Ready; status: " + harness.client().getKubernetesSerialization()
          .asYaml(seen[0] == null ? null : seen[0].getStatus()), e);
    }
    return seen[0];
  }

  /** Waits for a condition without letting AWS progress. */
  SolrCluster awaitCondition(String name, String type, String status, String reason) {
    SolrCluster[] seen = new SolrCluster[1];
    await().atMost(WAIT).until(() -> {
      seen[0] = resource(name).get();
      return hasCondition(seen[0], type, status, reason, 0);
    });
    return seen[0];
  }

  public static boolean hasCondition(SolrCluster c, String type, String status, String reason, long generation) {
    return c != null && c.getStatus() != null && c.getStatus().getObservedGeneration() != null
        && c.getStatus().getObservedGeneration() >= generation
        && Conditions.find(c.getStatus().getConditions(), type)
            .filter(x -> status.equals(x.getStatus()) && (reason == null || reason.equals(x.getReason())))
            .isPresent();
  }

  public static SolrClusterNames names(String name) {
    return new SolrClusterNames(NS, name);
  }

  public String blueTargetGroup(String name) {
    return harness.elb().targetGroupArn(names(name).targetGroup(Colour.BLUE)).orElseThrow();
  }

  public FakeSolrCloud blueSolr(String name) {
    return harness.solr().cloud(blueTargetGroup(name));
  }
}
