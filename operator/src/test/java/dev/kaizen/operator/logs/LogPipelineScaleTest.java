package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupStatus;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * Drift detection in real-sized accounts: shared listings far longer than the rate limiter's burst complete at the
 * pace of the operator's share, each page listed once per pass, and never from inside a reconcile.
 */
class LogPipelineScaleTest {
  private static final int PIPELINES = 200;

  /** As a running operator left it: group in AWS, tagged as ours, status recording a recent full sync. */
  private static void existingPipeline(OperatorHarness harness, String namespace, String name) {
    var pipelines = harness.client().resources(LogPipeline.class).inNamespace(namespace);
    LogPipeline created = pipelines.resource(logPipeline(namespace, name).retentionDays(30).build()).create();
    String group = "/" + namespace + "/" + name;
    harness.logs().backdoorCreate(group, OwnerTags.of(OperatorHarness.CLUSTER, namespace, "LogPipeline", name,
        created.getMetadata().getUid()).asTags());
    harness.logs().backdoorSetRetention(group, 30);
    LogGroupStatus groupStatus = new LogGroupStatus();
    groupStatus.setName(group);
    LogPipelineStatus status = new LogPipelineStatus();
    status.setLogGroup(groupStatus);
    status.setObservedGeneration(created.getMetadata().getGeneration());
    status.setLastFullSyncTime(Instant.now().toString());
    var found = harness.logs().group(group).orElseThrow();
    status.setOwnership(new OwnershipStatus(OwnershipStatus.OWNED,
        new ObservedLogGroup(group, found.logGroupArn(), 30, null, found.creationTime()).identity()));
    created.setStatus(status);
    pipelines.resource(created).updateStatus();
  }

  private static long reconciles(OperatorHarness harness) {
    return harness.operator().metrics().registry().find(KaizenMetrics.RECONCILE_DURATION).timers().stream()
        .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }

  private static long readyInSync(OperatorHarness harness) {
    return harness.client().resources(LogPipeline.class).inAnyNamespace().list().getItems().stream()
        .filter(p -> p.getStatus() != null && Conditions.find(p.getStatus().getConditions(), Conditions.READY)
            .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent())
        .count();
  }

  /**
   * The calls of a listing cut into passes (a pass starts with a call without token). Every pass the window holds
   * whole must be exactly {@code pages} calls: a pass that restarted from page 1 would break that.
   */
  private static <R> List<Integer> assertWholePasses(List<Call> calls, Class<R> type, Function<R, String> token,
      int pages) {
    List<Integer> passes = new ArrayList<>();
    int current = -1; // calls before the first start belong to a pass already running
    for (Call call : calls) {
      if (token.apply(call.request(type)) == null) {
        if (current >= 0) {
          passes.add(current);
        }
        current = 0;
      }
      if (current >= 0) {
        current++;
      }
    }
    assertThat(passes).as("calls per complete pass").isNotEmpty().containsOnly(pages);
    assertThat(current).as("calls of the pass still running").isLessThanOrEqualTo(pages);
    return passes;
  }

  private static List<Call> listingCalls(FakeCloudWatchLogs aws) {
    return aws.calls("DescribeLogGroups").stream()
        .filter(call -> call.request(DescribeLogGroupsRequest.class).limit() == CloudWatchLogsGateway.PAGE_SIZE)
        .toList();
  }

  @Test
  void resyncOfManyUnchangedPipelinesCostsAFewListings() {
    try (OperatorHarness harness = new OperatorHarness()) {
      var aws = harness.logs();
      for (int i = 0; i < PIPELINES; i++) {
        existingPipeline(harness, "shop", "p" + i);
      }

      harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
      await().atMost(Duration.ofSeconds(60)).until(() -> readyInSync(harness) == PIPELINES);
      aws.clearCalls();
      harness.cloudWatch().clearCalls();
      long start = System.nanoTime();
      long reconcilesBefore = reconciles(harness);

      // Every pipeline re-checked at least twice more (the framework requeues at half the resync).
      await().atMost(Duration.ofSeconds(60)).until(() -> reconciles(harness) - reconcilesBefore >= 2L * PIPELINES);
      long passesAtMost = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 2;

      assertThat(aws.calls()).extracting(Call::operation).containsOnly("DescribeLogGroups", "DescribeMetricFilters");
      assertThat(harness.cloudWatch().calls()).extracting(Call::operation).containsOnly("DescribeAlarms");
      // A pass starts every quarter of the resync (1 s) at most: one page each for filters and alarms here.
      assertThat(aws.calls("DescribeMetricFilters")).hasSizeBetween(1, (int) passesAtMost);
      assertThat(harness.cloudWatch().calls()).hasSizeBetween(1, (int) passesAtMost);
      var calls = aws.calls("DescribeLogGroups");
      assertThat(calls).allSatisfy(call -> {
        var request = call.request(DescribeLogGroupsRequest.class);
        assertThat(request.logGroupNamePrefix()).isEqualTo("/shop/");
        assertThat(request.limit()).isEqualTo(50);
      });
      // 200 groups are 4 pages of 50 under the shared prefix /shop/.
      assertWholePasses(calls, DescribeLogGroupsRequest.class, DescribeLogGroupsRequest::nextToken, 4);
      assertThat(calls).hasSizeBetween(4, (int) passesAtMost * 4);
    }
  }

