package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupStatus;
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
 * reconcile always puts itself in (when it selects pods); the others are in only when their own reconcile showed
 * their group exists and is theirs: their status records the group's ARN and they are not Stalled (a name conflict,
 * an invalid spec), they are in {@code mode: Apply}, and they are not being deleted. So a pipeline never ships logs
 * to a group its own reconcile has not accepted.
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
    List<FluentBitPipeline> others = new ArrayList<>();
    for (LogPipeline other : namespace) {
      if (sameOrElsewhere(pipeline, other) || other.getMetadata().getDeletionTimestamp() != null || other.getSpec() == null
          || other.getSpec().getPods() == null || other.getSpec().getMode() == Mode.Plan || stalled(other)) {
        continue;
      }
      Optional<LogGroupStatus> group = Optional.ofNullable(other.getStatus()).map(LogPipelineStatus::getLogGroup)
          .filter(found -> found.getArn() != null && found.getName() != null);
      if (group.isEmpty()) {
        continue;
      }
      try {
        shipping(other, LogPipelineKind.regionOf(group.get().getArn()), group.get().getName())
            .ifPresent(others::add);
      } catch (IllegalArgumentException invalid) {
        // Its own reconcile reports what is wrong with it; the namespace's file goes on without it.
      }
    }
    return others;
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
