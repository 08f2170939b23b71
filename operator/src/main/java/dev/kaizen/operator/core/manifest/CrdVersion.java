package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of a custom resource definition: what the API server validates objects of that version against.
 *
 * @param crdName the CRD's {@code metadata.name}, e.g. {@code logpipelines.kaizen.dev}
 * @param schema the version's {@code openAPIV3Schema}
 * @param statusSubresource true when status is a subresource: then the API server ignores {@code status} in
 *     a create or update of the main resource, so we do not validate it either
 */
public record CrdVersion(
    String crdName,
    String group,
    String kind,
    String version,
    boolean namespaced,
    boolean served,
    boolean statusSubresource,
    JsonNode schema) {

  public String apiVersion() {
    return group + "/" + version;
  }
}
