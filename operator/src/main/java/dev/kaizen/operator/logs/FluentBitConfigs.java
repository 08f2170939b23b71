package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.Happened;
import java.util.Optional;

/**
 * The port to the ConfigMaps the cluster's Fluent Bit includes ({@link FluentBitShards}): one key per namespace with
 * LogPipelines, {@code <namespace>.yaml} (or {@code .conf}), in the shard the namespace hashes to.
 */
public interface FluentBitConfigs {

  /** Namespace/name of the ConfigMap holding {@code key}, for status and messages. */
  String configMap(String key);

  /** What the key holds now, and how many bytes a value under it may take in its ConfigMap. */
  Slot read(String key);

  /**
   * Writes the key.
   *
   * @throws dev.kaizen.operator.core.InvalidSpecException when the ConfigMap would exceed Kubernetes' size limit
   */
  void put(String key, String config);

  void remove(String key);

  /**
   * Brings the key to the namespace's file, {@code file} as the caller's plan computed it (empty: no pipeline of the
   * namespace ships), and says what that took. {@code share} is the calling pipeline's part when it ships: its group
   * exists and is its own, so its output belongs in the file from now on. Writers that know the namespace's other
   * pipelines ({@link NamespaceFileWriter}) write the file as they all make it at this moment instead.
   */
  default Happened write(String key, Optional<String> file, Optional<FileShare> share) {
    Optional<String> now = read(key).value();
    if (now.equals(file)) {
      return Happened.NOTHING;
    }
    if (file.isEmpty()) {
      remove(key);
      return Happened.DELETED;
    }
    put(key, file.get());
    return now.isEmpty() ? Happened.CREATED : Happened.UPDATED;
  }

  /**
   * @param value the key's value as stored
   * @param room the bytes a value of this key may take: the limit less every other key and value of its ConfigMap
   */
  record Slot(Optional<String> value, long room) {
    public static Slot empty() {
      return new Slot(Optional.empty(), FluentBitShards.MAX_DATA_BYTES);
    }
  }
}
