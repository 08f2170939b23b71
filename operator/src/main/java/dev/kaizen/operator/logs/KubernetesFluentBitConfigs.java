package dev.kaizen.operator.logs;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Fluent Bit ConfigMap, in the namespace where the cluster's Fluent Bit runs. Each LogPipeline owns one key;
 * other keys are never touched. Updates carry the resourceVersion read, so concurrent writers get a conflict and
 * retry instead of overwriting each other.
 */
public final class KubernetesFluentBitConfigs implements FluentBitConfigs {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

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
    ConfigMap current = get();
    if (current == null) {
      client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
          .withNewMetadata().withNamespace(namespace).withName(name)
          .addToLabels(MANAGED_BY, "kaizen-operator").endMetadata()
          .addToData(key, config)
          .build()).create();
      return;
    }
    Map<String, String> data = new LinkedHashMap<>(current.getData() == null ? Map.of() : current.getData());
    data.put(key, config);
    current.setData(data);
    client.configMaps().inNamespace(namespace).resource(current).update();
  }

  @Override
  public void remove(String key) {
    ConfigMap current = get();
    if (current == null || current.getData() == null || !current.getData().containsKey(key)) {
      return;
    }
    Map<String, String> data = new LinkedHashMap<>(current.getData());
    data.remove(key);
    current.setData(data);
    client.configMaps().inNamespace(namespace).resource(current).update();
  }

  private ConfigMap get() {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }
}