  @Test
  void driftIsCorrectedInAnAccountFullOfObjectsWeDoNotOwn() {
    int foreignGroups = 2_000;
    int foreignFilters = 1_000;
    try (OperatorHarness harness = new OperatorHarness()) {
      FakeCloudWatchLogs aws = harness.logs();
      aws.setQuotasEnforced(false);
      for (int i = 0; i < foreignGroups; i++) {
        String group = String.format("/shop/legacy-%04d", i);
        aws.createLogGroup(r -> r.logGroupName(group));
        if (i < foreignFilters / FakeCloudWatchLogs.MAX_METRIC_FILTERS) {
          for (int f = 0; f < FakeCloudWatchLogs.MAX_METRIC_FILTERS; f++) {
            String filter = "errors-" + f;
            aws.putMetricFilter(r -> r.logGroupName(group).filterName(filter).filterPattern("ERROR")
                .metricTransformations(MetricTransformation.builder().metricNamespace("Legacy")
                    .metricName(filter).metricValue("1").build()));
          }
        }
      }
      aws.setQuotasEnforced(true);
      aws.clearCalls();
      int groupPages = (foreignGroups + 1 + 49) / 50; // 41 pages, /shop/web on the last
      int filterPages = foreignFilters / 50; // 20 pages

      // A 4 s resync: a pass over 41 pages at the listing share (2.5/s) cannot keep up, and must say so.
      harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
      harness.client().resources(LogPipeline.class).inNamespace("shop")
          .resource(logPipeline("shop", "web").retentionDays(30).build()).create();
      harness.awaitReady("shop", "web"); // confirmed by reading the group on its own, right after creating it

      aws.backdoorSetRetention("/shop/web", 7);
      // Its own read right after creating serves its light observes until the first pass (about 16 s) completes.

      await().atMost(Duration.ofSeconds(60)).until(() -> aws.group("/shop/web").orElseThrow().retentionInDays() == 30);
      await().atMost(OperatorHarness.WAIT).until(() -> harness.hasEvent("shop", "web", "DriftCorrected"));
      LogPipeline behind = harness.awaitCondition("shop", "web", Conditions.READY, "True",
          Reasons.DRIFT_DETECTION_BEHIND, 1);
      assertThat(Conditions.find(behind.getStatus().getConditions(), Conditions.READY).orElseThrow().getMessage())
          .contains("DescribeLogGroups", "resync interval (4 s)", "listing share");

      assertWholePasses(listingCalls(aws), DescribeLogGroupsRequest.class, DescribeLogGroupsRequest::nextToken,
          groupPages);
      // Filters of the whole account (a single read names its group).
      List<Call> filterListing = aws.calls("DescribeMetricFilters").stream()
          .filter(call -> call.request(DescribeMetricFiltersRequest.class).logGroupName() == null).toList();
      assertWholePasses(filterListing, DescribeMetricFiltersRequest.class,
          DescribeMetricFiltersRequest::nextToken, filterPages);
      assertThat(aws.calls()).noneMatch(call -> call.outcome() == FakeAwsService.Outcome.THROTTLED);
      assertThat(aws.succeededMutations()).containsExactly("CreateLogGroup", "PutRetentionPolicy",
          "PutRetentionPolicy");

      MeterRegistry registry = harness.operator().metrics().registry();
      assertThat(registry.get(KaizenMetrics.LISTING_BEHIND).tag("listing", "DescribeLogGroups").gauge().value())
          .isEqualTo(1);
      Timer groupPasses = registry.get(KaizenMetrics.LISTING_PASS_DURATION).tag("listing", "DescribeLogGroups")
          .timer();
      Timer filterPasses = registry.get(KaizenMetrics.LISTING_PASS_DURATION).tag("listing", "DescribeMetricFilters")
          .timer();
      System.out.printf("listing passes: DescribeLogGroups %d pages (%d groups) in %.1f s; DescribeMetricFilters"
          + " %d pages (%d filters) in %.1f s%n", groupPages, foreignGroups + 1, groupPasses.max(TimeUnit.SECONDS)
          + 0.0, filterPages, foreignFilters, filterPasses.mean(TimeUnit.MILLISECONDS) / 1000);
    }
  }
}
