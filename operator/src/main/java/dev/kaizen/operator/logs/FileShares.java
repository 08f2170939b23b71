package dev.kaizen.operator.logs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shares of the namespaces' Fluent Bit files accepted by reconciles in this process, by file key and pipeline
 * name. A share is what the pipeline's status will say once written (its group found and its own), known early: so a
 * pipeline whose reconcile writes its namespace's file includes the neighbours that were accepted a moment ago
 * instead of dropping them, and pipelines that become ready together land in one write. After a restart the map is
 * empty and the statuses say the same.
 */
final class FileShares {
  private final Map<String, Map<String, FileShare>> byKey = new ConcurrentHashMap<>();

  void accept(String key, FileShare share) {
    byKey.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(share.pipeline(), share);
  }

  void withdraw(String key, String pipeline) {
    Optional.ofNullable(byKey.get(key)).ifPresent(shares -> shares.remove(pipeline));
  }

  Optional<FileShare> of(String key, String pipeline) {
    return Optional.ofNullable(byKey.get(key)).map(shares -> shares.get(pipeline));
  }
}
