package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupState;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;
import software.amazon.awssdk.services.scheduler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.ThrottlingException;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/** The Scheduler fake behaves as the API reference says: validation, codes, paging, eventual deletion, quotas. */
class FakeSchedulerTest {
  static final String ROLE = "arn:aws:iam::111122223333:role/batch";
  static final String FUNCTION = "arn:aws:lambda:eu-west-1:111122223333:function:report";

  final FakeScheduler scheduler = new FakeScheduler("eu-west-1", "111122223333");

  static CreateScheduleRequest.Builder schedule(String group, String name, String expression) {
    return CreateScheduleRequest.builder().groupName(group).name(name).scheduleExpression(expression)
        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(FUNCTION).roleArn(ROLE));
  }

  @Test
  void expressionsWindowsRetryPoliciesAndNamesAreValidatedAsAwsDoes() {
    scheduler.createScheduleGroup(r -> r.name("g"));
    for (String bad : List.of("cron(0 6 * * *)", "cron(0 6 * * MON *)", "cron(0 6 ? * ? *)", "rate(1 hours)",
        "rate(5 minute)", "every 5 minutes", "at(2026-13)")) {
      assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "s", bad).build()))
          .as(bad).isInstanceOf(ValidationException.class);
    }
    for (String good : List.of("cron(0 6 ? * MON-FRI *)", "cron(0/15 * * * ? *)", "rate(1 hour)", "rate(5 minutes)",
        "at(2026-12-24T18:00:00)")) {
      scheduler.createSchedule(schedule("g", "s" + Math.abs(good.hashCode()), good).build());
    }
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "w", "rate(1 hour)")
        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(1441)).build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "w", "rate(1 hour)")
        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF).maximumWindowInMinutes(5)).build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "r", "rate(1 hour)").target(t -> t.arn(FUNCTION)
        .roleArn(ROLE).retryPolicy(p -> p.maximumRetryAttempts(186))).build())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "r", "rate(1 hour)").target(t -> t.arn(FUNCTION)
        .roleArn(ROLE).retryPolicy(p -> p.maximumEventAgeInSeconds(59))).build())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "bad name!", "rate(1 hour)").build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "x".repeat(65), "rate(1 hour)").build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "t", "rate(1 hour)")
        .scheduleExpressionTimezone("Mars/Olympus").build())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("missing", "s", "rate(1 hour)").build()))
        .isInstanceOf(ResourceNotFoundException.class);
    scheduler.createSchedule(schedule("g", "dup", "rate(1 hour)").build());
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "dup", "rate(1 hour)").build()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void updateReplacesTheWholeScheduleAndAnAbsentRetryPolicyIsAwsDefault() {
    scheduler.createScheduleGroup(r -> r.name("g"));
    scheduler.createSchedule(schedule("g", "s", "rate(1 hour)").description("nightly").target(t -> t.arn(FUNCTION)
        .roleArn(ROLE).input("{}").deadLetterConfig(d -> d.arn("arn:aws:sqs:eu-west-1:111122223333:dlq"))
        .retryPolicy(p -> p.maximumRetryAttempts(0).maximumEventAgeInSeconds(3600))).build());

    scheduler.updateSchedule(r -> r.groupName("g").name("s").scheduleExpression("rate(2 hours)")
        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(FUNCTION).roleArn(ROLE)));

    var after = scheduler.getSchedule(r -> r.groupName("g").name("s"));
    assertThat(after.scheduleExpression()).isEqualTo("rate(2 hours)");
    assertThat(after.description()).isNull();
    assertThat(after.target().input()).isNull();
    assertThat(after.target().deadLetterConfig()).isNull();
    assertThat(after.target().retryPolicy().maximumRetryAttempts()).isEqualTo(185);
    assertThat(after.target().retryPolicy().maximumEventAgeInSeconds()).isEqualTo(86400);
  }

  @Test
  void listingsPageWithTokensBoundToTheirQuery() {
    scheduler.seedForeignGroups("team-", 250, 0);
    scheduler.seedForeignGroups("big-", 1, 230);
    List<String> groups = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      var page = scheduler.listScheduleGroups(r -> r.maxResults(100).nextToken(next));
      page.scheduleGroups().forEach(g -> groups.add(g.name()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(groups).hasSize(252).doesNotHaveDuplicates().contains("default", "big-0000", "team-0249");

    var first = scheduler.listSchedules(r -> r.groupName("big-0000").maxResults(100));
    assertThat(first.schedules()).hasSize(100);
    var second = scheduler.listSchedules(r -> r.groupName("big-0000").maxResults(100).nextToken(first.nextToken()));
    assertThat(second.schedules()).hasSize(100).noneMatch(s -> first.schedules().contains(s));
    assertThatThrownBy(() -> scheduler.listSchedules(r -> r.groupName("team-0001").nextToken(first.nextToken())))
        .as("a token of another query").isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scheduler.listSchedules(r -> r.maxResults(101))).isInstanceOf(ValidationException.class);
  }

  @Test
  void aDeletedGroupIsDeletingThenGoneWithItsSchedules() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    scheduler.setClock(clock);
    scheduler.setGroupDeletionDelay(Duration.ofSeconds(30));
    scheduler.createScheduleGroup(r -> r.name("g").tags(Tag.builder().key("team").value("shop").build()));
    scheduler.createSchedule(schedule("g", "s", "rate(1 hour)").build());

    scheduler.deleteScheduleGroup(r -> r.name("g"));

    assertThat(scheduler.getScheduleGroup(r -> r.name("g")).state()).isEqualTo(ScheduleGroupState.DELETING);
    assertThatThrownBy(() -> scheduler.createSchedule(schedule("g", "t", "rate(1 hour)").build()))
        .isInstanceOf(ConflictException.class);
    clock.advance(Duration.ofSeconds(31));
    assertThatThrownBy(() -> scheduler.getScheduleGroup(r -> r.name("g"))).isInstanceOf(ResourceNotFoundException.class);
    assertThat(scheduler.scheduleNames("g")).isEmpty();
    assertThatThrownBy(() -> scheduler.deleteScheduleGroup(r -> r.name("default")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void groupsStopAtTheAccountQuotaAndOnlyGroupsTakeTags() {
    scheduler.seedForeignGroups("team-", FakeScheduler.GROUP_QUOTA - 1, 0);
    assertThatThrownBy(() -> scheduler.createScheduleGroup(r -> r.name("one-more")))
        .isInstanceOf(ServiceQuotaExceededException.class)
        .satisfies(e -> assertThat(((SchedulerException) e).statusCode()).isEqualTo(402));

    scheduler.reset();
    scheduler.createScheduleGroup(r -> r.name("g"));
    String arn = scheduler.getScheduleGroup(r -> r.name("g")).arn();
    scheduler.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("a").value("1").build()));
    assertThat(scheduler.listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("a");
    scheduler.createSchedule(schedule("g", "s", "rate(1 hour)").build());
    String scheduleArn = scheduler.getSchedule(r -> r.groupName("g").name("s")).arn();
    assertThatThrownBy(() -> scheduler.tagResource(r -> r.resourceArn(scheduleArn)
        .tags(Tag.builder().key("a").value("1").build()))).isInstanceOf(ValidationException.class);
  }

  @Test
  void callsPastTheRateAreThrottled() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    scheduler.setClock(clock);
    for (int i = 0; i < 10; i++) {
      int n = i;
      scheduler.createScheduleGroup(r -> r.name("g" + n));
    }
    assertThatThrownBy(() -> scheduler.createScheduleGroup(r -> r.name("g10")))
        .isInstanceOf(ThrottlingException.class);
    clock.advance(Duration.ofSeconds(1));
    scheduler.createScheduleGroup(r -> r.name("g10"));
  }
}
