package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeAwsService.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InternalServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

class FakeCloudWatchTest {

  private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:alerts";

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final FakeCloudWatch cw = new FakeCloudWatch("eu-west-1", "111122223333");

  @BeforeEach
  void useFixedClock() {
    cw.setClock(clock);
  }

  private static PutMetricAlarmRequest.Builder alarm(String name) {
    return PutMetricAlarmRequest.builder().alarmName(name).metricName("Errors").namespace("Kaizen/App")
        .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
  }

  @Test
  void createdAlarmIsDescribedWithAllFieldsAndStartsInsufficientData() {
    cw.putMetricAlarm(alarm("a").alarmActions(TOPIC).treatMissingData("notBreaching")
        .tags(Tag.builder().key("team").value("x").build()).build());

    MetricAlarm a = cw.describeAlarms(r -> r.alarmNames("a")).metricAlarms().get(0);
    assertThat(a.alarmArn()).isEqualTo("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:a");
    assertThat(a.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    assertThat(a.alarmActions()).containsExactly(TOPIC);
    assertThat(a.treatMissingData()).isEqualTo("notBreaching");
    assertThat(a.threshold()).isEqualTo(1.0);
    assertThat(a.actionsEnabled()).isTrue();
    assertThat(cw.listTagsForResource(r -> r.resourceARN(a.alarmArn())).tags())
        .containsExactly(Tag.builder().key("team").value("x").build());
  }

  @Test
  void setAlarmStateSetsStateReasonAndReasonDataAndRefusesBadJsonAndUnknownAlarms() {
    cw.setQuotasEnforced(false); // five calls within one second of the fixed clock
    cw.putMetricAlarm(alarm("a").build());
    String data = "{\"version\":\"1.0\",\"recentDatapoints\":[0.031],\"threshold\":0.02}";
    cw.setAlarmState(r -> r.alarmName("a").stateValue(StateValue.ALARM).stateReason("Threshold Crossed")
        .stateReasonData(data));

    MetricAlarm a = cw.describeAlarms(r -> r.alarmNames("a")).metricAlarms().get(0);
    assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(a.stateReason()).isEqualTo("Threshold Crossed");
    assertThat(a.stateReasonData()).isEqualTo(data);
    assertThat(awsError(() -> cw.setAlarmState(r -> r.alarmName("a").stateValue(StateValue.OK).stateReason("x")
        .stateReasonData("{not json"))).awsErrorDetails().errorCode()).isEqualTo("InvalidFormat");
    assertThat(awsError(() -> cw.setAlarmState(r -> r.alarmName("gone").stateValue(StateValue.OK)
        .stateReason("x"))).awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
    assertThat(awsError(() -> cw.setAlarmState(r -> r.alarmName("a").stateValue(StateValue.OK)))
        .awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(cw.alarm("a").orElseThrow().stateValue()).isEqualTo(StateValue.ALARM);
  }

  @Test
  void updateReplacesConfigurationKeepsStateAndIgnoresTags() {
    cw.putMetricAlarm(alarm("a").tags(Tag.builder().key("k").value("1").build()).build());
    cw.backdoorSetState("a", StateValue.ALARM);
    cw.putMetricAlarm(alarm("a").threshold(5.0).tags(Tag.builder().key("k").value("2").build()).build());

    assertThat(cw.alarm("a").orElseThrow().threshold()).isEqualTo(5.0);
    assertThat(cw.alarm("a").orElseThrow().stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(cw.tags("a")).containsEntry("k", "1");
  }

  @Test
  void anAlarmCreatedWithoutTagsStaysUntaggedWhenAnUpdateSendsTags() {
    // As AWS documents (PutMetricAlarm, Tags; aws/aws-sdk#27): an update never tags, only TagResource does.
    cw.putMetricAlarm(alarm("a").build());
    cw.putMetricAlarm(alarm("a").threshold(5.0).tags(Tag.builder().key("kaizen.dev/cluster").value("c").build())
        .build());

    assertThat(cw.alarm("a").orElseThrow().threshold()).isEqualTo(5.0);
    assertThat(cw.tags("a")).isEmpty();
  }

  @Test
  void validationErrorsUseQueryCodesAndLeaveStateUnchanged() {
    List<ThrowingCallable> bad = List.of(
        () -> cw.putMetricAlarm(alarm("").build()),
        () -> cw.putMetricAlarm(alarm("a".repeat(256)).build()),
        () -> cw.putMetricAlarm(alarm("a").period(45).build()),
        () -> cw.putMetricAlarm(alarm("a").period(3600).evaluationPeriods(169).build()),
        () -> cw.putMetricAlarm(alarm("a").evaluationPeriods(0).build()),
        () -> cw.putMetricAlarm(alarm("a").threshold(null).build()),
        () -> cw.putMetricAlarm(alarm("a").extendedStatistic("p99").build()),
        () -> cw.putMetricAlarm(alarm("a").treatMissingData("sometimes").build()),
        () -> cw.putMetricAlarm(alarm("a").alarmActions("arn:aws:sns:us-east-1:111122223333:t").build()),
        () -> cw.putMetricAlarm(alarm("a").alarmActions("not-an-arn").build()),
        () -> cw.putMetricAlarm(alarm("a").alarmActions(TOPIC, TOPIC, TOPIC, TOPIC, TOPIC, TOPIC).build()),
        () -> cw.putMetricAlarm(alarm("a").comparisonOperator((ComparisonOperator) null).build()));
    cw.setQuotasEnforced(false);
    for (ThrowingCallable call : bad) {
      AwsServiceException e = awsError(call);
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    }
    assertThat(cw.alarmNames()).isEmpty();
    cw.putMetricAlarm(alarm("a").period(10).build());
    cw.putMetricAlarm(alarm("b").period(30).build());
    assertThat(cw.alarmNames()).containsExactly("a", "b");
  }

  @Test
  void periodIsTenTwentyThirtyOrAMultipleOfSixty() {
    cw.setQuotasEnforced(false);
    for (int period : List.of(10, 20, 30, 60, 120, 86_400)) {
      cw.putMetricAlarm(alarm("p" + period).period(period).build());
    }
    for (int period : List.of(1, 5, 15, 40, 59, 90)) {
      assertThat(awsError(() -> cw.putMetricAlarm(alarm("bad").period(period).build())).awsErrorDetails().errorCode())
          .as("period %d", period).isEqualTo("ValidationError");
    }
    assertThat(cw.alarmNames()).hasSize(6).doesNotContain("bad");
  }

  @Test
  void evaluationWindowIsOneDayBelowAnHourPeriodAndSevenDaysFromAnHour() {
    cw.setQuotasEnforced(false);
    cw.putMetricAlarm(alarm("day-of-minutes").period(60).evaluationPeriods(1440).build());
    cw.putMetricAlarm(alarm("day-of-20s").period(20).evaluationPeriods(4320).build());
    cw.putMetricAlarm(alarm("day-of-59min").period(3540).evaluationPeriods(24).build());
    cw.putMetricAlarm(alarm("25-hours").period(3600).evaluationPeriods(25).build());
    cw.putMetricAlarm(alarm("week-of-hours").period(3600).evaluationPeriods(168).build());
    cw.putMetricAlarm(alarm("week-in-one").period(604_800).evaluationPeriods(1).build());
    List<ThrowingCallable> tooLong = List.of(
        () -> cw.putMetricAlarm(alarm("x").period(60).evaluationPeriods(1441).build()),
        () -> cw.putMetricAlarm(alarm("x").period(20).evaluationPeriods(4321).build()),
        () -> cw.putMetricAlarm(alarm("x").period(3540).evaluationPeriods(25).build()),
        () -> cw.putMetricAlarm(alarm("x").period(3600).evaluationPeriods(169).build()),
        () -> cw.putMetricAlarm(alarm("x").period(604_860).evaluationPeriods(1).build()));
    for (ThrowingCallable call : tooLong) {
      assertThat(awsError(call).awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    }
    assertThat(cw.alarmNames()).hasSize(6).doesNotContain("x");
  }

  @Test
  void paginatesByPrefixAndRejectsForeignTokens() {
    IntStream.range(0, 120).forEach(i -> putQuietly("svc-%03d".formatted(i)));
    cw.setQuotasEnforced(false);

    List<String> names = new ArrayList<>();
    DescribeAlarmsResponse page = cw.describeAlarms(r -> r.alarmNamePrefix("svc-"));
    assertThat(page.metricAlarms()).hasSize(50);
    page.metricAlarms().forEach(a -> names.add(a.alarmName()));
    String token = page.nextToken();
    DescribeAlarmsResponse next = cw.describeAlarms(r -> r.alarmNamePrefix("svc-").maxRecords(100).nextToken(token));
    next.metricAlarms().forEach(a -> names.add(a.alarmName()));
    assertThat(next.nextToken()).isNull();
    assertThat(names).hasSize(120).isSorted().doesNotHaveDuplicates();

    assertThat(awsError(() -> cw.describeAlarms(r -> r.alarmNamePrefix("x").nextToken(token))))
        .isInstanceOf(InvalidNextTokenException.class);
    assertThat(awsError(() -> cw.describeAlarms(r -> r.maxRecords(101))).awsErrorDetails().errorCode())
        .isEqualTo("ValidationError");
    assertThat(awsError(() -> cw.describeAlarms(r -> r.alarmNames("a").alarmNamePrefix("a")))
        .awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(cw.describeAlarmsPaginator(r -> r.maxRecords(7)).metricAlarms().stream().count()).isEqualTo(120);
  }

  @Test
  void deleteIgnoresMissingNamesAndLimitsTo100() {
    putQuietly("a");
    cw.deleteAlarms(r -> r.alarmNames("a", "missing"));
    assertThat(cw.alarmNames()).isEmpty();
    List<String> many = IntStream.range(0, 101).mapToObj(i -> "n" + i).toList();
    assertThat(awsError(() -> cw.deleteAlarms(r -> r.alarmNames(many))).awsErrorDetails().errorCode())
        .isEqualTo("ValidationError");
  }

  @Test
  void tagsByArn() {
    putQuietly("a");
    String arn = cw.alarmArn("a");
    cw.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("a").value("1").build(),
        Tag.builder().key("b").value("2").build()));
    cw.untagResource(r -> r.resourceARN(arn).tagKeys("b", "absent"));
    assertThat(cw.tags("a")).containsExactly(java.util.Map.entry("a", "1"));

    AwsServiceException missing = awsError(() -> cw.listTagsForResource(r -> r.resourceARN(cw.alarmArn("x"))));
    assertThat(missing).isInstanceOf(ResourceNotFoundException.class);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(awsError(() -> cw.listTagsForResource(r -> r.resourceARN("a"))))
        .isInstanceOf(InvalidParameterValueException.class);
    List<Tag> fiftyOne = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
    assertThat(catchThrowable(() -> cw.tagResource(r -> r.resourceARN(arn).tags(fiftyOne))))
        .isInstanceOf(AwsServiceException.class);
    assertThat(cw.tags("a")).hasSize(1);
  }

  @Test
  void quotasThrottleWithTheQueryCodeAndFaultsDoNotChangeState() {
    assertThat(cw.quota("PutMetricAlarm")).isEqualTo(3);
    IntStream.range(0, 3).forEach(i -> cw.putMetricAlarm(alarm("a" + i).build()));
    AwsServiceException throttled = awsError(() -> cw.putMetricAlarm(alarm("a3").build()));
    assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
    assertThat(throttled.isThrottlingException()).isTrue();
    assertThat(cw.alarm("a3")).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    cw.failNext("PutMetricAlarm", 1, Fault.SERVICE_UNAVAILABLE);
    assertThat(catchThrowable(() -> cw.putMetricAlarm(alarm("a3").build())))
        .isInstanceOf(InternalServiceException.class);
    assertThat(cw.alarm("a3")).isEmpty();
    assertThat(cw.calls("PutMetricAlarm")).extracting(Call::outcome).endsWith(Outcome.THROTTLED, Outcome.FAULTED);
  }

  @Test
  void backdoorsChangeStateBehindTheOperatorsBack() {
    putQuietly("a");
    cw.backdoorSetThreshold("a", 42);
    assertThat(cw.alarm("a").orElseThrow().threshold()).isEqualTo(42);
    assertThat(cw.backdoorDelete("a")).isTrue();
    assertThat(cw.alarmNames()).isEmpty();
    assertThat(cw.serviceName()).isEqualTo("monitoring");
  }

  private void putQuietly(String name) {
    cw.setQuotasEnforced(false);
    cw.putMetricAlarm(alarm(name).build());
    cw.setQuotasEnforced(true);
  }

  private static AwsServiceException awsError(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(AwsServiceException.class);
    return (AwsServiceException) thrown;
  }
}
