package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;

/**
 * Registers a kind's reconciler with the policies every kind shares: our own event filter instead of the
 * generation-aware one, a maximum interval of half the resync instead of 10 hours, and unlimited capped retries
 * for the failures that escape the loop (Kubernetes API errors) instead of 5 attempts then silence; the
 * instance's {@link WatchScope} (namespaces, label selector), so every kind is sharded the same way; and a cache
 * without managedFields ({@link CachedWithoutManagedFields}).
 */
public final class ControllerRegistration {
  private ControllerRegistration() {}

  /**
   * @param resourceType the kind's class: a cluster-scoped kind (one that is not {@link Namespaced}, e.g. AwsAccount)
   *     is watched cluster-wide whatever namespaces the instance is sharded by; the label selector still applies
   */
  public static <R extends HasMetadata> void register(Operator operator, Reconciler<R> reconciler,
      Class<R> resourceType, ReconcileTimings timings, WatchScope scope) {
    boolean namespaced = Namespaced.class.isAssignableFrom(resourceType);
    operator.register(reconciler, override -> {
      if (scope.allNamespaces() || !namespaced) {
        override.watchingAllNamespaces();
      } else {
        override.settingNamespaces(scope.namespaces());
      }
      scope.labelSelector().ifPresent(override::withLabelSelector);
      override
        .withItemStore(CachedWithoutManagedFields.store())
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
