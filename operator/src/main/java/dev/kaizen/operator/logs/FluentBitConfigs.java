package dev.kaizen.operator.logs;

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
   * @param value the key's value as stored
   * @param room the bytes a value of this key may take: the limit less every other key and value of its ConfigMap
   */
  record Slot(Optional<String> value, long room) {
    public static Slot empty() {
      return new Slot(Optional.empty(), FluentBitShards.MAX_DATA_BYTES);
    }
  }
}
