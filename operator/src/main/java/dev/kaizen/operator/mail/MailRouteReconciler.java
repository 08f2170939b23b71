package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** The JOSDK entry point for MailRoute; all the work is the shared loop's and {@link MailRouteKind}'s. */
@ControllerConfiguration(name = "mailroute")
public final class MailRouteReconciler implements Reconciler<MailRoute>, Cleaner<MailRoute> {
  private final ReconcileLoop<MailRoute, MailRouteObservation, MailRoutePorts> loop;
  private final MailRouteKind kind;

  public MailRouteReconciler(ReconcileLoop<MailRoute, MailRouteObservation, MailRoutePorts> loop, MailRouteKind kind) {
    this.loop = loop;
    this.kind = kind;
  }

  @Override
  public UpdateControl<MailRoute> reconcile(MailRoute route, Context<MailRoute> context) {
    return loop.reconcile(route);
  }

  @Override
  public DeleteControl cleanup(MailRoute route, Context<MailRoute> context) {
    DeleteControl control = loop.cleanup(route);
    if (control.isRemoveFinalizer()) {
      kind.forget(route);
    }
    return control;
  }
}
