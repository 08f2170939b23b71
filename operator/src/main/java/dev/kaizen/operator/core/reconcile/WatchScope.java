package dev.kaizen.operator.core.reconcile;

import java.util.Optional;
import java.util.Set;

/**
 * Which resources one operator instance watches: its shard. Several deployments split a large estate by
 * namespaces, by label selector, or both; each resource must fall in exactly one shard.
 *
 * @param namespaces the namespaces watched; empty means all (cluster-wide)
 * @param labelSelector an equality-based label selector ({@code shard=a,team!=x}); empty means every resource
 */
public record WatchScope(Set<String> namespaces, Optional<String> labelSelector) {
  public static final WatchScope EVERYTHING = new WatchScope(Set.of(), Optional.empty());

  public WatchScope {
    namespaces = Set.copyOf(namespaces);
    labelSelector = labelSelector.map(String::strip).filter(s -> !s.isEmpty());
  }

  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }

  @Override
  public String toString() {
    return (allNamespaces() ? "all namespaces" : "namespaces " + String.join(",", new java.util.TreeSet<>(namespaces)))
        + labelSelector.map(s -> ", selector " + s).orElse("");
  }
}
