package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;

/**
 * The JOSDK entry point for CronJobSet. Its CronJobs and their Jobs are watched (both carry the owner mark), so an
 * edit or deletion of a CronJob is undone, and a finished Job reported, at once rather than at the next resync; the
 * same watches' caches are what observes read ({@link WatchedCronJobs}).
 */
@ControllerConfiguration(name = "cronjobset")
public final class CronJobSetReconciler implements Reconciler<CronJobSet>, Cleaner<CronJobSet> {
  private final ReconcileLoop<CronJobSet, CronJobSetObservation, CronJobSetPorts> loop;
  private final WatchedCronJobs watched;

  public CronJobSetReconciler(ReconcileLoop<CronJobSet, CronJobSetObservation, CronJobSetPorts> loop,
      WatchedCronJobs watched) {
    this.loop = loop;
    this.watched = watched;
  }

  @Override
  public List<EventSource<?, CronJobSet>> prepareEventSources(EventSourceContext<CronJobSet> context) {
    return watched.eventSources(context);
  }

  @Override
  public UpdateControl<CronJobSet> reconcile(CronJobSet set, Context<CronJobSet> context) {
    return loop.reconcile(set);
  }

  @Override
  public DeleteControl cleanup(CronJobSet set, Context<CronJobSet> context) {
    return loop.cleanup(set);
  }
}
