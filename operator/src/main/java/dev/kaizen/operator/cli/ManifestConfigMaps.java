package dev.kaizen.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.solr.ConfigSetSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ConfigMaps as {@code kaizen plan} reads them: those of the manifest set first (a SolrCluster's configset beside it,
 * as Argo CD would apply them together), else the cluster's (read only), else absent. The set's are known only once
 * the manifests are read, after the kinds were built: {@link #use} hands them over.
 */
final class ManifestConfigMaps implements ConfigSetSource {

  /** The set's ConfigMaps by {@code namespace/name}: their {@code data} (a {@code binaryData} key is not a file). */
  record Found(Map<String, Map<String, String>> byName) {
    static final Found NONE = new Found(Map.of());

    Found {
      byName = Map.copyOf(byName);
    }

    static Found of(List<Manifest> configMaps, String defaultNamespace) {
      Map<String, Map<String, String>> byName = new TreeMap<>();
      for (Manifest manifest : configMaps) {
        String namespace = manifest.namespace() != null ? manifest.namespace() : defaultNamespace;
        Map<String, String> data = new TreeMap<>();
        JsonNode node = manifest.object().path("data");
        node.fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        byName.put(namespace + "/" + manifest.name(), data);
      }
      return new Found(byName);
    }
  }

  private final ConfigSetSource cluster;
  private volatile Found found = Found.NONE;

  /** @param cluster the cluster's ConfigMaps, read only ({@link ConfigSetSource#NONE} without a cluster) */
  ManifestConfigMaps(ConfigSetSource cluster) {
    this.cluster = cluster;
  }

  void use(Found found) {
    this.found = found;
  }

  @Override
  public Optional<Map<String, String>> files(String namespace, String configMap) {
    Map<String, String> inSet = found.byName().get(namespace + "/" + configMap);
    return inSet != null ? Optional.of(inSet) : cluster.files(namespace, configMap);
  }
}
