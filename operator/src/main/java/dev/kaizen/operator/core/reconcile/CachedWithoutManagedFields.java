package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;

/**
 * The store every informer of ours caches into: objects without {@code metadata.managedFields}. A real API server
 * records there, per field manager (kubectl, Argo CD, the controllers, us), every field it set: deserialized, that is
 * a tree of maps often as large as the object itself, kept for every cached resource, CronJob and Job, and read by
 * nothing in the operator. Writing a cached object back stays safe: an update without managedFields keeps the
 * server's (the API server takes the live object's when a request carries none).
 */
public final class CachedWithoutManagedFields {
  private CachedWithoutManagedFields() {}

  public static <R extends HasMetadata> ItemStore<R> store() {
    return new TransformingItemStore<>(CachedWithoutManagedFields::strip);
  }

  static <R extends HasMetadata> R strip(R resource) {
    if (resource.getMetadata() != null) {
      resource.getMetadata().setManagedFields(null);
    }
    return resource;
  }
}
