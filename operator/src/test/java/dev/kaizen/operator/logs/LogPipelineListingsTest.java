package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;

/** Light observes read shared listings they do not run; a name no listing has covered yet is unknown, not absent. */
class LogPipelineListingsTest {
  private static final ReconcileTimings TIMINGS = OperatorHarness.fastTimings(Duration.ofMinutes(10));

  private static long readyInSync(OperatorHarness harness) {
    return harness.client().resources(LogPipeline.class).inAnyNamespace().list().getItems().stream()
        .filter(p -> p.getStatus() != null && Conditions.find(p.getStatus().getConditions(), Conditions.READY)
            .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent())
        .count();
  }

  private static double reconciles(KaizenOperator operator, String outcome) {
    return Search.in(operator.metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("outcome", outcome).timers().stream().mapToLong(t -> t.count()).sum();
  }

  private static double passes(KaizenOperator operator) {
    return Search.in(operator.metrics().registry()).name(KaizenMetrics.LISTING_PASS_DURATION)
        .tag("listing", "DescribeLogGroups").timers().stream().mapToLong(t -> t.count()).sum();
  }

  /** Pipelines {@code n0/p0, n1/p1, ...} spread over {@code prefixes} namespaces (so as many name prefixes). */
  private static List<String> create(OperatorHarness harness, int pipelines, int prefixes) {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < pipelines; i++) {
      String namespace = "team" + (i % prefixes);
      harness.client().resources(LogPipeline.class).inNamespace(namespace)
          .resource(logPipeline(namespace, "p" + i).retentionDays(30).build()).create();
      groups.add("/" + namespace + "/p" + i);
    }
    return groups;
  }

  @Test
  void aRestartedOperatorNeverCreatesAGroupItHasNotListedYet() {
    // A 20 s resync: a wait longer than 2 s for the listing is reported on the resource; a pass of 18 pages
    // (about 7 s) keeps up with it.
    ReconcileTimings timings = OperatorHarness.fastTimings(Duration.ofSeconds(20));
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.logs().setQuotasEnforced(false);
      for (int i = 0; i < 500; i++) {
        String foreign = String.format("/team0/legacy-%03d", i);
        harness.logs().createLogGroup(r -> r.logGroupName(foreign));
      }
      harness.logs().setQuotasEnforced(true);
      harness.start(timings);
      List<String> groups = create(harness, 13, 8);
      await().atMost(OperatorHarness.WAIT).until(() -> readyInSync(harness) == 13);
      harness.operator().close();
      harness.logs().clearCalls();

      KaizenOperator restarted = harness.startAnother(OperatorHarness.settings(timings), harness.awsClients());
      // The new operator has read nothing yet: /team0/p0 is unknown until the listing of /team0/ (11 pages, about
      // 4 s) completes. It waits quietly, then says what it waits for.
      LogPipeline waiting = harness.awaitCondition("team0", "p0", Conditions.RECONCILING, "True",
          Reasons.RATE_LIMITED, 1);
      assertThat(Conditions.find(waiting.getStatus().getConditions(), Conditions.RECONCILING).orElseThrow()
          .getMessage()).contains("the shared DescribeLogGroups listing has not yet covered /team0/p0");
      // A complete pass of the new operator's listing, then a round of reconciles that read it.
      await().atMost(OperatorHarness.WAIT).until(() -> passes(restarted) >= 1);
      double inSyncBefore = reconciles(restarted, "in_sync");
      await().atMost(OperatorHarness.WAIT).until(() -> reconciles(restarted, "in_sync") >= inSyncBefore + 13);
      await().atMost(OperatorHarness.WAIT).until(() -> readyInSync(harness) == 13);

      assertThat(harness.logs().mutatingCalls()).isEmpty();
      assertThat(harness.logs().groupNames()).containsAll(groups);
      // One listing per prefix in use (8 prefixes: at the limit of per-prefix listings): 11 pages of /team0/ (500
      // groups not ours, 2 ours), one of each other prefix, per pass.
      var listing = harness.logs().calls("DescribeLogGroups").stream()
          .map(c -> c.request(DescribeLogGroupsRequest.class))
          .filter(r -> r.limit() == CloudWatchLogsGateway.PAGE_SIZE).toList();
      assertThat(listing).filteredOn(r -> r.nextToken() == null).extracting(DescribeLogGroupsRequest::logGroupNamePrefix)
          .containsOnly("/team0/", "/team1/", "/team2/", "/team3/", "/team4/", "/team5/", "/team6/", "/team7/");
      long team0Passes = listing.stream().filter(r -> r.nextToken() == null && r.logGroupNamePrefix().equals("/team0/"))
          .count();
      long team0Pages = listing.stream().filter(r -> r.logGroupNamePrefix().equals("/team0/")).count();
      assertThat(team0Pages).isBetween(11 * (team0Passes - 1) + 1, 11 * team0Passes);
    }
  }

  @Test
  void pipelinesOverManyPrefixesConvergeWithoutHotRescheduling() {
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(TIMINGS);
      create(harness, 12, 6);
      await().atMost(OperatorHarness.WAIT).until(() -> readyInSync(harness) == 12);
      harness.operator().close();
      harness.logs().clearCalls();

      // Restarted, all 12 need the listing of 6 prefixes at once: more than the burst of DescribeLogGroups.
      KaizenOperator restarted = harness.startAnother(OperatorHarness.settings(TIMINGS), harness.awsClients());
      await().atMost(OperatorHarness.WAIT).until(() -> reconciles(restarted, "in_sync") >= 12);

      // Waiting for the listing reschedules a pipeline about once a second, not every few milliseconds.
      assertThat(reconciles(restarted, "rate_limited")).isLessThan(12 * 8);
      // One listing page per prefix. (A page AWS throttled is asked again: count the answered ones.)
      assertThat(harness.logs().calls("DescribeLogGroups")).filteredOn(Call::succeeded)
          .extracting(c -> c.request(DescribeLogGroupsRequest.class))
          .filteredOn(r -> r.limit() == CloudWatchLogsGateway.PAGE_SIZE).hasSize(6);
      assertThat(harness.logs().mutatingCalls()).isEmpty();
    }
  }
}
