package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Passes an update when the spec changed (generation), the resource is being deleted, its finalizers changed, or a
 * {@code kaizen.dev/*}
 * annotation changed (on-demand resync, promote, rollback). Status-only and other metadata updates — most of
 * them our own status writes — are dropped. JOSDK's generation-aware filtering is turned off in favour of
 * this, because it would also drop the annotation changes.
 */
public final class SpecOrKaizenAnnotationFilter<R extends HasMetadata> implements OnUpdateFilter<R> {
  public static final String ANNOTATION_PREFIX = "kaizen.dev/";

  @Override
  public boolean accept(R newResource, R oldResource) {
    if (newResource.isMarkedForDeletion()) {
      return true;
    }
    if (!Objects.equals(newResource.getMetadata().getGeneration(), oldResource.getMetadata().getGeneration())) {
      return true;
    }
    // The framework adds its finalizer with an update and relies on that update's event to go on.
    if (!Objects.equals(newResource.getMetadata().getFinalizers(), oldResource.getMetadata().getFinalizers())) {
      return true;
    }
    return !kaizenAnnotations(newResource).equals(kaizenAnnotations(oldResource));
  }

  private static Map<String, String> kaizenAnnotations(HasMetadata resource) {
    Map<String, String> selected = new TreeMap<>();
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    if (annotations != null) {
      annotations.forEach((key, value) -> {
        if (key.startsWith(ANNOTATION_PREFIX)) {
          selected.put(key, value);
        }
      });
    }
    return selected;
  }
}
