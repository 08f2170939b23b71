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

  @Override
  public UpdateControl<SolrCluster> reconcile(SolrCluster cluster, Context<SolrCluster> context) {
    return loop.reconcile(cluster);
  }

  @Override
  public DeleteControl cleanup(SolrCluster cluster, Context<SolrCluster> context) {
    return loop.cleanup(cluster);
  }
}
