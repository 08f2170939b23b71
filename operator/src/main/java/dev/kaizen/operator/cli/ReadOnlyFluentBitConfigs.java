package dev.kaizen.operator.cli;

import dev.kaizen.operator.logs.FluentBitConfigs;
import dev.kaizen.operator.logs.FluentBitShards;
import dev.kaizen.operator.logs.KubernetesFluentBitConfigs;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The cluster's Fluent Bit ConfigMap as {@code kaizen plan} sees it: read as the operator reads it, never written. */
final class ReadOnlyFluentBitConfigs implements FluentBitConfigs {
  private final KubernetesFluentBitConfigs cluster;

  private final FluentBitShards shards;

  ReadOnlyFluentBitConfigs(KubernetesClient client, FluentBitShards shards) {
    this.cluster = new KubernetesFluentBitConfigs(client, shards);
    this.shards = shards;
  }

  @Override
  public String configMap(String key) {
    return cluster.configMap(key);
  }

  /** Reads one ConfigMap once, so a missing grant shows up front (as a note) and not as a failed plan. */
  void requireReadable() {
    cluster.read("kube-system." + shards.format().extension());
  }

  @Override
  public Slot read(String key) {
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
