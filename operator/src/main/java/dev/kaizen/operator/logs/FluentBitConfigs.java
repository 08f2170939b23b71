package dev.kaizen.operator.logs;

import java.util.Optional;

/** The port to the ConfigMap the cluster's Fluent Bit includes: one key per LogPipeline. */
public interface FluentBitConfigs {

  /** Namespace/name of the ConfigMap, for status and messages. */
  String configMap();

  Optional<String> read(String key);

  void put(String key, String config);

  void remove(String key);
}
