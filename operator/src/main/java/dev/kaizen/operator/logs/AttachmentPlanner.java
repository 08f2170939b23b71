package dev.kaizen.operator.logs;

import static dev.kaizen.operator.logs.PipelineChanges.deleteAlarms;
import static dev.kaizen.operator.logs.PipelineChanges.deleteMetricFilter;
import static dev.kaizen.operator.logs.PipelineChanges.deleteSubscriptionFilter;
import static dev.kaizen.operator.logs.PipelineChanges.putFluentBitConfig;
import static dev.kaizen.operator.logs.PipelineChanges.putMetricAlarm;
import static dev.kaizen.operator.logs.PipelineChanges.putMetricFilter;
import static dev.kaizen.operator.logs.PipelineChanges.putSubscriptionFilter;
import static dev.kaizen.operator.logs.PipelineChanges.removeFluentBitConfig;
import static dev.kaizen.operator.logs.PipelineChanges.tagAlarm;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.shared.DefaultTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure planning of what hangs off a log group. Only objects of the operator's own naming are ever changed or
 * deleted: filters named {@code kaizen/*} in the pipeline's group, alarms named {@code kaizen:<group>:*}, the
 * subscription filter {@code kaizen/subscription}, and the pipeline's own ConfigMap key.
 */
final class AttachmentPlanner {
  /** "Each log group can have up to two subscription filters associated with it" (API reference). */
  static final int MAX_SUBSCRIPTION_FILTERS = 2;

  private AttachmentPlanner() {}

  /** An update whose reason lists each field it changes, old -> new. */
  private static Change<LogPipelinePorts> updated(BiFunction<Effect, String, Change<LogPipelinePorts>> put,
      List<FieldChange> differences) {
    // Every field of the definitions is compared, so an unequal pair always names one; "changed" is only a guard.
    String reason = differences.isEmpty() ? "changed" : FieldChange.describe(differences);
    return put.apply(Effect.UPDATE, reason).withDifferences(differences);
  }

  static List<Change<LogPipelinePorts>> metricFilters(String logGroup, List<MetricFilterDefinition> desired,
      List<MetricFilterDefinition> observed, List<Change<LogPipelinePorts>> deletions) {
    Map<String, MetricFilterDefinition> ours = observed.stream().filter(MetricFilterDefinition::ours)
        .collect(Collectors.toMap(MetricFilterDefinition::filterName, Function.identity(), (a, b) -> a));
    List<Change<LogPipelinePorts>> puts = new ArrayList<>();
    for (MetricFilterDefinition filter : desired) {
      MetricFilterDefinition found = ours.remove(filter.filterName());
      if (!filter.equals(found)) {
        puts.add(found == null ? putMetricFilter(filter, Effect.CREATE, "absent")
            : updated((effect, reason) -> putMetricFilter(filter, effect, reason), differences(found, filter)));
      }
    }
    ours.keySet().stream().sorted()
        .forEach(name -> deletions.add(deleteMetricFilter(logGroup, name, "removed from spec")));
    return puts;
  }

  static List<Change<LogPipelinePorts>> alarms(List<AlarmDefinition> desired, List<ObservedAlarm> observed,
      Map<String, String> tags, List<Change<LogPipelinePorts>> deletions) {
    Map<String, AlarmDefinition> found = observed.stream().map(ObservedAlarm::definition)
        .collect(Collectors.toMap(AlarmDefinition::alarmName, Function.identity(), (a, b) -> a));
    List<Change<LogPipelinePorts>> puts = new ArrayList<>();
    for (AlarmDefinition alarm : desired) {
      AlarmDefinition current = found.remove(alarm.alarmName());
      if (!alarm.equals(current)) {
        puts.add(current == null ? putMetricAlarm(alarm, tags, Effect.CREATE, "absent")
            : updated((effect, reason) -> putMetricAlarm(alarm, tags, effect, reason),
                differences(current, alarm)));
      }
    }
    if (!found.isEmpty()) {
      deletions.add(0, deleteAlarms(found.keySet().stream().sorted().toList(), "removed from spec"));
    }
    return puts;
  }

  /** As {@link #alarmTags} with one verdict for every alarm, no tags read and no account defaults. */
  static List<Change<LogPipelinePorts>> alarmOwnerTags(Ownership ownership, List<AlarmDefinition> desired,
      List<ObservedAlarm> observed, Map<String, String> ownerTags) {
    return alarmTags(name -> ownership, desired, observed, ownerTags, name -> Map.of(), Map.of());
  }

  /**
   * Tags for the existing alarms the spec keeps, one TagResource each at most (PutMetricAlarm ignores tags on an
   * existing alarm): this resource's owner tags when the alarm's own verdict calls for re-tagging (re-attached, taken
   * over or adopted; without them its {@code kaizen.dev/uid}, or {@code kaizen.dev/cluster}, or no tags at all would
   * stay), and the account's default tags it lacks ({@link DefaultTags}: added or brought back, never removed). Call
   * it only with verdicts and tags read in this observe (a full one); once tagged, the next full observe finds the
   * alarm OWNED with its defaults, and this plans nothing.
   *
   * @param currentTags each alarm's tags as read, by alarm name
   * @param defaults the account's default tags
   */
  static List<Change<LogPipelinePorts>> alarmTags(Function<String, Ownership> verdictOf,
      List<AlarmDefinition> desired, List<ObservedAlarm> observed, Map<String, String> ownerTags,
      Function<String, Map<String, String>> currentTags, Map<String, String> defaults) {
    List<String> kept = desired.stream().map(AlarmDefinition::alarmName).toList();
    List<Change<LogPipelinePorts>> changes = new ArrayList<>();
    observed.stream()
        .filter(alarm -> kept.contains(alarm.definition().alarmName()))
        .filter(alarm -> verdictOf.apply(alarm.definition().alarmName()).mayManage())
        .sorted(Comparator.comparing(alarm -> alarm.definition().alarmName()))
        .forEach(alarm -> {
          String name = alarm.definition().alarmName();
          Ownership verdict = verdictOf.apply(name);
          Map<String, String> tags = new TreeMap<>(DefaultTags.toApply(currentTags.apply(name), defaults, ownerTags));
          String defaultsReason = "account default tags: " + String.join(", ", tags.keySet());
          if (verdict.retags()) {
            tags.putAll(ownerTags);
          }
          if (tags.isEmpty()) {
            return;
          }
          String reason = switch (verdict) {
            case REATTACH -> "re-attached: owner tags of this resource";
            case TAKE_OVER -> "taken over from a previous cluster identity: owner tags of this cluster";
            case ADOPT -> "adopted: owner tags of this resource";
            default -> defaultsReason;
          };
          changes.add(tagAlarm(name, alarm.arn(), Map.copyOf(tags), reason));
        });
    return changes;
  }

  /** Planned only when the group's subscription filters were read (full observe). */
  static List<Change<LogPipelinePorts>> subscription(String logGroup, Optional<SubscriptionDefinition> desired,
      Optional<List<SubscriptionDefinition>> observed) {
    if (observed.isEmpty()) {
      return List.of();
    }
    Optional<SubscriptionDefinition> ours = observed.get().stream()
        .filter(s -> SubscriptionDefinition.NAME.equals(s.filterName())).findFirst();
    if (desired.isPresent()) {
      if (desired.equals(ours)) {
        return List.of();
      }
      if (ours.isEmpty()) {
        requireRoomForSubscription(logGroup, observed.get());
        return List.of(putSubscriptionFilter(desired.get(), Effect.CREATE, "absent"));
      }
      return List.of(updated((effect, reason) -> putSubscriptionFilter(desired.get(), effect, reason),
          differences(ours.get(), desired.get())));
    }
    return ours.isPresent()
        ? List.of(deleteSubscriptionFilter(logGroup, SubscriptionDefinition.NAME, "removed from spec"))
        : List.of();
  }

  /**
   * "Each log group can have up to two subscription filters associated with it" (PutSubscriptionFilter): a group that
   * already has two of others' would refuse ours with LimitExceededException. Stalled before the call, with the
   * filters named, so a person can decide which one goes.
   */
  private static void requireRoomForSubscription(String logGroup, List<SubscriptionDefinition> others) {
    if (others.size() >= MAX_SUBSCRIPTION_FILTERS) {
      throw new InvalidSpecException("The log group " + logGroup + " already has " + others.size()
          + " subscription filters (" + others.stream().map(SubscriptionDefinition::filterName).sorted()
              .collect(Collectors.joining(", "))
          + "), the most CloudWatch Logs allows per group: remove one of them, or remove spec.subscription.");
    }
  }

  /**
   * The namespace's Fluent Bit file: written when it differs, removed with the namespace's last shipping pipeline.
   * A file that does not fit in its ConfigMap stops the pipeline (Stalled) before anything is written: Kubernetes
   * would refuse it on every retry.
   */
  static List<Change<LogPipelinePorts>> fluentBit(String configMap, String key, Optional<String> desired,
      Optional<FileShare> share, FluentBitConfigs.Slot observed) {
    if (desired.equals(observed.value())) {
      return List.of();
    }
    if (desired.isPresent()) {
      long bytes = desired.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > observed.room()) {
        throw new InvalidSpecException(KubernetesFluentBitConfigs.tooLarge(configMap + " " + key,
            FluentBitShards.MAX_DATA_BYTES - observed.room() + bytes));
      }
      return List.of(observed.value().isEmpty()
          ? putFluentBitConfig(configMap, key, desired.get(), share, Effect.CREATE, "absent")
          : putFluentBitConfig(configMap, key, desired.get(), share, Effect.UPDATE,
              "the namespace's pipelines, pod selection or destinations changed"));
    }
    return List.of(removeFluentBitConfig(configMap, key, "no pipeline of the namespace selects pods"));
  }

  private static List<FieldChange> differences(MetricFilterDefinition from, MetricFilterDefinition to) {
    List<FieldChange> changed = new ArrayList<>();
    field(changed, "pattern", from.pattern(), to.pattern());
    field(changed, "metric", from.metricNamespace() + "/" + from.metricName(),
        to.metricNamespace() + "/" + to.metricName());
    field(changed, "value", from.metricValue(), to.metricValue());
    field(changed, "defaultValue", from.defaultValue() == null ? null : number(from.defaultValue()),
        to.defaultValue() == null ? null : number(to.defaultValue()));
    field(changed, "unit", from.unit(), to.unit());
    return changed;
  }

  private static List<FieldChange> differences(AlarmDefinition from, AlarmDefinition to) {
    List<FieldChange> changed = new ArrayList<>();
    field(changed, "threshold", number(from.threshold()), number(to.threshold()));
    field(changed, "comparison", from.comparison(), to.comparison());
    field(changed, "statistic", from.statistic(), to.statistic());
    field(changed, "period", from.periodSeconds() + " s", to.periodSeconds() + " s");
    field(changed, "evaluationPeriods", String.valueOf(from.evaluationPeriods()),
        String.valueOf(to.evaluationPeriods()));
    field(changed, "actions", String.valueOf(from.actions()), String.valueOf(to.actions()));
    field(changed, "treatMissingData", from.treatMissingData(), to.treatMissingData());
    field(changed, "description", from.description(), to.description());
    field(changed, "metric", from.metricNamespace() + "/" + from.metricName(),
        to.metricNamespace() + "/" + to.metricName());
    return changed;
  }

  private static List<FieldChange> differences(SubscriptionDefinition from, SubscriptionDefinition to) {
    List<FieldChange> changed = new ArrayList<>();
    field(changed, "destination", from.destinationArn(), to.destinationArn());
    field(changed, "role", from.roleArn(), to.roleArn());
    field(changed, "pattern", from.pattern(), to.pattern());
    return changed;
  }

  private static void field(List<FieldChange> changed, String field, String from, String to) {
    if (!Objects.equals(from, to)) {
      changed.add(new FieldChange(field, from, to));
    }
  }


  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
