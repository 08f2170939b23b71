package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.cli.PlanEnvironment.Cluster;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.CommandLineRun;
import dev.kaizen.operator.testing.FakeAwsClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.sts.StsClient;
import dev.kaizen.operator.fakes.FakeSts;

/**
 * {@code kaizen import loggroups} against a seeded account of years of groups: its output passes {@code kaizen
 * validate}, and {@code kaizen plan} on it against the same account shows only the adoption (owner tags).
 */
class ImportLogGroupsTest {
  private static final String ACCOUNT = "111122223333";
  private static final String KMS = "arn:aws:kms:eu-west-1:111122223333:key/7f1c2a4e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";

  private final FakeCloudWatchLogs logs = new FakeCloudWatchLogs("eu-west-1", ACCOUNT);
  private final FakeCloudWatch cloudWatch = new FakeCloudWatch("eu-west-1", ACCOUNT);

  @TempDir
  Path dir;

  private static CommandLineRun run(Callable<Integer> command, String... args) {
    return CommandLineRun.of(command, args);
  }

  private PlanEnvironment environment() {
    return new PlanEnvironment(Optional::empty,
        () -> new FakeAwsClients(r -> logs, r -> cloudWatch).serve(StsClient.class, r -> sts(r.id())),
        () -> Cluster.none("no kubeconfig was found"), Map.of());
  }

  /** STS answering for the credentials of a user of the account. */
  private static StsClient sts(String region) {
    var sts = new FakeSts(region, ACCOUNT);
    return sts.client(sts.principal("AKIAIMPORTUSER000001", ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/importer"));
  }

  /** Sixty groups of a service estate (more than a page), one already owned, and groups outside the prefix. */
  private void seed() {
    for (int i = 0; i < 60; i++) {
      String group = "/shop/service-" + i;
      logs.backdoorCreate(group, i % 3 == 0 ? Map.of("team", "shop", "cost-center", "4711") : Map.of());
      logs.backdoorSetRetention(group, List.of(7, 30, 365).get(i % 3));
      if (i % 4 == 0) {
        logs.backdoorSetKmsKey(group, KMS);
      }
    }
    logs.backdoorSetRetention("/shop/service-59", null);
    // A filter the operator's naming covers, with its alarm; one of the old naming; a foreign subscription.
    logs.backdoorPutMetricFilter("/shop/service-1", "kaizen/errors", "?ERROR ?Exception", MetricTransformation
        .builder().metricNamespace("Shop/Service1").metricName("Errors").metricValue("1").defaultValue(0.0)
        .unit("Count").build());
    cloudWatch.putMetricAlarm(r -> r.alarmName("kaizen:/shop/service-1:errors").namespace("Shop/Service1")
        .metricName("Errors").statistic(Statistic.SUM).period(60).evaluationPeriods(3).threshold(20.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData("notBreaching")
        .alarmDescription("More than 20 errors a minute").alarmActions("arn:aws:sns:eu-west-1:111122223333:oncall"));
    logs.backdoorPutMetricFilter("/shop/service-2", "ErrorCount", "ERROR", MetricTransformation.builder()
        .metricNamespace("Legacy").metricName("ErrorCount").metricValue("1").build());
    // Already some LogPipeline's: never imported for adoption.
    logs.backdoorCreate("/shop/owned", Map.of("kaizen.dev/cluster", "prod", "kaizen.dev/owner",
        "shop/LogPipeline/owned", "kaizen.dev/uid", "u-1"));
    logs.backdoorCreate("/other/service");
    logs.backdoorCreate("/shopping/cart");
    // What the model cannot carry: an Infrequent Access group, and a data protection policy.
    logs.backdoorCreate("/shop/archive", Map.of(), LogGroupClass.INFREQUENT_ACCESS);
    logs.backdoorPutDataProtectionPolicy("/shop/service-3", "{\"Name\":\"mask-emails\",\"Version\":\"2021-06-01\","
        + "\"Statement\":[]}");
  }

  @Test
  void importThenValidateThenPlanShowsOnlyTheAdoption() throws IOException {
    seed();
    CommandLineRun imported = run(new ImportLogGroupsCommand(environment()), "--prefix", "/shop/", "--region", "eu-west-1",
        "--namespace", "shop");
    assertThat(imported.err()).isEmpty();
    assertThat(imported.exit()).isZero();
    String out = imported.out();
    assertThat(out).startsWith("# kaizen import loggroups --prefix /shop/: 62 log group(s) in eu-west-1.");
    assertThat(out.split("\n---\n|^---\n")).hasSize(63);
    assertThat(out).contains("name: \"shop-service-1\"", "adopt: true", "name: \"/shop/service-59\"",
        "kmsKeyArn: \"" + KMS + "\"", "cost-center: \"4711\"", "threshold: 20.0",
        "# metric filter ErrorCount (pattern \"ERROR\") is left as it is",
        "# /shop/owned: not imported, it carries kaizen-operator ownership tags (owner shop/LogPipeline/owned)",
        "# log group class INFREQUENT_ACCESS is kept", "takes no metric or subscription filters",
        "# a data protection policy is active on this group (sensitive data masked)",
        "--log-group-identifier /shop/service-3.");
    // Only the two groups that have them say so.
    assertThat(out.split("log group class ")).hasSize(2);
    assertThat(out.split("data protection policy is active")).hasSize(2);
    assertThat(out).doesNotContain("/other/service", "/shopping/cart", "kaizen.dev/uid", "u-1");
    Path manifests = dir.resolve("imported.yaml");
    Files.writeString(manifests, out);

    CommandLineRun validated = run(new ValidateCommand(), manifests.toString());
    assertThat(validated.err()).isEmpty();
    assertThat(validated.exit()).isZero();
    assertThat(validated.out()).contains("61 resource(s) checked, 0 problem(s)");

    int before = logs.mutatingCalls().size() + cloudWatch.mutatingCalls().size();
    CommandLineRun planned = run(new PlanCommand(environment()), "--cluster-id", "prod-eu", "--region", "eu-west-1",
        manifests.toString());
    assertThat(planned.exit()).as(planned.out() + planned.err()).isZero();
    List<String> changes = planned.out().lines().filter(line -> line.startsWith("  ")).toList();
    // Each group gets its owner tags, and the one alarm its own: nothing else would change.
    assertThat(changes).hasSize(62).allSatisfy(line -> assertThat(line).startsWith("  TagResource "));
    assertThat(planned.out()).contains("61 resource(s), 62 change(s), 0 stall(s), 0 error(s).");
    assertThat(logs.mutatingCalls().size() + cloudWatch.mutatingCalls().size()).as("read-only").isEqualTo(before);
  }

  @Test
  void importIsRegisteredUnderTheRootCommand() {
    CommandLine root = new CommandLine(new Main());
    assertThat(root.getSubcommands().get("import").getSubcommands()).containsKey("loggroups");
  }
}
