package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;

/**
 * Registers a kind's reconciler with the policies every kind shares: our own event filter instead of the
 * generation-aware one, a maximum interval of half the resync instead of 10 hours, and unlimited capped retries
 * for the failures that escape the loop (Kubernetes API errors) instead of 5 attempts then silence; and the
 * instance's {@link WatchScope} (namespaces, label selector), so every kind is sharded the same way.
 */
public final class ControllerRegistration {
  private ControllerRegistration() {}

  public static <R extends HasMetadata> void register(Operator operator, Reconciler<R> reconciler,
      ReconcileTimings timings, WatchScope scope) {
    operator.register(reconciler, override -> {
      if (scope.allNamespaces()) {
        override.watchingAllNamespaces();
      } else {
        override.settingNamespaces(scope.namespaces());
      }
      scope.labelSelector().ifPresent(override::withLabelSelector);
      override
        .withGenerationAware(false)
        .withOnUpdateFilter(new SpecOrKaizenAnnotationFilter<>())
        .withReconciliationMaxInterval(timings.requeue())
        .withRetry(new GenericRetry()
            .setInitialInterval(timings.backoffBase().toMillis())
            .setIntervalMultiplier(2)
            .setMaxInterval(timings.backoffMax().toMillis())
            .withoutMaxAttempts());
    });
  }
}
