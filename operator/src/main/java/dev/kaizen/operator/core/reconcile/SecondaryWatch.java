package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A kind's watch on Kubernetes objects it writes (CronJobs, Jobs, ConfigMaps): an informer whose events wake the
 * owning resources at once, so drift there (an edit, a deletion) and completion (a Job finishing) are seen without
 * waiting for the next resync. A kind declares its watches; its JOSDK reconciler returns {@link #eventSources} from
 * {@code prepareEventSources}.
 *
 * <p>Two shapes: objects each owned by one resource and marked with {@link OwnerMarker} ({@link #owned}), watched in
 * the namespaces the kind's controller watches; and one object shared by many resources, each owning a part of it
 * ({@link #sharedObject}, the Fluent Bit ConfigMap), watched by namespace and name only so the operator does not cache
 * every object of that type in the cluster.
 */
public final class SecondaryWatch<S extends HasMetadata, P extends HasMetadata> {
  /** Builds the mapper from a secondary event to primaries; it may read the primary cache and the watch's cache. */
  @FunctionalInterface
  public interface MapperFactory<S extends HasMetadata, P extends HasMetadata> {
    SecondaryToPrimaryMapper<S> create(EventSourceContext<P> context, Function<ResourceID, Optional<S>> watched);
  }

  private final String name;
  private final Class<S> type;
  private final Optional<ResourceID> single;
  private final Optional<String> labelSelector;
  private final MapperFactory<S, P> mapper;

  private SecondaryWatch(String name, Class<S> type, Optional<ResourceID> single, Optional<String> labelSelector,
      MapperFactory<S, P> mapper) {
    this.name = name;
    this.type = type;
    this.single = single;
    this.labelSelector = labelSelector;
    this.mapper = mapper;
  }

  /**
   * Objects of {@code type} marked by {@link OwnerMarker} as owned by a resource of {@code ownerType}, in the
   * namespaces the owner's controller watches (its shard); an event wakes the one owner named by the mark.
   */
  public static <S extends HasMetadata, P extends HasMetadata> SecondaryWatch<S, P> owned(Class<S> type,
      Class<P> ownerType) {
    return new SecondaryWatch<>("owned-" + HasMetadata.getPlural(type), type, Optional.empty(),
        Optional.of(OwnerMarker.selector(ownerType)), (context, watched) -> OwnerMarker.toOwner(ownerType));
  }

  /**
   * The one object {@code namespace/name} of {@code type}, shared by many resources; {@code mapper} decides which of
   * them an event wakes (see {@link ChangedParts} for "only the owners of the parts that changed").
   */
  public static <S extends HasMetadata, P extends HasMetadata> SecondaryWatch<S, P> sharedObject(Class<S> type,
      String namespace, String name, MapperFactory<S, P> mapper) {
    return new SecondaryWatch<>("shared-" + HasMetadata.getPlural(type) + "-" + namespace + "-" + name, type,
        Optional.of(new ResourceID(name, namespace)), Optional.empty(), mapper);
  }

  /** The watch's informer, built with JOSDK's own configuration. */
  public InformerEventSource<S, P> eventSource(EventSourceContext<P> context) {
    AtomicReference<InformerEventSource<S, P>> source = new AtomicReference<>();
    // The mapper reads the watch's own cache through this reference, set just below, before the informer starts.
    Function<ResourceID, Optional<S>> watched = id -> source.get().get(id);
    var config = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
        .withName(name)
        .withItemStore(CachedWithoutManagedFields.<S>store())
        .withSecondaryToPrimaryMapper(mapper.create(context, watched));
    labelSelector.ifPresent(config::withLabelSelector);
    single.ifPresentOrElse(id -> config
            .withNamespaces(id.getNamespace().orElseThrow())
            // A field selector on the name: the API server sends this one object (and RBAC may name it).
            .withFieldSelector(new FieldSelector(new FieldSelector.Field("metadata.name", id.getName())))
            // Every primary relates to the one object. Saying so also keeps JOSDK from maintaining its
            // secondary-to-primary index, which would call the mapper a second time per event.
            .withPrimaryToSecondaryMapper(primary -> Set.of(id)),
        config::withNamespacesInheritedFromController);
    source.set(new InformerEventSource<>(config.build(), context));
    return source.get();
  }

  /**
   * False when the API server refuses (403) to list what this watch would: a shared object may live in a namespace
   * the operator is not granted (Fluent Bit's, when the installation leaves that component out). JOSDK stops the
   * whole operator when an informer cannot start, so such a watch is left out instead, by the caller, with a warning.
   * One list of at most one object; objects owned by resources are in the kind's own namespaces and are not checked.
   */
  public boolean permittedFor(KubernetesClient client) {
    if (single.isEmpty()) {
      return true;
    }
    ResourceID id = single.get();
    try {
      client.resources(type).inNamespace(id.getNamespace().orElseThrow()).withField("metadata.name", id.getName())
          .list(new ListOptionsBuilder().withLimit(1L).build());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return false;
      }
      throw e;
    }
  }

  /** The event sources of {@code watches}, for a reconciler's {@code prepareEventSources}. */
  public static <P extends HasMetadata> List<EventSource<?, P>> eventSources(List<SecondaryWatch<?, P>> watches,
      EventSourceContext<P> context) {
    return watches.stream().<EventSource<?, P>>map(watch -> watch.eventSource(context)).toList();
  }

  @Override
  public String toString() {
    return name;
  }
}
