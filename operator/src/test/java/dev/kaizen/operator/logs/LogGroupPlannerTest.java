package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogGroupPlannerTest {
  private static final OwnerTags MINE =
      OwnerTags.of(new ClusterIdentity("c1"), "shop", "LogPipeline", "web", "uid-1");
  private static final String ARN = "arn:aws:logs:eu-west-1:111122223333:log-group:/shop/web";
  private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/abc";

  private static Plan<LogPipelinePorts> plan(DesiredLogGroup desired, Optional<ObservedLogGroup> observed,
      Optional<Map<String, String>> tags, List<String> managed) {
    return new Plan<>(LogGroupPlanner.plan(desired, observed, tags, MINE, managed));
  }

  @Test
  void absentGroupIsCreatedWithOwnerTagsThenGivenItsRetention() {
    var desired = new DesiredLogGroup("/shop/web", 30, KEY, Map.of("team", "shop"));
    var plan = plan(desired, Optional.empty(), Optional.of(Map.of()), List.of());

    assertThat(plan.describe()).containsExactly(
        "CreateLogGroup /shop/web: absent",
        "PutRetentionPolicy /shop/web: never expire -> 30 days");
    assertThat(plan.changes()).extracting(Change::effect).containsExactly(Effect.CREATE, Effect.UPDATE);
    var create = RecordingPorts.callsOf(plan.changes().get(0));
    assertThat(create).singleElement().satisfies(call -> {
      assertThat(call.method()).isEqualTo("create");
      assertThat(call.arguments().subList(0, 2)).containsExactly("/shop/web", KEY);
      @SuppressWarnings("unchecked")
      var tags = (Map<String, String>) call.arguments().get(2);
      assertThat(tags).containsEntry("team", "shop").containsAllEntriesOf(MINE.asTags());
    });
    assertThat(RecordingPorts.callsOf(plan.changes().get(1)))
        .containsExactly(new RecordingPorts.PortCall("logs", "putRetention", List.of("/shop/web", 30)));
  }

  @Test
  void groupInSyncNeedsNothing() {
    var desired = new DesiredLogGroup("/shop/web", 30, null, Map.of());
    var observed = new ObservedLogGroup("/shop/web", ARN, 30, null);
    var plan = plan(desired, Optional.of(observed), Optional.of(MINE.asTags()), List.of());
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void retentionAndKeyDifferencesBecomeOneCallEach() {
    var desired = new DesiredLogGroup("/shop/web", 30, KEY, Map.of());
    var observed = new ObservedLogGroup("/shop/web", ARN, 7, null);
    var plan = plan(desired, Optional.of(observed), Optional.empty(), List.of());
    assertThat(plan.describe()).containsExactly(
        "PutRetentionPolicy /shop/web: 7 days -> 30 days",
        "AssociateKmsKey /shop/web: no KMS key -> " + KEY);
  }

  @Test
  void removedRetentionAndKeyAreRemovedInAws() {
    var desired = new DesiredLogGroup("/shop/web", null, null, Map.of());
    var observed = new ObservedLogGroup("/shop/web", ARN, 7, KEY);
    var plan = plan(desired, Optional.of(observed), Optional.empty(), List.of());
    assertThat(plan.describe()).containsExactly(
        "DeleteRetentionPolicy /shop/web: 7 days -> never expire",
        "DisassociateKmsKey /shop/web: " + KEY + " -> no KMS key");
  }

  @Test
  void tagsAreComparedOnlyWhenReadAndForeignTagsAreKept() {
    var desired = new DesiredLogGroup("/shop/web", null, null, Map.of("team", "shop"));
    var observed = new ObservedLogGroup("/shop/web", ARN, null, null);
    Map<String, String> found = new java.util.HashMap<>(MINE.asTags());
    found.put("team", "old");
    found.put("cost-center", "42"); // set by someone else: never removed
    found.put("tier", "gold"); // set by us from an earlier spec: removed

    var plan = plan(desired, Optional.of(observed), Optional.of(found), List.of("team", "tier"));

    assertThat(plan.describe()).containsExactly(
        "TagResource /shop/web: set team",
        "UntagResource /shop/web: removed from spec: tier");
    var unread = plan(desired, Optional.of(observed), Optional.empty(), List.of("tier"));
    assertThat(unread.isEmpty()).isTrue();
  }

  @Test
  void reattachRewritesOnlyTheUid() {
    var desired = new DesiredLogGroup("/shop/web", null, null, Map.of());
    var observed = new ObservedLogGroup("/shop/web", ARN, null, null);
    Map<String, String> found = new java.util.HashMap<>(MINE.asTags());
    found.put(OwnerTags.UID, "uid-0");
    var plan = plan(desired, Optional.of(observed), Optional.of(found), List.of());
    assertThat(plan.describe()).containsExactly("TagResource /shop/web: set kaizen.dev/uid");
    assertThat(RecordingPorts.callsOf(plan.changes().get(0))).containsExactly(
        new RecordingPorts.PortCall("logs", "tag", List.of(ARN, Map.of(OwnerTags.UID, "uid-1"))));
  }

  @Test
  void deletionDeletesTheGroup() {
    var deletion = LogGroupPlanner.deletion("/shop/web");
    assertThat(deletion.describe()).isEqualTo("DeleteLogGroup /shop/web: deletionPolicy is Delete");
    assertThat(deletion.effect()).isEqualTo(Effect.DELETE);
    assertThat(RecordingPorts.callsOf(deletion))
        .containsExactly(new RecordingPorts.PortCall("logs", "delete", List.of("/shop/web")));
  }

  @Test
  void listingPrefixesAreSharedPerNamespace() {
    assertThat(LogPipelineCatalog.prefixes(java.util.Set.of("/shop/web", "/shop/api", "/pay/db", "flat", "/shop/")))
        .containsExactly("/pay/", "/shop/", "flat");
  }

  @Test
  void accountDefaultsAreAddedToAnExistingGroupUnderTheSpecsTagsAndNeverRemoved() {
    var desired = new DesiredLogGroup("/shop/web", null, null, Map.of("team", "shop"),
        Map.of("team", "platform", "env", "prod", "cost-center", "42"));
    var observed = new ObservedLogGroup("/shop/web", ARN, null, null);
    Map<String, String> found = new java.util.HashMap<>(MINE.asTags());
    found.put("team", "shop");
    found.put("cost-center", "41");
    found.put("tier", "gold"); // set from an earlier spec: removed
    found.put("env", "dev"); // a default an older status recorded as managed: brought back, never removed

    var plan = plan(desired, Optional.of(observed), Optional.of(found), List.of("team", "tier", "env"));

    assertThat(plan.describe()).containsExactly("TagResource /shop/web: set cost-center, env",
        "UntagResource /shop/web: removed from spec: tier");
    assertThat(RecordingPorts.callsOf(plan.changes().get(0))).containsExactly(
        new RecordingPorts.PortCall("logs", "tag", List.of(ARN, Map.of("cost-center", "42", "env", "prod"))));
    // Once there, nothing to write.
    found.put("cost-center", "42");
    found.put("env", "prod");
    assertThat(plan(desired, Optional.of(observed), Optional.of(found), List.of("team")).isEmpty()).isTrue();
    // Created with them, the spec's tag winning.
    var create = RecordingPorts.callsOf(plan(desired, Optional.empty(), Optional.of(Map.of()), List.of())
        .changes().get(0));
    assertThat(create.get(0).arguments().get(2)).isEqualTo(new java.util.TreeMap<>(Map.of("team", "shop",
        "env", "prod", "cost-center", "42", OwnerTags.CLUSTER, "c1", OwnerTags.OWNER, "shop/LogPipeline/web",
        OwnerTags.UID, "uid-1")));
  }
}
