package dev.kaizen.operator.logs;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Happened;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Writes the namespaces' Fluent Bit files for the operator's reconciles, one namespace's file at a time. A write puts
 * the file as the namespace's pipelines make it at that moment — every pipeline whose reconcile has accepted its
 * group, including those accepted since the caller planned ({@link FileShares}) — and nothing when the ConfigMap
 * already holds it. So pipelines that become ready together land in one write, later callers find their part
 * already there, and no write drops a neighbour that was accepted a moment ago.
 *
 * <p>It remembers what it made of each key last, so the watch on the ConfigMaps can tell the operator's own writes
 * (which match what every pipeline expects: they wake nobody) from anyone else's ({@link FluentBitFileWakes}).
 */
final class NamespaceFileWriter implements FluentBitConfigs {
  private final FluentBitConfigs configMaps;
  private final FileShares shares;
  private final FluentBitFormat format;
  /** A namespace's pipelines as the operator's cache holds them; empty when there is no cache (kaizen plan). */
  private final Function<String, Optional<List<LogPipeline>>> cached;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  /**
   * Per key, what this writer last made of it (empty: removed it), or is writing now: what the ConfigMap holds when
   * nobody else has touched it.
   */
  private final Map<String, Optional<String>> expected = new ConcurrentHashMap<>();

  NamespaceFileWriter(FluentBitConfigs configMaps, FileShares shares, FluentBitFormat format,
      Function<String, Optional<List<LogPipeline>>> cached) {
    this.configMaps = configMaps;
    this.shares = shares;
    this.format = format;
    this.cached = cached;
  }

  @Override
  public String configMap(String key) {
    return configMaps.configMap(key);
  }

  @Override
  public Slot read(String key) {
    return configMaps.read(key);
  }

  @Override
  public void put(String key, String config) {
    write(key, Optional.of(config), Optional.empty());
  }

  @Override
  public void remove(String key) {
    write(key, Optional.empty(), Optional.empty());
  }

  @Override
  public Happened write(String key, Optional<String> file, Optional<FileShare> share) {
    // One writer per key at a time: the second finds what the first wrote, often all it needed.
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      share.ifPresent(accepted -> shares.accept(key, accepted));
      Optional<String> now = cached.apply(FluentBitShards.namespaceOf(key))
          .map(pipelines -> NamespaceFiles.render(NamespaceFiles.shippingNow(pipelines,
              pipeline -> shares.of(key, pipeline.getMetadata().getName())), format))
          .orElse(file);
      Optional<String> current = configMaps.read(key).value();
      if (current.equals(now)) {
        expected.put(key, now);
        return Happened.NOTHING;
      }
      Optional<String> before = expected.put(key, now);
      try {
        if (now.isPresent()) {
          configMaps.put(key, now.get());
        } else {
          configMaps.remove(key);
        }
      } catch (RuntimeException e) {
        // Not written (a conflict, no room): the caller's part waits for its retry, and neighbours go on without it.
        share.ifPresent(accepted -> shares.withdraw(key, accepted.pipeline()));
        if (before == null) {
          expected.remove(key);
        } else {
          expected.put(key, before);
        }
        throw e;
      }
      return now.isEmpty() ? Happened.DELETED : current.isEmpty() ? Happened.CREATED : Happened.UPDATED;
    }
  }

  /**
   * What {@code key} holds unless someone else changed it since this writer last wrote it or found it right (empty
   * inside: no key); empty when this writer has not seen to the key since the operator started.
   */
  Optional<Optional<String>> expected(String key) {
    return Optional.ofNullable(expected.get(key));
  }
}
