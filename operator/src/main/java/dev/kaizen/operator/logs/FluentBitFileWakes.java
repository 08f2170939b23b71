package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import io.fabric8.kubernetes.api.model.ConfigMap;
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

/**
 * Which LogPipelines an event on a Fluent Bit ConfigMap wakes. The operator's own writes wake nobody: each is the
 * file as every pipeline of the namespace expects it ({@link NamespaceFileWriter}). Anything else (a hand edit, a
 * deleted key or ConfigMap, a write by a replica that lost the lead) wakes only the pipelines whose part of the file
 * it changed, compared part by part with what the operator wrote last; every pipeline of the namespace when the
 * shared part (the routing) changed or a part names no pipeline there. Before, every write woke every pipeline of
 * the namespace, and N pipelines starting together cost N reconciles per write.
 *
 * <p>The watch's cache is read rather than the event's object, as {@code ChangedParts} does: a deletion reaches the
 * mapper as the object's last state, and the cache says it is gone. The first sight wakes nobody: every pipeline is
 * reconciled when the operator starts.
 */
final class FluentBitFileWakes implements SecondaryToPrimaryMapper<ConfigMap> {
  private final Function<ResourceID, Optional<ConfigMap>> watched;
  private final Function<String, List<LogPipeline>> pipelinesOf;
  private final Function<String, Optional<Optional<String>>> expected;
  private final FluentBitFormat format;
  private Map<String, String> lastSeen;

  /**
   * @param watched the ConfigMap as the watch's cache holds it now
   * @param pipelinesOf a namespace's LogPipelines (the primary cache)
   * @param expected what the operator's writer last made of a key ({@link NamespaceFileWriter#expected})
   */
  FluentBitFileWakes(Function<ResourceID, Optional<ConfigMap>> watched, Function<String, List<LogPipeline>> pipelinesOf,
      Function<String, Optional<Optional<String>>> expected, FluentBitFormat format) {
    this.watched = watched;
    this.pipelinesOf = pipelinesOf;
    this.expected = expected;
    this.format = format;
  }

  @Override
  public synchronized Set<ResourceID> toPrimaryResourceIDs(ConfigMap configMap) {
    Map<String, String> now = watched.apply(ResourceID.fromResource(configMap)).map(ConfigMap::getData)
        .<Map<String, String>>map(HashMap::new).orElseGet(HashMap::new);
    Map<String, String> before = lastSeen;
    lastSeen = now;
    if (before == null) {
      return Set.of();
    }
    Set<String> keys = new HashSet<>(before.keySet());
    keys.addAll(now.keySet());
    Set<ResourceID> wake = new HashSet<>();
    for (String key : keys) {
      Optional<String> value = Optional.ofNullable(now.get(key));
      if (value.equals(Optional.ofNullable(before.get(key))) || !isNamespaceFile(key)) {
        continue;
      }
      Optional<Optional<String>> ours = expected.apply(key);
      if (ours.isPresent() && ours.get().equals(value)) {
        continue; // the operator's own write
      }
      Optional<String> reference = ours.orElse(Optional.ofNullable(before.get(key)));
      wake.addAll(owners(FluentBitShards.namespaceOf(key), reference, value));
    }
    return wake;
  }

  private boolean isNamespaceFile(String key) {
    int dot = key.indexOf('.');
    return dot > 0 && key.substring(dot + 1).equals(format.extension());
  }

  /** The pipelines whose part differs between the two versions of their namespace's file. */
  private Set<ResourceID> owners(String namespace, Optional<String> from, Optional<String> to) {
    Map<String, String> before = from.map(FluentBitConfigRenderer::parts).orElse(Map.of());
    Map<String, String> after = to.map(FluentBitConfigRenderer::parts).orElse(Map.of());
    Set<String> parts = new HashSet<>(before.keySet());
    parts.addAll(after.keySet());
    List<LogPipeline> pipelines = pipelinesOf.apply(namespace);
    Set<String> names = new HashSet<>();
    pipelines.forEach(p -> names.add(p.getMetadata().getName()));
    Set<ResourceID> owners = new HashSet<>();
    for (String part : parts) {
      if (Objects.equals(before.get(part), after.get(part))) {
        continue;
      }
      if (part.equals(FluentBitConfigRenderer.SHARED_PART) || !names.contains(part)) {
        // Any of them rewrites the whole file; the writer lets one write and the others find it done.
        pipelines.forEach(p -> owners.add(ResourceID.fromResource(p)));
        return owners;
      }
      owners.add(new ResourceID(part, namespace));
    }
    return owners;
  }
}
