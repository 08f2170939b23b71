package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.shared.ConfigMapKey;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The Fluent Bit ConfigMap, in the namespace where the cluster's Fluent Bit runs: a shared object in which each
 * LogPipeline owns one key ({@link ConfigMapKey} decides the write). Other keys are never touched; updates and the
 * last owner's delete carry the resourceVersion read, so concurrent writers get a conflict and retry instead of
 * overwriting each other. The ConfigMap is deleted with its last key only if the operator created it.
 */
public final class KubernetesFluentBitConfigs implements FluentBitConfigs {
  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public KubernetesFluentBitConfigs(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public String configMap() {
    return namespace + "/" + name;
  }

  @Override
  public Optional<String> read(String key) {
    return Optional.ofNullable(get()).map(ConfigMap::getData).map(data -> data.get(key));
  }

  @Override
  public void put(String key, String config) {
    write(ConfigMapKey.edit(get(), namespace, name, key, Optional.of(config)));
  }

  @Override
  public void remove(String key) {
    write(ConfigMapKey.edit(get(), namespace, name, key, Optional.empty()));
  }

  private void write(ConfigMapKey.Write write) {
    var configMaps = client.configMaps().inNamespace(namespace);
    if (write instanceof ConfigMapKey.Write.Create create) {
      configMaps.resource(create.configMap()).create();
    } else if (write instanceof ConfigMapKey.Write.Update update) {
      configMaps.resource(update.configMap()).update();
    } else if (write instanceof ConfigMapKey.Write.Delete delete) {
      configMaps.resource(delete.read()).lockResourceVersion(delete.read().getMetadata().getResourceVersion()).delete();
    }
  }

  private ConfigMap get() {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }
}
