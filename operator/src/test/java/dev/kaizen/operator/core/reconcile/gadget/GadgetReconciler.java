package dev.kaizen.operator.core.reconcile.gadget;

import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

@ControllerConfiguration(name = "gadget")
public final class GadgetReconciler implements Reconciler<Gadget>, Cleaner<Gadget> {
  private final ReconcileLoop<Gadget, GadgetKind.Observation, GadgetStore> loop;

  public GadgetReconciler(ReconcileLoop<Gadget, GadgetKind.Observation, GadgetStore> loop) {
    this.loop = loop;
  }

  @Override
  public UpdateControl<Gadget> reconcile(Gadget gadget, Context<Gadget> context) {
    return loop.reconcile(gadget);
  }

  @Override
  public DeleteControl cleanup(Gadget gadget, Context<Gadget> context) {
    return loop.cleanup(gadget);
  }
}
