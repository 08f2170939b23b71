package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value as CEL-java expects it, guided by its schema: objects as maps (declared properties under
 * their {@link CelNames escaped} names), arrays as lists, integers as Long, numbers as Double (also when
 * written without a fraction, so {@code self * 1.5} works), strings, booleans, and CEL's null.
 */
final class CelValues {
  private CelValues() {}

  /** The whole object: apiVersion, kind, the declared fields, and only name and generateName of metadata. */
  static Object ofResource(JsonNode schema, JsonNode object) {
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) of(schema, object);
    JsonNode metadata = object.path("metadata");
    Map<String, Object> visible = new LinkedHashMap<>();
    for (String field : List.of("name", "generateName")) {
      if (metadata.path(field).isTextual()) {
        visible.put(field, metadata.get(field).asText());
      }
    }
    Map<String, Object> resource = new LinkedHashMap<>(root);
    for (String field : List.of("apiVersion", "kind")) {
      if (object.path(field).isTextual()) {
        resource.put(field, object.get(field).asText());
      }
    }
    resource.put("metadata", Collections.unmodifiableMap(visible));
    return Collections.unmodifiableMap(resource);
  }

  static Object of(JsonNode schema, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (value.isObject()) {
      return object(schema, value);
    }
    if (value.isArray()) {
      List<Object> items = new ArrayList<>(value.size());
      value.forEach(item -> items.add(of(SchemaNode.items(schema), item)));
      return Collections.unmodifiableList(items);
    }
    if (value.isNumber()) {
      // Not a ?: expression: that would promote every Long to Double.
      if (value.isIntegralNumber() && value.canConvertToLong() && !"number".equals(SchemaNode.type(schema))) {
        return Long.valueOf(value.asLong());
      }
      return Double.valueOf(value.asDouble());
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asText();
  }

  private static Map<String, Object> object(JsonNode schema, JsonNode value) {
    JsonNode additional = SchemaNode.additionalProperties(schema);
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode property = SchemaNode.property(schema, field.getKey());
      if (property != null) {
        Optional<String> name = CelNames.escape(field.getKey());
        name.ifPresent(n -> map.put(n, of(property, field.getValue())));
      } else if (additional != null) {
        map.put(field.getKey(), of(additional, field.getValue()));
      } else if (SchemaNode.preservesUnknownFields(schema)) {
        map.put(field.getKey(), of(MissingNode.getInstance(), field.getValue()));
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
