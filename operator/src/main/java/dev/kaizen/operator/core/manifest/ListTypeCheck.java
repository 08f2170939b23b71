package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Uniqueness the API server enforces for {@code x-kubernetes-list-type: set} (no duplicate items) and
 * {@code map} (no two items with the same values of {@code x-kubernetes-list-map-keys}). Not part of
 * OpenAPI, so networknt does not check it.
 */
final class ListTypeCheck {
  private ListTypeCheck() {}

  static List<Problem> check(Manifest manifest, CrdVersion crd, JsonNode object) {
    List<Problem> problems = new ArrayList<>();
    walk(crd.schema(), object, FieldPath.root(), manifest, problems);
    return problems;
  }

  private static void walk(JsonNode schema, JsonNode value, FieldPath path, Manifest manifest, List<Problem> out) {
    if (schema == null || schema.isMissingNode()) {
      return;
    }
    if (value.isArray()) {
      checkUnique(schema, value, path, manifest, out);
      for (int i = 0; i < value.size(); i++) {
        walk(SchemaNode.items(schema), value.get(i), path.index(i), manifest, out);
      }
    } else if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        boolean declared = SchemaNode.property(schema, field.getKey()) != null;
        FieldPath child = declared ? path.child(field.getKey()) : path.key(field.getKey());
        walk(SchemaNode.childSchema(schema, field.getKey()), field.getValue(), child, manifest, out);
      }
    }
  }

  private static void checkUnique(
      JsonNode schema, JsonNode list, FieldPath path, Manifest manifest, List<Problem> out) {
    String listType = schema.path("x-kubernetes-list-type").asText("");
    JsonNode keys = SchemaNode.listMapKeys(schema);
    if (!listType.equals("set") && !listType.equals("map")) {
      return;
    }
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode identity = listType.equals("set") ? list.get(i) : keyValues(list.get(i), keys);
      if (!seen.add(identity)) {
        String what = listType.equals("set") ? "value " + identity : "entry with keys " + identity;
        out.add(Problem.of(manifest, path.index(i), "duplicate " + what));
      }
    }
  }

  private static JsonNode keyValues(JsonNode item, JsonNode keys) {
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    keys.forEach(key -> identity.set(key.asText(), item.path(key.asText()).deepCopy()));
    return identity;
  }
}
