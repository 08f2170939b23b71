package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.shared.ConfigMapKey;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The Fluent Bit ConfigMaps, in the namespace where the cluster's Fluent Bit runs: shared objects in which each
 * namespace's pipelines own one key ({@link ConfigMapKey} decides the write). Other keys are never touched; updates
 * and the last owner's delete carry the resourceVersion read, so concurrent writers get a conflict and retry instead
 * of overwriting each other. A ConfigMap is deleted with its last key only if the operator created it. A write that
 * would take a ConfigMap over Kubernetes' 1 MiB is refused before it is sent, as an invalid spec (Stalled): the API
 * server would refuse it on every retry.
 */
public final class KubernetesFluentBitConfigs implements FluentBitConfigs {
  private final KubernetesClient client;
  private final FluentBitShards shards;

  public KubernetesFluentBitConfigs(KubernetesClient client, FluentBitShards shards) {
    this.client = client;
    this.shards = shards;
  }

  @Override
  public String configMap(String key) {
    return shards.namespace() + "/" + name(key);
  }

  @Override
  public Slot read(String key) {
    ConfigMap current = get(key);
    if (current == null) {
      return Slot.empty();
    }
    Optional<String> value = Optional.ofNullable(current.getData()).map(data -> data.get(key));
    long others = dataBytes(current) - value.map(v -> bytes(key) + bytes(v)).orElse(0L);
    return new Slot(value, FluentBitShards.MAX_DATA_BYTES - others - bytes(key));
  }

  @Override
  public void put(String key, String config) {
    ConfigMap current = get(key);
    ConfigMapKey.Write write = ConfigMapKey.edit(current, shards.namespace(), name(key), key, Optional.of(config));
    ConfigMap written = write instanceof ConfigMapKey.Write.Create create ? create.configMap()
        : write instanceof ConfigMapKey.Write.Update update ? update.configMap() : null;
    if (written != null && dataBytes(written) > FluentBitShards.MAX_DATA_BYTES) {
      throw new InvalidSpecException(tooLarge(key, dataBytes(written)));
    }
    write(write);
  }

  static String tooLarge(String configMapAndKey, long bytes) {
    return "The Fluent Bit configuration " + configMapAndKey + " cannot be placed: its ConfigMap would hold " + bytes
        + " bytes, over Kubernetes' limit of " + FluentBitShards.MAX_DATA_BYTES + "; start the operator with more"
        + " --fluent-bit-shards, or ship fewer pipelines from this namespace.";
  }

  @Override
  public void remove(String key) {
    write(ConfigMapKey.edit(get(key), shards.namespace(), name(key), key, Optional.empty()));
  }

  private void write(ConfigMapKey.Write write) {
    var configMaps = client.configMaps().inNamespace(shards.namespace());
    if (write instanceof ConfigMapKey.Write.Create create) {
      configMaps.resource(create.configMap()).create();
    } else if (write instanceof ConfigMapKey.Write.Update update) {
      configMaps.resource(update.configMap()).update();
    } else if (write instanceof ConfigMapKey.Write.Delete delete) {
      configMaps.resource(delete.read()).lockResourceVersion(delete.read().getMetadata().getResourceVersion()).delete();
    }
  }

  private String name(String key) {
    return shards.configMapFor(FluentBitShards.namespaceOf(key));
  }

  private ConfigMap get(String key) {
    return client.configMaps().inNamespace(shards.namespace()).withName(name(key)).get();
  }

  /** As Kubernetes counts it: the length of every key and value of data, and of binaryData's decoded values. */
  static long dataBytes(ConfigMap configMap) {
    long total = 0;
    for (Map.Entry<String, String> e : Optional.ofNullable(configMap.getData()).orElse(Map.of()).entrySet()) {
      total += bytes(e.getKey()) + bytes(e.getValue());
    }
    for (Map.Entry<String, String> e : Optional.ofNullable(configMap.getBinaryData()).orElse(Map.of()).entrySet()) {
      total += bytes(e.getKey()) + Base64.getDecoder().decode(e.getValue()).length;
    }
    return total;
  }

  private static long bytes(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
