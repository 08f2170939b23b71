package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reading a structural OpenAPI v3 schema node (one level of a CRD schema) the way the API server does.
 * Static helpers over Jackson nodes; every method accepts a missing node and answers "nothing declared".
 */
final class SchemaNode {
  private SchemaNode() {}

  static String type(JsonNode schema) {
    return schema.path("type").asText("");
  }

  /** The schema of a declared property, or null when the object does not declare it. */
  static JsonNode property(JsonNode schema, String name) {
    JsonNode properties = schema.get("properties");
    return properties == null ? null : properties.get(name);
  }

  static boolean hasProperties(JsonNode schema) {
    return schema.path("properties").isObject();
  }

  /**
   * The schema of a map's values ({@code additionalProperties: {...}}); an empty schema for
   * {@code additionalProperties: true}; null when additional properties are not allowed or not declared.
   */
  static JsonNode additionalProperties(JsonNode schema) {
    JsonNode additional = schema.get("additionalProperties");
    if (additional == null || additional.isBoolean() && !additional.asBoolean()) {
      return null;
    }
    return additional.isObject() ? additional : MissingNode.getInstance();
  }

  /** The schema of a declared property or, failing that, of a map value; null when neither applies. */
  static JsonNode childSchema(JsonNode schema, String name) {
    JsonNode property = property(schema, name);
    return property != null ? property : additionalProperties(schema);
  }

  static JsonNode items(JsonNode schema) {
    return schema.path("items");
  }

  static boolean preservesUnknownFields(JsonNode schema) {
    return schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  static boolean isEmbeddedResource(JsonNode schema) {
    return schema.path("x-kubernetes-embedded-resource").asBoolean(false);
  }

  static boolean isIntOrString(JsonNode schema) {
    return schema.path("x-kubernetes-int-or-string").asBoolean(false);
  }

  static boolean isNullable(JsonNode schema) {
    return schema.path("nullable").asBoolean(false);
  }

  /** The keys of a {@code x-kubernetes-list-type: map} list, which let old and new items be matched. */
  static JsonNode listMapKeys(JsonNode schema) {
    return "map".equals(schema.path("x-kubernetes-list-type").asText())
        ? schema.path("x-kubernetes-list-map-keys")
        : MissingNode.getInstance();
  }
}
