package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps an event on an object shared by many resources, each owning one part of it (one key of the Fluent Bit
 * ConfigMap per LogPipeline), to the resources whose part changed, appeared or disappeared — not to every resource
 * that has a part. Every resource writes its own part, so "any change wakes every owner" would cost N reconciles per
 * write, N² when N resources start together.
 *
 * <p>How: the parts as the watch's cache holds them now are compared with the parts this mapper saw last; the primary
 * cache is indexed by the part each resource owns, so a changed part finds its owners without a scan. The cache, not
 * the event's object, is read because a deletion reaches the mapper as the object's last state: read from the cache,
 * a deleted object is empty, so every part it held disappears and every owner wakes. Reading the cache also makes the
 * outcome independent of how events interleave: each call compares the latest state with the last one compared.
 * The first sight (the informer's initial list) wakes nobody: every resource is reconciled when the operator starts.
 * A resource writing its own part wakes itself once (the informer sees the write); that reconcile finds it in sync.
 */
public final class ChangedParts<S extends HasMetadata, P extends HasMetadata> implements SecondaryToPrimaryMapper<S> {
  private final Function<ResourceID, Optional<S>> watched;
  private final Function<S, Map<String, String>> parts;
  private final Function<String, List<ResourceID>> owners;
  /** The parts seen at the last event; null until the first. */
  private Map<String, String> lastSeen;

  /**
   * @param watched the shared object as the watch's cache holds it now
   * @param parts its parts by key; null reads as none
   * @param owners the resources owning the part with a given key
   */
  ChangedParts(Function<ResourceID, Optional<S>> watched, Function<S, Map<String, String>> parts,
      Function<String, List<ResourceID>> owners) {
    this.watched = watched;
    this.parts = parts;
    this.owners = owners;
  }

  /**
   * A mapper factory for {@link SecondaryWatch#sharedObject}.
   *
   * @param name names the index of the primary cache (unique per kind)
   * @param parts the parts of the shared object by key (a ConfigMap's data); null reads as none
   * @param partOf the key of the part a resource owns, if any
   */
  public static <S extends HasMetadata, P extends HasMetadata> SecondaryWatch.MapperFactory<S, P> of(String name,
      Function<S, Map<String, String>> parts, Function<P, Optional<String>> partOf) {
    return (context, watched) -> {
      String index = "kaizen-part-" + name;
      IndexedResourceCache<P> primaries = context.getPrimaryCache();
      context.getPrimaryCache().addIndexer(index, primary -> partOf.apply(primary).map(List::of).orElse(List.of()));
      return new ChangedParts<S, P>(watched, parts,
          key -> primaries.byIndex(index, key).stream().map(ResourceID::fromResource).toList());
    };
  }

  @Override
  public synchronized Set<ResourceID> toPrimaryResourceIDs(S resource) {
    Map<String, String> now = watched.apply(ResourceID.fromResource(resource)).map(parts).map(HashMap::new)
        .orElseGet(HashMap::new);
    Map<String, String> before = lastSeen;
    lastSeen = now;
    if (before == null) {
      return Set.of();
    }
    Set<String> keys = new HashSet<>(before.keySet());
    keys.addAll(now.keySet());
    return keys.stream()
        .filter(key -> !Objects.equals(before.get(key), now.get(key)))
        .flatMap(key -> owners.apply(key).stream())
        .collect(Collectors.toSet());
  }
}
