package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttachmentPlannerTest {
  private static final String GROUP = "/shop/web";

  private static MetricFilterDefinition filter(String name, String pattern) {
    return new MetricFilterDefinition(GROUP, "kaizen/" + name, pattern, "Shop/Web", "Errors", "1", 0.0, "Count");
  }

  private static AlarmDefinition alarm(String filter, double threshold) {
    return new AlarmDefinition(AlarmDefinition.name(GROUP, filter), "Shop/Web", "Errors", "Sum", 60, 1, threshold,
        "GreaterThanOrEqualToThreshold", "notBreaching", List.of("arn:aws:sns:eu-west-1:111122223333:oncall"), null);
  }

  private static List<String> describe(List<Change<LogPipelinePorts>> changes) {
    return changes.stream().map(Change::describe).toList();
  }

  @Test
  void missingFiltersArePutChangedOnesReplacedRemovedOnesDeletedAndForeignOnesLeftAlone() {
    var foreign = new MetricFilterDefinition(GROUP, "hand-made", "ERROR", "X", "Y", "1", null, null);
    List<Change<LogPipelinePorts>> deletions = new ArrayList<>();

    var puts = AttachmentPlanner.metricFilters(GROUP, List.of(filter("errors", "?ERROR"), filter("timeouts", "Timeout")),
        List.of(filter("errors", "ERROR"), filter("old", "x"), foreign), deletions);

    assertThat(describe(puts)).containsExactly(
        "PutMetricFilter /shop/web kaizen/errors: pattern ERROR -> ?ERROR",
        "PutMetricFilter /shop/web kaizen/timeouts: absent");
    assertThat(describe(deletions)).containsExactly("DeleteMetricFilter /shop/web kaizen/old: removed from spec");
    // A put of a filter found is an update of it, of one not found a creation.
    assertThat(puts).extracting(Change::effect).containsExactly(Effect.UPDATE, Effect.CREATE);
    assertThat(deletions).extracting(Change::effect).containsExactly(Effect.DELETE);
    assertThat(RecordingPorts.callsOf(puts.get(1))).containsExactly(
        new RecordingPorts.PortCall("logs", "putMetricFilter", List.of(filter("timeouts", "Timeout"))));
  }

  @Test
  void filtersInSyncNeedNothing() {
    List<Change<LogPipelinePorts>> deletions = new ArrayList<>();
    assertThat(AttachmentPlanner.metricFilters(GROUP, List.of(filter("errors", "ERROR")),
        List.of(filter("errors", "ERROR")), deletions)).isEmpty();
    assertThat(deletions).isEmpty();
  }

  @Test
  void alarmThresholdChangeIsOnePutMetricAlarmAndRemovedAlarmsAreDeletedTogether() {
    List<Change<LogPipelinePorts>> deletions = new ArrayList<>();
    var observed = List.of(new ObservedAlarm(alarm("errors", 5), "arn:a", "OK"),
        new ObservedAlarm(alarm("gone", 1), "arn:b", "OK"), new ObservedAlarm(alarm("gone2", 1), "arn:c", "OK"));

    var puts = AttachmentPlanner.alarms(List.of(alarm("errors", 10)), observed, Map.of("kaizen.dev/owner", "x"),
        deletions);

    assertThat(describe(puts)).containsExactly("PutMetricAlarm kaizen:/shop/web:errors: threshold 5 -> 10");
    assertThat(describe(deletions)).containsExactly(
        "DeleteAlarms kaizen:/shop/web:gone, kaizen:/shop/web:gone2: removed from spec");
  }

  @Test
  void subscriptionIsPlannedOnlyWhenRead() {
    var wanted = new SubscriptionDefinition(GROUP, SubscriptionDefinition.NAME, "arn:aws:lambda:eu-west-1:1:function:f",
        null, "");
    assertThat(AttachmentPlanner.subscription(GROUP, Optional.of(wanted), Optional.empty())).isEmpty();
    assertThat(describe(AttachmentPlanner.subscription(GROUP, Optional.of(wanted), Optional.of(List.of()))))
        .containsExactly("PutSubscriptionFilter /shop/web kaizen/subscription: absent");
    assertThat(AttachmentPlanner.subscription(GROUP, Optional.of(wanted), Optional.of(List.of(wanted)))).isEmpty();
    var other = new SubscriptionDefinition(GROUP, "someone-elses", "arn:x", null, "");
    assertThat(describe(AttachmentPlanner.subscription(GROUP, Optional.empty(), Optional.of(List.of(wanted, other)))))
        .containsExactly("DeleteSubscriptionFilter /shop/web kaizen/subscription: removed from spec");
    assertThat(AttachmentPlanner.subscription(GROUP, Optional.empty(), Optional.of(List.of(other)))).isEmpty();
  }

  @Test
  void aChangedSubscriptionSaysOldToNewAndAThirdOneStallsBeforeTheCall() {
    var wanted = new SubscriptionDefinition(GROUP, SubscriptionDefinition.NAME, "arn:aws:lambda:eu-west-1:1:function:f",
        null, "ERROR");
    var found = new SubscriptionDefinition(GROUP, SubscriptionDefinition.NAME, "arn:aws:lambda:eu-west-1:1:function:g",
        null, "");
    var change = AttachmentPlanner.subscription(GROUP, Optional.of(wanted), Optional.of(List.of(found))).get(0);
    assertThat(change.describe()).isEqualTo("PutSubscriptionFilter /shop/web kaizen/subscription: destination"
        + " arn:aws:lambda:eu-west-1:1:function:g -> arn:aws:lambda:eu-west-1:1:function:f, pattern \"\" -> ERROR");
    assertThat(change.differences()).extracting(FieldChange::field).containsExactly("destination", "pattern");

    var others = List.of(new SubscriptionDefinition(GROUP, "siem", "arn:x", null, ""),
        new SubscriptionDefinition(GROUP, "archive", "arn:y", null, ""));
    assertThatThrownBy(() -> AttachmentPlanner.subscription(GROUP, Optional.of(wanted), Optional.of(others)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("The log group /shop/web already has 2 subscription filters (archive, siem), the most CloudWatch"
            + " Logs allows per group: remove one of them, or remove spec.subscription.");
    // One of others leaves room for ours.
    assertThat(AttachmentPlanner.subscription(GROUP, Optional.of(wanted), Optional.of(others.subList(0, 1))))
        .hasSize(1);
  }

  @Test
  void fluentBitConfigIsPutWhenDifferentAndRemovedWhenNoPipelineOfTheNamespaceShips() {
    var empty = FluentBitConfigs.Slot.empty();
    assertThat(describe(AttachmentPlanner.fluentBit("logging/kaizen-fluent-bit", "shop.yaml", Optional.of("a"),
        Optional.empty(), empty))).containsExactly("PutConfigMapKey logging/kaizen-fluent-bit shop.yaml: absent");
    var stored = new FluentBitConfigs.Slot(Optional.of("a"), 1000);
    assertThat(AttachmentPlanner.fluentBit("cm", "k", Optional.of("a"), Optional.empty(), stored)).isEmpty();
    assertThat(describe(AttachmentPlanner.fluentBit("cm", "k", Optional.empty(), Optional.empty(), stored)))
        .containsExactly("RemoveConfigMapKey cm k: no pipeline of the namespace selects pods");
  }

  @Test
  void aFileThatDoesNotFitItsConfigMapStallsBeforeAnyWrite() {
    var almostFull = new FluentBitConfigs.Slot(Optional.of("old"), 10);
    assertThat(AttachmentPlanner.fluentBit("cm", "k", Optional.of("0123456789"), Optional.empty(), almostFull))
        .hasSize(1);
    assertThatThrownBy(() -> AttachmentPlanner.fluentBit("cm", "k", Optional.of("0123456789x"), Optional.empty(),
        almostFull))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("cm k cannot be placed")
        .hasMessageContaining("1048577 bytes, over Kubernetes' limit of 1048576")
        .hasMessageContaining("--fluent-bit-shards");
    // Removing the key never needs room.
    assertThat(AttachmentPlanner.fluentBit("cm", "k", Optional.empty(), Optional.empty(), new FluentBitConfigs.Slot(
        Optional.of("old"), -5))).hasSize(1);
  }

  @Test
  void reattachingTagsEveryKeptAlarmWithTheCurrentOwnerTags() {
    var owner = Map.of("kaizen.dev/owner", "shop/LogPipeline/web", "kaizen.dev/uid", "new-uid");
    var observed = List.of(new ObservedAlarm(alarm("timeouts", 1), "arn:t", "OK"),
        new ObservedAlarm(alarm("errors", 5), "arn:e", "ALARM"), new ObservedAlarm(alarm("gone", 1), "arn:g", "OK"));
    var desired = List.of(alarm("errors", 10), alarm("timeouts", 1), alarm("new", 1));

    var changes = AttachmentPlanner.alarmOwnerTags(Ownership.REATTACH, desired, observed, owner);

    assertThat(describe(changes)).containsExactly(
        "TagResource kaizen:/shop/web:errors: re-attached: owner tags of this resource",
        "TagResource kaizen:/shop/web:timeouts: re-attached: owner tags of this resource");
    assertThat(changes).flatExtracting(RecordingPorts::callsOf).containsExactly(
        new RecordingPorts.PortCall("alarms", "tag", List.of("arn:e", owner)),
        new RecordingPorts.PortCall("alarms", "tag", List.of("arn:t", owner)));
    assertThat(describe(AttachmentPlanner.alarmOwnerTags(Ownership.ADOPT, desired, observed, owner)))
        .hasSize(2).allSatisfy(line -> assertThat(line).endsWith("adopted: owner tags of this resource"));
  }

  @Test
  void ownedAlarmsAreNeverRetagged() {
    var observed = List.of(new ObservedAlarm(alarm("errors", 5), "arn:e", "OK"));
    assertThat(AttachmentPlanner.alarmOwnerTags(Ownership.OWNED, List.of(alarm("errors", 5)), observed,
        Map.of("kaizen.dev/uid", "u"))).isEmpty();
  }

  @Test
  void existingAlarmsGainTheAccountDefaultsTheyLackInOneTagWriteAndNothingWhenTheyHaveThem() {
    var owner = Map.of("kaizen.dev/owner", "shop/LogPipeline/web", "kaizen.dev/uid", "uid-1");
    var observed = List.of(new ObservedAlarm(alarm("errors", 5), "arn:e", "OK"),
        new ObservedAlarm(alarm("timeouts", 1), "arn:t", "OK"));
    var desired = List.of(alarm("errors", 5), alarm("timeouts", 1));
    Map<String, Map<String, String>> current = Map.of(
        AlarmDefinition.name(GROUP, "errors"), Map.of("kaizen.dev/uid", "uid-1", "env", "prod", "old", "kept"),
        AlarmDefinition.name(GROUP, "timeouts"), Map.of("kaizen.dev/uid", "uid-1", "env", "prod", "team", "shop"));
    var defaults = Map.of("env", "prod", "team", "shop", "kaizen.dev/uid", "forged");

    var changes = AttachmentPlanner.alarmTags(name -> Ownership.OWNED, desired, observed, owner, current::get,
        defaults);

    // errors lacks team; timeouts has every default; "old" is never removed, an ownership key never set.
    assertThat(describe(changes)).containsExactly("TagResource kaizen:/shop/web:errors: account default tags: team");
    assertThat(RecordingPorts.callsOf(changes.get(0))).containsExactly(
        new RecordingPorts.PortCall("alarms", "tag", List.of("arn:e", Map.of("team", "shop"))));
    // Re-attached: the owner tags and the missing defaults in the same write.
    var reattached = AttachmentPlanner.alarmTags(name -> Ownership.REATTACH, desired, observed, owner, current::get,
        defaults);
    assertThat(RecordingPorts.callsOf(reattached.get(0))).containsExactly(new RecordingPorts.PortCall("alarms", "tag",
        List.of("arn:e", Map.of("team", "shop", "kaizen.dev/owner", "shop/LogPipeline/web",
            "kaizen.dev/uid", "uid-1"))));
    // Another's alarm is never tagged.
    assertThat(AttachmentPlanner.alarmTags(name -> Ownership.FOREIGN, desired, observed, owner, current::get,
        defaults)).isEmpty();
  }
}
