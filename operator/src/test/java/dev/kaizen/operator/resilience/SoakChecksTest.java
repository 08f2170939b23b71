package dev.kaizen.operator.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.fakes.FakeScheduler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The soak's own checks can fail: a second object of one name is a duplicate; a changed object of others is seen. */
class SoakChecksTest {
  private static final String ACCOUNT = "111122223333";

  @Test
  void aSecondCreateOfTheSameNameIsADuplicateAndDistinctNamesAreNot() {
    FakeCloudWatchLogs logs = new FakeCloudWatchLogs(Region.EU_WEST_1, ACCOUNT);
    FakeScheduler scheduler = new FakeScheduler("eu-west-1", ACCOUNT);
    logs.createLogGroup(r -> r.logGroupName("/shop/web"));
    logs.createLogGroup(r -> r.logGroupName("/shop/api"));
    scheduler.createScheduleGroup(r -> r.name("kaizen-shop_batch"));
    for (String group : List.of("kaizen-shop_batch", "default")) {
      scheduler.createSchedule(r -> r.groupName(group).name("report").scheduleExpression("rate(1 hour)")
          .flexibleTimeWindow(w -> w.mode("OFF")).target(t -> t.arn(Manifests.FUNCTION).roleArn(
              Manifests.SCHEDULER_ROLE)));
    }
    assertThat(FaultSoakTest.duplicateCreates(List.of(logs, scheduler))).isEmpty();

    logs.deleteLogGroup(r -> r.logGroupName("/shop/web"));
    logs.createLogGroup(r -> r.logGroupName("/shop/web"));

    assertThat(FaultSoakTest.duplicateCreates(List.of(logs, scheduler))).containsExactly(
        Map.entry("CreateLogGroup /shop/web", 2L));
  }

  @Test
  void differencesNameWhatChangedAppearedOrWentAndNothingElse() {
    Map<String, String> before = Map.of("log group /a", "retention 14", "log group /b", "retention 7",
        "log group /c", "x");
    Map<String, String> after = Map.of("log group /a", "retention 30", "log group /b", "retention 7",
        "log group /d", "y");

    assertThat(ForeignObjects.differences(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "log group /a", "retention 14 -> retention 30", "log group /c", "gone", "log group /d", "new"));
    assertThat(ForeignObjects.differences(before, before)).isEmpty();
  }
}
