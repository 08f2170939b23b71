package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.regions.Region;

/** A log group kept 30 days with one metric filter and its alarm: a typical service's pipeline. */
final class LogPipelineBench implements BenchKind {
  private static final int RETENTION = 30;

  @Override
  public String kind() {
    return "LogPipeline";
  }

  @Override
  public String plural() {
    return "logpipelines";
  }

  @Override
  public String manifest(String namespace, int index, Region region) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata:
          name: pipeline-%1$d
          namespace: %2$s
        spec:
          region: %3$s
          logGroup:
            retentionDays: %4$d
          metricFilters:
            - name: errors
              pattern: "?ERROR ?Exception"
              metric:
                namespace: Bench/Pipeline%1$d
                name: Errors
                value: "1"
              alarm:
                threshold: 20
                comparison: GreaterThanThreshold
                statistic: Sum
                periodSeconds: 60
                evaluationPeriods: 3
        """.formatted(index, namespace, region.id(), RETENTION);
  }

  /** Four groups of others per resource (at least 2,000), one in ten with a metric filter. */
  @Override
  public int seedForeign(EmbeddedAws aws, Region region, int resources) {
    FakeCloudWatchLogs logs = aws.logs(EmbeddedAws.OPERATOR_ACCOUNT, region);
    int groups = Math.max(2000, resources * 4);
    FakeAwsService.asSomeoneElse(() -> {
      for (int i = 0; i < groups; i++) {
        String name = "/others/service-" + i + "/app";
        logs.createLogGroup(r -> r.logGroupName(name).tags(Map.of("team", "others")));
        if (i % 10 == 0) {
          logs.putMetricFilter(r -> r.logGroupName(name).filterName("errors").filterPattern("ERROR")
              .metricTransformations(t -> t.metricNamespace("Others").metricName("Errors").metricValue("1")));
        }
      }
      return null;
    });
    return groups + groups / 10;
  }

  /** Someone shortens the retention by hand; put right when it is 30 days again. */
  @Override
  public Optional<BooleanSupplier> injectDrift(EmbeddedAws aws, KubernetesClient kube,
      GenericKubernetesResource pipeline) {
    Region region = Region.of(String.valueOf(((Map<?, ?>) pipeline.getAdditionalProperties().get("spec"))
        .get("region")));
    FakeCloudWatchLogs logs = aws.logs(EmbeddedAws.OPERATOR_ACCOUNT, region);
    String group = groupName(pipeline);
    FakeAwsService.asSomeoneElse(() -> logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(7)));
    return Optional.of(() -> FakeAwsService.asSomeoneElse(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix(group))
        .logGroups().stream().anyMatch(g -> g.logGroupName().equals(group)
            && Integer.valueOf(RETENTION).equals(g.retentionInDays()))));
  }

  private static String groupName(GenericKubernetesResource pipeline) {
    Map<?, ?> status = (Map<?, ?>) pipeline.getAdditionalProperties().get("status");
    return String.valueOf(((Map<?, ?>) status.get("logGroup")).get("name"));
  }

  /** The log group, its metric filter and its alarm. */
  @Override
  public int awsObjectsEach() {
    return 3;
  }
}
