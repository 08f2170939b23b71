package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * A filter the operator put, read back as AWS reports it, is in sync: the planner never puts an unchanged filter
 * again. AWS fills in what was omitted (a unit of None), so the comparison must expect it.
 */
class MetricFilterRoundTripTest {
  private static final String GROUP = "/shop/web";

  private final FakeCloudWatchLogs aws = new FakeCloudWatchLogs("eu-west-1", "111122223333");
  private final CloudWatchLogsGateway gateway =
      new CloudWatchLogsGateway(aws, new AwsCalls(new RateLimits()), AwsTarget.of(Region.EU_WEST_1));

  @Test
  void aFilterWithoutUnitObservedBackPlansNothing() {
    aws.backdoorCreate(GROUP);
    var desired = new MetricFilterDefinition(GROUP, "kaizen/errors", "?ERROR ?FATAL", "Shop/Web", "Errors", "1",
        null, null);
    gateway.putMetricFilter(desired);

    List<MetricFilterDefinition> perGroup = gateway.metricFilters(GROUP);
    // As the shared account-wide listing reads it: one page (the account holds this filter only).
    List<MetricFilterDefinition> accountWide = gateway.listMetricFilters(null).items().stream()
        .filter(filter -> GROUP.equals(filter.logGroup())).toList();

    assertThat(perGroup).singleElement().extracting(MetricFilterDefinition::unit).isEqualTo("None");
    for (List<MetricFilterDefinition> observed : List.of(perGroup, accountWide)) {
      List<Change<LogPipelinePorts>> deletions = new ArrayList<>();
      assertThat(AttachmentPlanner.metricFilters(GROUP, List.of(desired), observed, deletions)).isEmpty();
      assertThat(deletions).isEmpty();
    }
  }

  @Test
  void anExplicitUnitIsComparedAsIs() {
    aws.backdoorCreate(GROUP);
    var seconds = new MetricFilterDefinition(GROUP, "kaizen/latency", "[..., latency]", "Shop/Web", "Latency",
        "$latency", null, "Seconds");
    gateway.putMetricFilter(seconds);
    var nowMilliseconds = new MetricFilterDefinition(GROUP, "kaizen/latency", "[..., latency]", "Shop/Web",
        "Latency", "$latency", null, "Milliseconds");

    assertThat(AttachmentPlanner.metricFilters(GROUP, List.of(seconds), gateway.metricFilters(GROUP),
        new ArrayList<>())).isEmpty();
    assertThat(AttachmentPlanner.metricFilters(GROUP, List.of(nowMilliseconds), gateway.metricFilters(GROUP),
        new ArrayList<>())).extracting(Change::describe)
        .containsExactly("PutMetricFilter /shop/web kaizen/latency: unit Seconds -> Milliseconds");
  }
}
