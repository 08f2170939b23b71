package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;

class FakeCloudWatchLogsFiltersTest {

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final FakeCloudWatchLogs logs = new FakeCloudWatchLogs("eu-west-1", "111122223333");

  @BeforeEach
  void setUp() {
    logs.setClock(clock);
    logs.backdoorCreate("g");
  }

  private static MetricTransformation metric(String name) {
    return MetricTransformation.builder().metricName(name).metricNamespace("Kaizen").metricValue("1").build();
  }

  @Test
  void putReplacesAndDescribeShowsTheFilter() {
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("ERROR")
        .metricTransformations(metric("Errors")));
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("{ $.level = \"error\" }")
        .metricTransformations(metric("Errors2")));

    MetricFilter f = logs.describeMetricFilters(r -> r.logGroupName("g")).metricFilters().get(0);
    assertThat(f.filterPattern()).isEqualTo("{ $.level = \"error\" }");
    assertThat(f.metricTransformations().get(0).metricName()).isEqualTo("Errors2");
    assertThat(logs.metricFilters("g")).containsOnlyKeys("f");
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("g")).logGroups().get(0).metricFilterCount())
        .isEqualTo(1);
  }

  @Test
  void validationAndMissingResources() {
    logs.setQuotasEnforced(false);
    List<ThrowingCallable> invalid = List.of(
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("a:b").filterPattern("")
            .metricTransformations(metric("m"))),
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("")
            .metricTransformations(metric("m:x"))),
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("")
            .metricTransformations(metric("a"), metric("b"))),
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("{ $.x = 1")
            .metricTransformations(metric("m"))),
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("\"open")
            .metricTransformations(metric("m"))),
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("x".repeat(1025))
            .metricTransformations(metric("m"))),
        () -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("")
            .metricTransformations(metric("m").toBuilder().defaultValue(0.0).dimensions(Map.of("a", "$.a"))
                .build())),
        () -> logs.describeMetricFilters(r -> r.filterNamePrefix("f")),
        () -> logs.describeMetricFilters(r -> r.metricName("m")),
        () -> logs.describeMetricFilters(r -> r.limit(51)));
    for (ThrowingCallable call : invalid) {
      assertThat(awsError(call)).isInstanceOf(InvalidParameterException.class);
    }
    assertThat(logs.metricFilters("g")).isEmpty();
    assertThat(awsError(() -> logs.putMetricFilter(r -> r.logGroupName("x").filterName("f").filterPattern("")
        .metricTransformations(metric("m"))))).isInstanceOf(ResourceNotFoundException.class);
    assertThat(awsError(() -> logs.deleteMetricFilter(r -> r.logGroupName("g").filterName("f"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(awsError(() -> logs.deleteSubscriptionFilter(r -> r.logGroupName("g").filterName("f"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void limitsPerLogGroup() {
    logs.setQuotasEnforced(false);
    IntStream.range(0, 100).forEach(i -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f" + i)
        .filterPattern("").metricTransformations(metric("m"))));
    assertThat(awsError(() -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f100").filterPattern("")
        .metricTransformations(metric("m"))))).isInstanceOf(LimitExceededException.class);
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("f5").filterPattern("x")
        .metricTransformations(metric("m"))); // replacing is fine at the limit

    String dest = "arn:aws:lambda:eu-west-1:111122223333:function:fn";
    logs.putSubscriptionFilter(r -> r.logGroupName("g").filterName("s1").filterPattern("").destinationArn(dest));
    logs.putSubscriptionFilter(r -> r.logGroupName("g").filterName("s2").filterPattern("").destinationArn(dest));
    assertThat(awsError(() -> logs.putSubscriptionFilter(r -> r.logGroupName("g").filterName("s3")
        .filterPattern("").destinationArn(dest)))).isInstanceOf(LimitExceededException.class);
    assertThat(awsError(() -> logs.putSubscriptionFilter(r -> r.logGroupName("g").filterName("s1")
        .filterPattern("")))).isInstanceOf(InvalidParameterException.class);
    assertThat(logs.describeSubscriptionFilters(r -> r.logGroupName("g").limit(1)).nextToken()).isNotNull();

    logs.deleteLogGroup(r -> r.logGroupName("g"));
    logs.backdoorCreate("g");
    assertThat(logs.metricFilters("g")).isEmpty();
    assertThat(logs.subscriptionFilters("g")).isEmpty();
  }

  @Test
  void accountWidePagesAreSortedByFilterNameInPagesOfFiftyByDefault() {
    logs.setQuotasEnforced(false);
    logs.backdoorCreate("a");
    IntStream.range(0, 30).forEach(i -> logs.backdoorPutMetricFilter("g", "f%02d".formatted(i), "", metric("m")));
    IntStream.range(0, 30).forEach(i -> logs.backdoorPutMetricFilter("a", "f%02d".formatted(i), "", metric("n")));
    logs.backdoorPutMetricFilter("g", "Z", "", metric("m")); // ASCII: upper case before lower case

    List<String> keys = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      DescribeMetricFiltersResponse page = logs.describeMetricFilters(r -> r.nextToken(t));
      page.metricFilters().forEach(f -> keys.add(f.filterName() + "@" + f.logGroupName()));
      pageSizes.add(page.metricFilters().size());
      token = page.nextToken();
    } while (token != null);

    assertThat(pageSizes).containsExactly(50, 11);
    assertThat(keys).hasSize(61).doesNotHaveDuplicates().startsWith("Z@g", "f00@a", "f00@g", "f01@a")
        .endsWith("f29@a", "f29@g");
    assertThat(logs.describeMetricFilters(r -> r.limit(7)).metricFilters()).hasSize(7);
    assertThat(logs.describeMetricFilters(r -> r.logGroupName("g")).metricFilters()).extracting(MetricFilter::filterName)
        .hasSize(31).startsWith("Z", "f00").isSortedAccordingTo(String::compareTo);
    assertThat(logs.describeMetricFilters(r -> r.metricName("n").metricNamespace("Kaizen")).metricFilters())
        .hasSize(30);
    String first = logs.describeMetricFilters(r -> r.limit(1)).nextToken();
    assertThat(awsError(() -> logs.describeMetricFilters(r -> r.logGroupName("g").nextToken(first))))
        .as("a token is bound to its query").isInstanceOf(InvalidParameterException.class);
    assertThat(logs.backdoorDeleteMetricFilter("a", "f00")).isTrue();
  }

  @Test
  void anOmittedUnitIsStoredAndDescribedAsNone() {
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("f").filterPattern("ERROR")
        .metricTransformations(metric("Errors")));
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("s").filterPattern("ERROR")
        .metricTransformations(metric("Seconds").toBuilder().unit(StandardUnit.SECONDS).build()));

    assertThat(logs.describeMetricFilters(r -> r.logGroupName("g")).metricFilters())
        .extracting(f -> f.metricTransformations().get(0).unit())
        .containsExactly(StandardUnit.NONE, StandardUnit.SECONDS);
  }

  @Test
  void aPatternHoldsAtMostTwoRegularExpressions() {
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("two").filterPattern("[ip=%10\\..*%, user, msg=%ERR%]")
        .metricTransformations(metric("m")));
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("quoted").filterPattern("\"100%\" %a% %b% \"50%\"")
        .metricTransformations(metric("m")));

    AwsServiceException three = awsError(() -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("three")
        .filterPattern("[a=%x%, b=%y%, c=%z%]").metricTransformations(metric("m"))));
    assertThat(three).isInstanceOf(InvalidParameterException.class);
    assertThat(three.awsErrorDetails().errorMessage()).contains("at most 2 regular expressions");
    assertThat(logs.metricFilters("g")).containsOnlyKeys("two", "quoted");
  }

  @Test
  void aLogGroupHoldsAtMostFivePatternsWithRegularExpressionsMetricAndSubscriptionFiltersTogether() {
    logs.setQuotasEnforced(false);
    IntStream.range(0, 4).forEach(i -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("re" + i)
        .filterPattern("%ERR" + i + "%").metricTransformations(metric("m"))));
    String dest = "arn:aws:lambda:eu-west-1:111122223333:function:fn";
    logs.putSubscriptionFilter(r -> r.logGroupName("g").filterName("sub").filterPattern("%WARN%").destinationArn(dest));
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("plain").filterPattern("ERROR")
        .metricTransformations(metric("m")));

    AwsServiceException sixth = awsError(() -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("re4")
        .filterPattern("%FATAL%").metricTransformations(metric("m"))));
    assertThat(sixth).isInstanceOf(LimitExceededException.class);
    assertThat(awsError(() -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("plain")
        .filterPattern("%FATAL%").metricTransformations(metric("m"))))).isInstanceOf(LimitExceededException.class);
    logs.putMetricFilter(r -> r.logGroupName("g").filterName("re0").filterPattern("%PANIC%")
        .metricTransformations(metric("m"))); // replacing one of the five is fine
    logs.backdoorCreate("other");
    logs.putMetricFilter(r -> r.logGroupName("other").filterName("re").filterPattern("%FATAL%")
        .metricTransformations(metric("m"))); // the quota is per group

    assertThat(logs.metricFilters("g")).doesNotContainKey("re4");
    assertThat(logs.metricFilters("g").get("plain").filterPattern()).isEqualTo("ERROR");
    assertThat(logs.metricFilters("g").get("re0").filterPattern()).isEqualTo("%PANIC%");
  }

  @Test
  void quotaAndFaultsDoNotChangeState() {
    assertThat(logs.quota("PutMetricFilter")).isEqualTo(5);
    IntStream.range(0, 5).forEach(i -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f" + i)
        .filterPattern("").metricTransformations(metric("m"))));
    assertThat(catchThrowable(() -> logs.putMetricFilter(r -> r.logGroupName("g").filterName("f5")
        .filterPattern("").metricTransformations(metric("m"))))).isInstanceOf(ThrottlingException.class);
    clock.advanceMillis(1000);
    logs.failNext("DeleteMetricFilter", 1, Fault.INTERNAL_FAILURE);
    assertThat(catchThrowable(() -> logs.deleteMetricFilter(r -> r.logGroupName("g").filterName("f0"))))
        .isInstanceOf(AwsServiceException.class);
    assertThat(logs.metricFilters("g")).hasSize(5);
  }

  private static AwsServiceException awsError(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(AwsServiceException.class);
    return (AwsServiceException) thrown;
  }
}
