package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Writes a resource's status with optimistic locking: the write carries the resourceVersion the reconcile read,
 * and fails with 409 Conflict when anyone wrote the resource since.
 *
 * <p>Why not the framework's status patch: without server-side apply, JOSDK 5 sends a JSON Patch computed against
 * its cached copy with the resourceVersion removed (ReconciliationDispatcher.CustomResourceFacade#patchStatus), so
 * it never conflicts. That is right for reporting; it is wrong for a fact a side effect depends on (the phase a
 * rollout enters, a request acknowledged), which must be durable, and not contradicted, before the side effect.
 */
public interface StatusWriter {

  /**
   * Replaces the status of {@code resource} if its resourceVersion is still current, and returns what the server
   * then holds (with the new resourceVersion).
   *
   * @throws KubernetesClientException with code 409 when the resource changed since it was read
   */
  <R extends HasMetadata> R writeLocked(R resource);

  /** Through the Kubernetes API: a PUT of the status subresource carrying the resourceVersion. */
  static StatusWriter kubernetes(KubernetesClient client) {
    return new StatusWriter() {
      @Override
      public <R extends HasMetadata> R writeLocked(R resource) {
        if (resource.getMetadata().getResourceVersion() == null) {
          throw new IllegalArgumentException("a locked status write needs the resourceVersion that was read");
        }
        // lockResourceVersion: fabric8's plain updateStatus() re-reads the latest version and retries on 409.
        return client.resource(resource).lockResourceVersion(resource.getMetadata().getResourceVersion())
            .updateStatus();
      }
    };
  }
}
