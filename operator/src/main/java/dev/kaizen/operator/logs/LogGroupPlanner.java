package dev.kaizen.operator.logs;

import static dev.kaizen.operator.logs.LogGroupChanges.associateKmsKey;
import static dev.kaizen.operator.logs.LogGroupChanges.createLogGroup;
import static dev.kaizen.operator.logs.LogGroupChanges.deleteLogGroup;
import static dev.kaizen.operator.logs.LogGroupChanges.deleteRetentionPolicy;
import static dev.kaizen.operator.logs.LogGroupChanges.disassociateKmsKey;
import static dev.kaizen.operator.logs.LogGroupChanges.putRetentionPolicy;
import static dev.kaizen.operator.logs.LogGroupChanges.tagResource;
import static dev.kaizen.operator.logs.LogGroupChanges.untagResource;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.shared.DefaultTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pure planner of a log group: desired and observed in, ordered changes out. Ownership tags go first (an
 * adopted group is marked ours before anything else is touched). Tags not set by the spec are never removed:
 * only keys the operator itself set from the spec earlier ({@code managedTagKeys}); the account's default tags are
 * added or brought back, never removed.
 */
public final class LogGroupPlanner {
  private LogGroupPlanner() {}

  public static List<Change<LogPipelinePorts>> plan(DesiredLogGroup desired, Optional<ObservedLogGroup> observed,
      Optional<Map<String, String>> observedTags, OwnerTags mine, Collection<String> managedTagKeys) {
    Map<String, String> desiredTags = new TreeMap<>(desired.tags());
    desiredTags.putAll(mine.asTags());
    List<Change<LogPipelinePorts>> changes = new ArrayList<>();
    if (observed.isEmpty()) {
      changes.add(createLogGroup(desired.name(), desired.kmsKeyArn(),
          DefaultTags.onCreate(desired.defaultTags(), desired.tags(), mine.asTags()), "absent"));
      if (desired.retentionDays() != null) {
        changes.add(putRetentionPolicy(desired.name(), desired.retentionDays(),
            "never expire -> " + days(desired.retentionDays())));
      }
      return changes;
    }
    ObservedLogGroup group = observed.get();
    observedTags.ifPresent(tags -> planTags(group, tags, desiredTags, desired, managedTagKeys, changes));
    if (!Objects.equals(group.retentionDays(), desired.retentionDays())) {
      String reason = days(group.retentionDays()) + " -> " + days(desired.retentionDays());
      changes.add((desired.retentionDays() == null
          ? deleteRetentionPolicy(group.name(), reason)
          : putRetentionPolicy(group.name(), desired.retentionDays(), reason))
          .withDifferences(List.of(new FieldChange("retentionDays", text(group.retentionDays()),
              text(desired.retentionDays())))));
    }
    if (!Objects.equals(group.kmsKeyArn(), desired.kmsKeyArn())) {
      String reason = key(group.kmsKeyArn()) + " -> " + key(desired.kmsKeyArn());
      changes.add((desired.kmsKeyArn() == null
          ? disassociateKmsKey(group.name(), reason)
          : associateKmsKey(group.name(), desired.kmsKeyArn(), reason))
          .withDifferences(List.of(new FieldChange("kmsKeyArn", group.kmsKeyArn(), desired.kmsKeyArn()))));
    }
    return changes;
  }

  public static Change<LogPipelinePorts> deletion(String name) {
    return deleteLogGroup(name, "deletionPolicy is Delete");
  }

  private static void planTags(ObservedLogGroup group, Map<String, String> observed, Map<String, String> desired,
      DesiredLogGroup spec, Collection<String> managedTagKeys, List<Change<LogPipelinePorts>> changes) {
    Map<String, String> toSet = new TreeMap<>();
    desired.forEach((key, value) -> {
      if (!value.equals(observed.get(key))) {
        toSet.put(key, value);
      }
    });
    // The account's defaults on a group that exists, in the same write; never removed (DefaultTags).
    toSet.putAll(DefaultTags.toApply(observed, spec.defaultTags(), desired));
    if (!toSet.isEmpty()) {
      changes.add(tagResource(group.name(), group.arn(), toSet, "set " + String.join(", ", toSet.keySet()))
          .withDifferences(toSet.entrySet().stream()
              .map(e -> new FieldChange("tag " + e.getKey(), observed.get(e.getKey()), e.getValue())).toList()));
    }
    List<String> toRemove = managedTagKeys.stream()
        .filter(key -> !spec.tags().containsKey(key) && !spec.defaultTags().containsKey(key)
            && observed.containsKey(key))
        .sorted()
        .toList();
    if (!toRemove.isEmpty()) {
      changes.add(untagResource(group.name(), group.arn(), toRemove,
          "removed from spec: " + String.join(", ", toRemove))
          .withDifferences(toRemove.stream().map(k -> new FieldChange("tag " + k, observed.get(k), null)).toList()));
    }
  }

  private static String text(Integer days) {
    return days == null ? null : String.valueOf(days);
  }

  private static String days(Integer days) {
    return days == null ? "never expire" : days + " days";
  }

  private static String key(String kmsKeyArn) {
    return kmsKeyArn == null ? "no KMS key" : kmsKeyArn;
  }
}
