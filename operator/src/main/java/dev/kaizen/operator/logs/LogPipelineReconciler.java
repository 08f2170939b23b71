package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** The JOSDK entry point for LogPipeline; all the work is the shared loop's and {@link LogPipelineKind}'s. */
@ControllerConfiguration(name = "logpipeline")
public final class LogPipelineReconciler implements Reconciler<LogPipeline>, Cleaner<LogPipeline> {
  private final ReconcileLoop<LogPipeline, LogPipelineObservation, LogPipelinePorts> loop;
  private final LogPipelineKind kind;

  public LogPipelineReconciler(ReconcileLoop<LogPipeline, LogPipelineObservation, LogPipelinePorts> loop,
      LogPipelineKind kind) {
    this.loop = loop;
    this.kind = kind;
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
