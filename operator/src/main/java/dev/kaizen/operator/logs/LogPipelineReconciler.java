package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import dev.kaizen.operator.core.reconcile.SecondaryWatch;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;

/** The JOSDK entry point for LogPipeline; all the work is the shared loop's and {@link LogPipelineKind}'s. */
@ControllerConfiguration(name = "logpipeline")
public final class LogPipelineReconciler implements Reconciler<LogPipeline>, Cleaner<LogPipeline> {
  private final ReconcileLoop<LogPipeline, LogPipelineObservation, LogPipelinePorts> loop;
  private final LogPipelineKind kind;
  private final List<SecondaryWatch<?, LogPipeline>> watches;

  public LogPipelineReconciler(ReconcileLoop<LogPipeline, LogPipelineObservation, LogPipelinePorts> loop,
      LogPipelineKind kind, List<SecondaryWatch<?, LogPipeline>> watches) {
    this.loop = loop;
    this.kind = kind;
    this.watches = List.copyOf(watches);
  }

  /**
   * The Fluent Bit ConfigMaps, one watch per shard: an edit or removal of a namespace's file by anyone but the
   * operator wakes the pipelines whose part of it changed, which put it back ({@link FluentBitFileWakes}).
   */
  public static List<SecondaryWatch<ConfigMap, LogPipeline>> fluentBitWatches(FluentBitShards shards,
      LogPipelineKind kind) {
    return shards.configMaps().stream().map(name -> SecondaryWatch.<ConfigMap, LogPipeline>sharedObject(
        ConfigMap.class, shards.namespace(), name, (context, watched) -> new FluentBitFileWakes(watched,
            namespace -> context.getPrimaryCache().list(namespace).toList(), kind::expectedFile, shards.format())))
        .toList();
  }

  /** The watches, and the kind reads a namespace's other pipelines from the controller's cache. */
  @Override
  public List<EventSource<?, LogPipeline>> prepareEventSources(EventSourceContext<LogPipeline> context) {
    var cache = context.getPrimaryCache();
    kind.useCachedPipelines(namespace -> cache.list(namespace).toList());
    return SecondaryWatch.eventSources(watches, context);
  }

  @Override
  public UpdateControl<LogPipeline> reconcile(LogPipeline pipeline, Context<LogPipeline> context) {
    return loop.reconcile(pipeline);
  }

  @Override
  public DeleteControl cleanup(LogPipeline pipeline, Context<LogPipeline> context) {
    DeleteControl control = loop.cleanup(pipeline);
    if (control.isRemoveFinalizer()) {
      kind.forget(pipeline);
    }
    return control;
  }
}
