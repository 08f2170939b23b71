package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogGroupStatus;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;

/** Drift detection must not cost one AWS read per resource: 200 unchanged pipelines share a few listings. */
class LogPipelineScaleTest {
  private static final int PIPELINES = 200;

  @Test
  void resyncOfManyUnchangedPipelinesCostsAFewListings() {
    try (OperatorHarness harness = new OperatorHarness()) {
      var aws = harness.logs();
      var pipelines = harness.client().resources(LogPipeline.class).inNamespace("shop");
      for (int i = 0; i < PIPELINES; i++) {
        // As a running operator left them: group in AWS, status recording a recent full sync.
        LogPipeline created = pipelines.resource(logPipeline("shop", "p" + i).retentionDays(30).build()).create();
        String name = "/shop/p" + i;
        aws.backdoorCreate(name, OwnerTags.of(OperatorHarness.CLUSTER, "shop", "LogPipeline", "p" + i,
            created.getMetadata().getUid()).asTags());
        aws.backdoorSetRetention(name, 30);
        LogGroupStatus group = new LogGroupStatus();
        group.setName(name);
        LogPipelineStatus status = new LogPipelineStatus();
        status.setLogGroup(group);
        status.setObservedGeneration(created.getMetadata().getGeneration());
        status.setLastFullSyncTime(Instant.now().toString());
        created.setStatus(status);
        pipelines.resource(created).updateStatus();
      }

      harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
      await().atMost(Duration.ofSeconds(60)).until(() -> pipelines.list().getItems().stream()
          .filter(p -> p.getStatus() != null && Conditions.isTrue(p.getStatus().getConditions(), Conditions.READY))
          .count() == PIPELINES);
      aws.clearCalls();
      harness.cloudWatch().clearCalls();

      // Two resync intervals: every pipeline is re-checked at least twice (the framework requeues at half of it).
      await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);

      assertThat(aws.calls()).extracting(Call::operation).containsOnly("DescribeLogGroups", "DescribeMetricFilters");
      assertThat(harness.cloudWatch().calls()).extracting(Call::operation).containsOnly("DescribeAlarms");
      // One listing of each kind per refresh: metric filters and alarms are one page each here.
      assertThat(aws.calls("DescribeMetricFilters")).hasSizeBetween(1, 5);
      assertThat(harness.cloudWatch().calls()).hasSizeBetween(1, 5);
      var calls = aws.calls("DescribeLogGroups");
      // 200 groups are 4 pages of 50 under the shared prefix /shop/; a listing at most every 2 s.
      assertThat(calls).hasSizeBetween(4, 5 * 4);
      assertThat(calls).allSatisfy(call -> {
        var request = call.request(DescribeLogGroupsRequest.class);
        assertThat(request.logGroupNamePrefix()).isEqualTo("/shop/");
        assertThat(request.limit()).isEqualTo(50);
      });
      assertThat(calls.size() % 4).isZero();
    }
  }
}
