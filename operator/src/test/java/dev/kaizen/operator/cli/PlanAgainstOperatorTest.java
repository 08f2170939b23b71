package dev.kaizen.operator.cli;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.cli.PlanEnvironment.Cluster;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.testing.CommandLineRun;
import dev.kaizen.operator.testing.FakeAwsClients;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code kaizen plan} against the AWS fakes and the API server exactly as the running operator left them: the real
 * operator converges the pipelines first, then the plan command's code reads the same fakes with the operator's
 * cluster identity (found in the cluster, as a user's kubeconfig would give it).
 */
class PlanAgainstOperatorTest {
  private static final String NS = "shop";
  private static final String DESTINATION = "arn:aws:lambda:eu-west-1:" + OperatorHarness.ACCOUNT + ":function:ship";
  private static final Path GOLDENS = Path.of("src/test/resources/cli");

  private final OperatorHarness harness = new OperatorHarness();

  @TempDir
  Path dir;

  @BeforeEach
  void converge() throws IOException {
    // The identity the installer set, where the operator's Deployment reads it.
    harness.client().configMaps().inNamespace("kaizen-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("kaizen-operator-identity").endMetadata()
        .withData(Map.of("cluster-id", OperatorHarness.CLUSTER.id())).build()).create();
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    for (LogPipeline pipeline : pipelines()) {
      harness.client().resources(LogPipeline.class).inNamespace(NS).resource(pipeline).create();
      write(pipeline);
    }
    for (LogPipeline pipeline : pipelines()) {
      harness.awaitReady(NS, pipeline.getMetadata().getName());
    }
    // What the operator left is what the plan reads: no operator may correct the drift the tests make.
    harness.operator().close();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static List<LogPipeline> pipelines() {
    return List.of(
        logPipeline(NS, "web").retentionDays(30).tag("team", "shop").metricFilter("errors", "ERROR", 5.0)
            .subscription(DESTINATION).pods("app", "web").build(),
        logPipeline(NS, "api").retentionDays(7).metricFilter("errors", "ERROR", null).build());
  }

  private void write(LogPipeline pipeline) throws IOException {
    Files.writeString(dir.resolve(pipeline.getMetadata().getName() + ".yaml"), Serialization.asYaml(pipeline));
  }

  /** STS answering for the credentials of a CI user of the operator's account. */
  private static StsClient sts() {
    var sts = new dev.kaizen.operator.fakes.FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
    return sts.client(sts.principal("AKIACIUSER0000000001", OperatorHarness.ACCOUNT,
        "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":user/ci"));
  }

  private CommandLineRun plan(String... options) {
    PlanEnvironment environment = new PlanEnvironment(Optional::empty,
        () -> new FakeAwsClients(harness::logs, harness::cloudWatch).serve(StsClient.class, region -> sts()),
        // A client of its own: the command closes the cluster client it was given.
        () -> new Cluster(Optional.of(new KubernetesClientBuilder()
            .withConfig(harness.client().getConfiguration()).build()), ""),
        Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));
    // As the harness runs the operator: one Fluent Bit ConfigMap, YAML files.
    String[] args = new String[options.length + 5];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "--region";
    args[options.length + 1] = OperatorHarness.REGION.id();
    args[options.length + 2] = "--fluent-bit-shards";
    args[options.length + 3] = "1";
    args[options.length + 4] = dir.toString();
    return CommandLineRun.of(new PlanCommand(environment), args);
  }

  @Test
  void whatTheOperatorConvergedPlansAsInSync() {
    CommandLineRun run = plan("--detailed-exitcode");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains(
        "Planning against AWS account 111122223333 (the current credentials, reading only).",
        "Custom endpoints: CloudWatch Logs: http://localhost:4566; CloudWatch: http://localhost:4566;"
            + " STS: http://localhost:4566.",
        "Judging ownership as cluster test-cluster-uid (ConfigMap kaizen-system/kaizen-operator-identity key"
            + " cluster-id, as the installed operator reads it).",
        "Kubernetes objects (the Fluent Bit ConfigMap logging/kaizen-fluent-bit) read from the current kubeconfig's"
            + " cluster.",
        "LogPipeline shop/web (log group /shop/web): in sync, nothing to change.",
        "LogPipeline shop/api (log group /shop/api): in sync, nothing to change.",
        "2 resource(s), 0 change(s), 0 stall(s), 0 error(s).");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.OK);
  }

  @Test
  void withoutTheOperatorsIdentityEverythingWouldBeAnotherClusters() {
    CommandLineRun run = plan("--cluster-id", "another-cluster", "--detailed-exitcode");

    assertThat(run.out()).contains("LogPipeline shop/web (log group /shop/web): would stall, OwnedByAnother:",
        "2 resource(s), 0 change(s), 2 stall(s), 0 error(s).");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.STALLS);
  }

  @Test
  void withoutAClusterObjectsOfTheSameOwnerAreAssumedTheOperatorsAndThePlanSaysSo() {
    CommandLineRun run = plan("--no-cluster", "--detailed-exitcode");

    assertThat(run.out()).contains(
        "Ownership by cluster cannot be judged: no --cluster-id, and --no-cluster was given. Assumed: an object"
            + " tagged by the same resource (namespace/kind/name) belongs to the operator's cluster",
        "Kubernetes objects (the Fluent Bit ConfigMap logging/kaizen-fluent-bit) show as absent: --no-cluster was"
            + " given.",
        """
        LogPipeline shop/web (log group /shop/web): 1 change(s):
          PutConfigMapKey logging/kaizen-fluent-bit shop.yaml: absent
        """,
        "LogPipeline shop/api (log group /shop/api): in sync, nothing to change.");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.CHANGES);
  }

  @Test
  void whatTheOperatorRecordedInStatusIsPlannedWithAsTheOperatorDoes() throws IOException {
    // The repository drops a tag and stops shipping logs: only the status says the tag was set from the spec and
    // the key was written, so only with the status is the plan the operator's.
    write(logPipeline(NS, "web").retentionDays(30).metricFilter("errors", "ERROR", 5.0).subscription(DESTINATION)
        .build());

    CommandLineRun run = plan("--detailed-exitcode");

    assertThat(run.out()).contains("Each resource's status was read from the cluster where it exists", """
        LogPipeline shop/web (log group /shop/web): 2 change(s):
          UntagResource /shop/web: removed from spec: team
          RemoveConfigMapKey logging/kaizen-fluent-bit shop.yaml: no pipeline of the namespace selects pods
        """);
    assertThat(plan("--no-cluster").out()).as("without the cluster's status").contains(
        "LogPipeline shop/web (log group /shop/web): in sync, nothing to change.");
  }

  @Test
  void aRebuiltClustersPlanRetagsWhatItTakesOverFrom() {
    // The operator was installed again under a new identity, told to take over from the old one.
    CommandLineRun run = plan("--cluster-id", "rebuilt", "--take-over-from", OperatorHarness.CLUSTER.id(), "--detailed-exitcode");

    assertThat(run.out()).contains("TagResource /shop/web: set kaizen.dev/cluster",
        "TagResource kaizen:/shop/web:errors: taken over from a previous cluster identity: owner tags of this cluster");
    assertThat(run.out()).doesNotContain("OwnedByAnother");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.CHANGES);
  }

  @Test
  void driftPlansAsMinimalOldToNewChanges() throws IOException {
    harness.logs().backdoorSetRetention("/shop/web", 7);
    harness.cloudWatch().backdoorSetThreshold("kaizen:/shop/web:errors", 9);
    var filter = harness.logs().metricFilters("/shop/api").get("kaizen/errors");
    harness.logs().backdoorPutMetricFilter("/shop/api", "kaizen/errors", "\"level=error\"",
        filter.metricTransformations().get(0));
    harness.client().configMaps().inNamespace("logging").withName("kaizen-fluent-bit")
        .edit(c -> { c.getData().remove("shop.yaml"); return c; });

    CommandLineRun run = plan("--detailed-exitcode");

    assertThat(run.out()).contains("""
        LogPipeline shop/web (log group /shop/web): 3 change(s):
          PutRetentionPolicy /shop/web: 7 days -> 30 days
          PutMetricAlarm kaizen:/shop/web:errors: threshold 9 -> 5
          PutConfigMapKey logging/kaizen-fluent-bit shop.yaml: absent
        """, """
        LogPipeline shop/api (log group /shop/api): 1 change(s):
          PutMetricFilter /shop/api kaizen/errors: pattern "\\"level=error\\"" -> ERROR
        """, "2 resource(s), 4 change(s), 0 stall(s), 0 error(s).");
    assertThat(run.out()).doesNotContain("TagResource");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.CHANGES);
    assertGolden("plan-drift.json", plan("--output", "json").out());
    assertGolden("plan-drift.md", plan("--output", "markdown").out());
  }

  @Test
  void whatTheOperatorWouldStallOnPlansAsAStall() throws IOException {
    // Someone else's group under the name a new pipeline asks for.
    harness.logs().backdoorCreate("/shop/orders", Map.of("team", "orders"));
    write(logPipeline(NS, "orders").retentionDays(14).build());
    // An alarm of the operator's naming that nobody tagged: never taken over by an update.
    harness.cloudWatch().putMetricAlarm(r -> r.alarmName("kaizen:/shop/api:latency").namespace("Shop/Web")
        .metricName("latency").statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
    Files.writeString(dir.resolve("api.yaml"), Serialization.asYaml(logPipeline(NS, "api").retentionDays(7)
        .metricFilter("errors", "ERROR", null).metricFilter("latency", "LATENCY", 1.0).build()));
    // Two subscription filters of others on a group a new pipeline would subscribe.
    harness.logs().backdoorCreate("/shop/audit", Map.of(OwnerTags.CLUSTER, OperatorHarness.CLUSTER.id(),
        OwnerTags.OWNER, "shop/LogPipeline/audit", OwnerTags.UID, "some-uid"));
    for (String name : List.of("siem", "archive")) {
      harness.logs().putSubscriptionFilter(r -> r.logGroupName("/shop/audit").filterName(name).filterPattern("")
          .destinationArn(DESTINATION));
    }
    write(logPipeline(NS, "audit").subscription(DESTINATION).build());

    CommandLineRun run = plan("--detailed-exitcode");

    assertThat(run.out()).contains(
        "LogPipeline shop/orders (log group /shop/orders): would stall, NameConflict: The log group /shop/orders"
            + " already exists and carries no kaizen.dev owner marker",
        "LogPipeline shop/api (log group /shop/api): would stall, NameConflict: The alarm kaizen:/shop/api:latency"
            + " already exists and carries no kaizen.dev owner marker",
        "LogPipeline shop/audit (log group /shop/audit): would stall, InvalidSpec: The log group /shop/audit already"
            + " has 2 subscription filters (archive, siem), the most CloudWatch Logs allows per group",
        "LogPipeline shop/web (log group /shop/web): in sync, nothing to change.",
        "4 resource(s), 0 change(s), 3 stall(s), 0 error(s).");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.STALLS);
    assertThat(plan().exit()).as("without --detailed-exitcode a stall is a plan").isEqualTo(PlanExitCodes.OK);
    assertGolden("plan-stalls.json", plan("--output", "json").out());
    assertGolden("plan-stalls.md", plan("--output", "markdown").out());
    assertThat(harness.cloudWatch().tags("kaizen:/shop/api:latency")).isEmpty();
  }

  @Test
  void anAwsErrorNamesServiceOperationStatusAndEndpoint() {
    harness.logs().failNext("DescribeLogGroups", 1, Fault.INTERNAL_FAILURE);
    harness.cloudWatch().failNextWith("DescribeAlarms", 1,
        () -> software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(503).build());

    CommandLineRun run = plan("--detailed-exitcode");

    // Planned in file order (api, then web): the first failure stops api, the second web.
    assertThat(run.out()).contains("LogPipeline shop/api (log group /shop/api): not planned, CloudWatch Logs"
        + " DescribeLogGroups at http://localhost:4566 failed: HTTP 500, InternalFailure",
        "LogPipeline shop/web (log group /shop/web): not planned, CloudWatch DescribeAlarms at http://localhost:4566"
            + " failed: HTTP 503 (no error code).");
    assertThat(run.out()).doesNotContain("null");
    assertThat(run.exit()).isEqualTo(PlanExitCodes.ERROR);
  }

  /** Compares with the golden file; {@code -Dkaizen.updateGoldens=true} rewrites it. */
  private static void assertGolden(String name, String actual) throws IOException {
    Path golden = GOLDENS.resolve(name);
    if (Boolean.getBoolean("kaizen.updateGoldens")) {
      Files.createDirectories(GOLDENS);
      Files.writeString(golden, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(golden));
  }
}
