package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.HashMap;
import java.util.Map;

/**
 * The mark a Kubernetes object we create carries to name the resource that owns it (a CronJobSet's CronJobs, a
 * SolrCluster's reindex Job, an AwsAccount's objects), so an informer can select what a kind owns and map an event
 * back to its owner.
 *
 * <p>Not {@code ownerReferences}: Kubernetes' garbage collector deletes an object whose owners are all gone, which
 * would contradict {@code deletionPolicy: Retain} (the default: deleting the resource leaves what it made in place);
 * and an owner reference cannot cross namespaces. The owner's name and namespace go in annotations (a name may be
 * 253 characters, a label value only 63); labels carry what fits and what an informer selects on: the owner's kind
 * and uid.
 */
public final class OwnerMarker {
  /** Label: the owner's kind ({@code CronJobSet}); a kind's watch selects on it. */
  public static final String OWNER_KIND = "kaizen.dev/owner-kind";
  /** Label: the owner's uid (36 characters), to list what one resource owns. */
  public static final String OWNER_UID = "kaizen.dev/owner-uid";
  /** Annotation: the owner's name. */
  public static final String OWNER_NAME = "kaizen.dev/owner-name";
  /** Annotation: the owner's namespace; absent when the owner is cluster-scoped (AwsAccount). */
  public static final String OWNER_NAMESPACE = "kaizen.dev/owner-namespace";
  /** Annotation: the owner's group, version and kind, checked by the mapper so another kind's object is ignored. */
  public static final String OWNER_TYPE = "kaizen.dev/owner-type";

  private OwnerMarker() {}

  /** Marks {@code owned} as {@code owner}'s, keeping its other labels and annotations. */
  public static void mark(HasMetadata owned, HasMetadata owner) {
    ObjectMeta meta = owned.getMetadata();
    Map<String, String> labels = new HashMap<>(meta.getLabels() == null ? Map.of() : meta.getLabels());
    labels.put(OWNER_KIND, owner.getKind());
    labels.put(OWNER_UID, owner.getMetadata().getUid());
    meta.setLabels(labels);
    Map<String, String> annotations = new HashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    annotations.put(OWNER_NAME, owner.getMetadata().getName());
    annotations.put(OWNER_TYPE, GroupVersionKind.gvkFor(owner.getClass()).toGVKString());
    String namespace = owner.getMetadata().getNamespace();
    if (namespace == null || namespace.isEmpty()) {
      annotations.remove(OWNER_NAMESPACE);
    } else {
      annotations.put(OWNER_NAMESPACE, namespace);
    }
    meta.setAnnotations(annotations);
  }

  /** The label selector matching every object owned by resources of {@code ownerType}. */
  public static String selector(Class<? extends HasMetadata> ownerType) {
    return OWNER_KIND + "=" + HasMetadata.getKind(ownerType);
  }

  /**
   * Maps a marked object to its owner with JOSDK's own annotation mapper; an object marked for another kind maps to
   * nothing, and an owner without a namespace annotation is cluster-scoped.
   */
  public static <S extends HasMetadata> SecondaryToPrimaryMapper<S> toOwner(
      Class<? extends HasMetadata> ownerType) {
    return Mappers.fromAnnotation(OWNER_NAME, OWNER_NAMESPACE, OWNER_TYPE, ownerType);
  }
}
