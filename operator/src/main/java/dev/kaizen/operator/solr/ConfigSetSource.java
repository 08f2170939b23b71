package dev.kaizen.operator.solr;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a configset's files from the ConfigMap the spec names, in the resource's namespace. */
public interface ConfigSetSource {

  /** The files (key -> content) of the ConfigMap, or empty when it does not exist. */
  Optional<Map<String, String>> files(String namespace, String configMap);

  static ConfigSetSource kubernetes(KubernetesClient client) {
    return (namespace, name) -> {
      ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(name).get();
      return Optional.ofNullable(configMap).map(c -> new TreeMap<>(c.getData() == null ? Map.of() : c.getData()));
    };
  }

  /** No cluster to read (the command line offline): every ConfigMap reads as absent. */
  ConfigSetSource NONE = (namespace, name) -> Optional.empty();

  /** First 16 hex digits of SHA-256 over the files, in name order: the configset part of a revision. */
  static String hash(Map<String, String> files) {
    StringBuilder all = new StringBuilder();
    new TreeMap<>(files).forEach((name, content) -> all.append(name).append('\0').append(content).append('\0'));
    return SolrClusterNames.sha256(all.toString()).substring(0, 16);
  }
}
