package dev.kaizen.operator.solr;

import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** The JOSDK entry point for SolrCluster; all the work is the shared loop's and {@link SolrClusterKind}'s. */
@ControllerConfiguration(name = "solrcluster")
public final class SolrClusterReconciler implements Reconciler<SolrCluster>, Cleaner<SolrCluster> {
  private final ReconcileLoop<SolrCluster, SolrClusterObservation, SolrClusterPorts> loop;

  public SolrClusterReconciler(ReconcileLoop<SolrCluster, SolrClusterObservation, SolrClusterPorts> loop) {
    this.loop = loop;
  }

  /** The rollout's Jobs (issue 13), by their owner mark: a Job that finishes wakes its cluster at once. */
  @Override
  public java.util.List<io.javaoperatorsdk.operator.processing.event.source.EventSource<?, SolrCluster>>
      prepareEventSources(io.javaoperatorsdk.operator.api.reconciler.EventSourceContext<SolrCluster> context) {
    return dev.kaizen.operator.core.reconcile.SecondaryWatch.eventSources(java.util.List.of(
        dev.kaizen.operator.core.reconcile.SecondaryWatch.owned(io.fabric8.kubernetes.api.model.batch.v1.Job.class,
            SolrCluster.class)), context);
  }

  @Override
  public UpdateControl<SolrCluster> reconcile(SolrCluster cluster, Context<SolrCluster> context) {
    return loop.reconcile(cluster);
  }

  @Override
  public DeleteControl cleanup(SolrCluster cluster, Context<SolrCluster> context) {
    return loop.cleanup(cluster);
  }
}
