package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.cli.PlanEnvironment.Cluster;
import dev.kaizen.operator.solr.ConfigSetSource;
import dev.kaizen.operator.testing.CommandLineRun;
import dev.kaizen.operator.testing.OperatorHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code kaizen plan examples/solrcluster.yaml} against an account (the fakes) without a cluster: the configset comes
 * from the ConfigMap in the same manifest set, so the first colour is planned with the revision it will pin.
 */
class PlanSolrClusterConfigSetTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "solrcluster.yaml");

  private final OperatorHarness harness = new OperatorHarness();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    harness.close();
  }

  private CommandLineRun plan(Path manifests) {
    harness.ssm().put("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        "ami-0aaaaaaaaaaaaaaa1");
    harness.route53().createZone("search.internal", true);
    var sts = new dev.kaizen.operator.fakes.FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
    StsClient caller = sts.client(sts.principal("AKIACIUSER0000000001", OperatorHarness.ACCOUNT,
        "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":user/ci"));
    PlanEnvironment environment = new PlanEnvironment(Optional::empty,
        () -> new dev.kaizen.operator.testing.FakeAwsClients(harness::logs, harness::cloudWatch)
            .serve(StsClient.class, region -> caller)
            .serve(software.amazon.awssdk.services.ec2.Ec2Client.class, harness::ec2)
            .serve(software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client.class,
                harness::elb)
            .serve(software.amazon.awssdk.services.autoscaling.AutoScalingClient.class, harness::autoScaling)
            .serve(software.amazon.awssdk.services.ssm.SsmClient.class, harness::ssm)
            .serve(software.amazon.awssdk.services.route53.Route53Client.class, region -> harness.route53()),
        () -> Cluster.none("--no-cluster was given"), Map.of());
    return CommandLineRun.of(new PlanCommand(environment), "--region", OperatorHarness.REGION.id(), manifests.toString());
  }

  /** The hash of the example's configset files, as the operator pins it. */
  private static String exampleConfigSetHash() throws IOException {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var documents = yaml.readValues(yaml.getFactory().createParser(EXAMPLE.toFile()),
        com.fasterxml.jackson.databind.JsonNode.class).readAll();
    var configMap = documents.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())).findFirst()
        .orElseThrow();
    Map<String, String> files = new TreeMap<>();
    configMap.path("data").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    return ConfigSetSource.hash(files);
  }

  @Test
  void theConfigSetIsReadFromTheManifestSetAndTheFirstColourIsPlannedWithItsRevision() throws IOException {
    CommandLineRun run = plan(EXAMPLE);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("SolrCluster search/products (load balancer ks-bbc91e82dfdd)",
        "CreateLaunchTemplate kaizen-solr-search-products-blue: absent; solr 9.10.1, r6i.large,"
            + " ami-0aaaaaaaaaaaaaaa1, configset " + exampleConfigSetHash(),
        "CreateListener ks-bbc91e82dfdd:80: absent; live -> ks-bbc91e82dfdd-blue");
    assertThat(run.out()).contains("0 stall(s), 0 error(s)");
    assertThat(run.out()).doesNotContain("is missing or empty");
  }

  @Test
  void withoutTheConfigMapInTheSetNorAClusterThePlanSaysItIsMissing() throws IOException {
    String solrClusterOnly = Files.readString(EXAMPLE).split("\n---\n")[0];
    Path alone = Files.writeString(dir.resolve("solrcluster.yaml"), solrClusterOnly);

    CommandLineRun run = plan(alone);

    assertThat(run.out()).contains("The ConfigMap products-configset (spec.configSet.configMapName) is missing or"
        + " empty in search");
  }
}
