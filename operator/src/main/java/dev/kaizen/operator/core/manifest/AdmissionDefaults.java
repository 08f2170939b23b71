package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API server does to an object before validating it, so that we validate what it would validate:
 * {@code status} is dropped when it is a subresource (a create or update ignores it), {@code null} in a
 * non-nullable field is pruned, and schema {@code default}s are filled in (rules see defaulted values).
 */
final class AdmissionDefaults {
  private AdmissionDefaults() {}

  /** A defaulted deep copy; the input is not modified. */
  static JsonNode apply(CrdVersion crd, JsonNode object) {
    JsonNode copy = object.deepCopy();
    if (crd.statusSubresource() && copy instanceof ObjectNode root) {
      root.remove("status");
    }
    walk(crd.schema(), copy);
    return copy;
  }

  private static void walk(JsonNode schema, JsonNode value) {
    if (value instanceof ObjectNode object) {
      defaultProperties(schema, object);
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
      for (Map.Entry<String, JsonNode> field : fields) {
        JsonNode child = SchemaNode.childSchema(schema, field.getKey());
        if (child == null) {
          continue;
        }
        if (field.getValue().isNull() && !SchemaNode.isNullable(child)) {
          object.remove(field.getKey());
        } else {
          walk(child, field.getValue());
        }
      }
    } else if (value.isArray()) {
      value.forEach(item -> walk(SchemaNode.items(schema), item));
    }
  }

  // A default applies to an absent field, and to a null one when the field is not nullable.
  private static void defaultProperties(JsonNode schema, ObjectNode object) {
    JsonNode properties = schema.path("properties");
    properties.properties().forEach(entry -> {
      JsonNode defaultValue = entry.getValue().get("default");
      JsonNode current = object.get(entry.getKey());
      boolean absent = current == null || current.isNull() && !SchemaNode.isNullable(entry.getValue());
      if (defaultValue != null && absent) {
        object.set(entry.getKey(), defaultValue.deepCopy());
      }
    });
  }
}
