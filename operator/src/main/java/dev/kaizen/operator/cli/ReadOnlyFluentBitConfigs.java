package dev.kaizen.operator.cli;

import dev.kaizen.operator.logs.FluentBitConfigs;
import dev.kaizen.operator.logs.KubernetesFluentBitConfigs;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** The cluster's Fluent Bit ConfigMap as {@code kaizen plan} sees it: read as the operator reads it, never written. */
final class ReadOnlyFluentBitConfigs implements FluentBitConfigs {
  private final KubernetesFluentBitConfigs cluster;

  ReadOnlyFluentBitConfigs(KubernetesClient client, String namespace, String name) {
    this.cluster = new KubernetesFluentBitConfigs(client, namespace, name);
  }

  @Override
  public String configMap() {
    return cluster.configMap();
  }

  /** Reads the ConfigMap once, so a missing grant shows up front (as a note) and not as a failed plan. */
  void requireReadable() {
    cluster.read("");
  }

  @Override
  public Optional<String> read(String key) {
    return cluster.read(key);
  }

  @Override
  public void put(String key, String config) {
    throw new IllegalStateException("kaizen plan never writes to a cluster");
  }

  @Override
  public void remove(String key) {
    throw new IllegalStateException("kaizen plan never writes to a cluster");
  }
}
