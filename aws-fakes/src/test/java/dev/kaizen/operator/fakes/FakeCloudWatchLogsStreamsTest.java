package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** DescribeLogStreams as its API reference describes it. */
class FakeCloudWatchLogsStreamsTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private final FakeCloudWatchLogs logs = new FakeCloudWatchLogs("eu-west-1", "111122223333");

  @BeforeEach
  void streams() {
    logs.backdoorCreate("/shop/web");
    logs.backdoorLogEvents("/shop/web", "a.main", T0.plusSeconds(30), T0.plusSeconds(31));
    logs.backdoorLogEvents("/shop/web", "b.main", T0.plusSeconds(90), T0.plusSeconds(92));
    logs.backdoorLogEvents("/shop/web", "c.main", T0.plusSeconds(60), T0.plusSeconds(61));
    logs.backdoorCreateStream("/shop/web", "d.idle");
  }

  @Test
  void byNameByDefaultAndByLastEventTimeOnRequest() {
    assertThat(logs.describeLogStreams(r -> r.logGroupName("/shop/web")).logStreams())
        .extracting(LogStream::logStreamName).containsExactly("a.main", "b.main", "c.main", "d.idle");
    DescribeLogStreamsResponse latest = logs.describeLogStreams(r -> r.logGroupName("/shop/web")
        .orderBy(OrderBy.LAST_EVENT_TIME).descending(true).limit(1));
    assertThat(latest.logStreams()).singleElement().satisfies(s -> {
      assertThat(s.logStreamName()).isEqualTo("b.main");
      assertThat(s.lastIngestionTime()).isEqualTo(T0.plusSeconds(92).toEpochMilli());
      assertThat(s.lastEventTimestamp()).isEqualTo(T0.plusSeconds(90).toEpochMilli());
    });
    assertThat(latest.nextToken()).isNotNull();
    assertThat(logs.describeLogStreams(r -> r.logGroupName("/shop/web").orderBy(OrderBy.LAST_EVENT_TIME))
        .logStreams()).extracting(LogStream::logStreamName).containsExactly("d.idle", "a.main", "c.main", "b.main");
  }

  @Test
  void pagesFollowTheTokenOfTheSameQuery() {
    var first = logs.describeLogStreams(r -> r.logGroupName("/shop/web").limit(3));
    assertThat(first.logStreams()).hasSize(3);
    var second = logs.describeLogStreams(r -> r.logGroupName("/shop/web").limit(3).nextToken(first.nextToken()));
    assertThat(second.logStreams()).extracting(LogStream::logStreamName).containsExactly("d.idle");
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/shop/web").logStreamNamePrefix("a")
        .nextToken(first.nextToken()))).isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void refusesWhatAwsRefuses() {
    assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/shop/web").logStreamNamePrefix("a")
        .orderBy(OrderBy.LAST_EVENT_TIME))).isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("LastEventTime");
    assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/shop/web").limit(51)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/shop/web")
        .logGroupIdentifier(logs.logGroupArn("/shop/web")))).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("/shop/none")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(logs.describeLogStreams(r -> r.logGroupIdentifier(logs.logGroupArn("/shop/web"))
        .logStreamNamePrefix("c")).logStreams()).extracting(LogStream::logStreamName).containsExactly("c.main");
  }
}
