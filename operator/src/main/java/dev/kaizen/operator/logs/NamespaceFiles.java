package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.logs.fluentbit.FluentBitPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which pipelines of a namespace are in its Fluent Bit file. Every pipeline of the namespace writes the same file,
 * computed from the same cache, so whichever reconciles writes the whole namespace's truth. A pipeline's own
 * reconcile always puts itself in (when it selects pods); the others are in only when their own reconcile accepted
 * their group (it exists and is theirs): their status records the group's ARN, or a reconcile in this process has
 * just accepted it ({@link FileShares}, ahead of the status). Either way they must not be Stalled (a name conflict,
 * an invalid spec), must be in {@code mode: Apply}, and not being deleted. So a pipeline never ships logs to a group
 * its own reconcile has not accepted.
 */
final class NamespaceFiles {
  private NamespaceFiles() {}

  /** This pipeline's part of the file, when it selects pods. */
  static Optional<FluentBitPipeline> shipping(LogPipeline pipeline, String region, String group) {
    return Optional.ofNullable(pipeline.getSpec().getPods()).map(pods -> FluentBitPipeline.of(
        pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName(), pods.getMatchLabels(), region,
        group));
  }

  /** The other pipelines of the namespace that are shipping, each in the region its group was found in. */
  static List<FluentBitPipeline> neighbours(LogPipeline pipeline, List<LogPipeline> namespace) {
    return neighbours(pipeline, namespace, other -> Optional.empty());
  }

  /** As above, with the shares reconciles accepted ahead of their statuses. */
  static List<FluentBitPipeline> neighbours(LogPipeline pipeline, List<LogPipeline> namespace,
      Function<LogPipeline, Optional<FileShare>> shares) {
    return shippingNow(namespace.stream().filter(other -> !sameOrElsewhere(pipeline, other)).toList(), shares);
  }

  /** Every pipeline of {@code namespace} (one namespace's) whose output belongs in the file now. */
  static List<FluentBitPipeline> shippingNow(List<LogPipeline> namespace,
      Function<LogPipeline, Optional<FileShare>> shares) {
    List<FluentBitPipeline> shipping = new ArrayList<>();
    for (LogPipeline other : namespace) {
      if (other.getMetadata().getDeletionTimestamp() != null || other.getSpec() == null
          || other.getSpec().getPods() == null || other.getSpec().getMode() == Mode.Plan) {
        continue;
      }
      Optional<FileShare> share = shares.apply(other);
      // A share taken from this very version outranks the cached status, which its reconcile is about to replace.
      boolean current = share.filter(s -> Objects.equals(s.resourceVersion(),
          other.getMetadata().getResourceVersion())).isPresent();
      if (!current && stalled(other)) {
        continue;
      }
      Optional<Destination> destination = share.map(s -> new Destination(s.region(), s.logGroup()))
          .or(() -> Optional.ofNullable(other.getStatus()).map(LogPipelineStatus::getLogGroup)
              .filter(found -> found.getArn() != null && found.getName() != null)
              .map(found -> new Destination(LogPipelineKind.regionOf(found.getArn()), found.getName())));
      if (destination.isEmpty()) {
        continue;
      }
      try {
        shipping(other, destination.get().region(), destination.get().group()).ifPresent(shipping::add);
      } catch (IllegalArgumentException invalid) {
        // Its own reconcile reports what is wrong with it; the namespace's file goes on without it.
      }
    }
    return shipping;
  }

  /**
   * For {@code kaizen plan}: the other manifests of the namespace planned together, as they will be once applied
   * (those that select pods, in {@code mode: Apply}).
   */
  static List<FluentBitPipeline> planned(LogPipeline pipeline, List<LogPipeline> namespace,
      Function<LogPipeline, String> region, Function<LogPipeline, String> group) {
    List<FluentBitPipeline> others = new ArrayList<>();
    for (LogPipeline other : namespace) {
      if (sameOrElsewhere(pipeline, other) || other.getSpec() == null || other.getSpec().getMode() == Mode.Plan) {
        continue;
      }
      try {
        shipping(other, region.apply(other), group.apply(other)).ifPresent(others::add);
      } catch (IllegalArgumentException invalid) {
        // planned on its own, with its own problem
      }
    }
    return others;
  }

  /** Where a pipeline's output ships: its group and the group's region. */
  private record Destination(String region, String group) {}

  private static boolean sameOrElsewhere(LogPipeline pipeline, LogPipeline other) {
    return Objects.equals(other.getMetadata().getName(), pipeline.getMetadata().getName())
        || !Objects.equals(other.getMetadata().getNamespace(), pipeline.getMetadata().getNamespace());
  }

  private static boolean stalled(LogPipeline pipeline) {
    return pipeline.getStatus() != null && pipeline.getStatus().getConditions().stream()
        .anyMatch(c -> Conditions.STALLED.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static Optional<String> render(List<FluentBitPipeline> pipelines, FluentBitFormat format) {
    return pipelines.isEmpty() ? Optional.empty() : Optional.of(FluentBitConfigRenderer.render(pipelines, format));
  }
}
