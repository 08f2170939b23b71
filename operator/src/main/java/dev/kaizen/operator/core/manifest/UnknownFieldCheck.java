package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields the schema does not declare. The API server would prune them silently, or refuse them with strict
 * field validation (kubectl's default): either way a typo such as {@code retentionDay} would never take
 * effect, so it is an error here. Allowed: fields of a map ({@code additionalProperties}), anything under
 * {@code x-kubernetes-preserve-unknown-fields: true}, and apiVersion/kind/metadata at the root and in
 * embedded resources (metadata has its own check).
 */
final class UnknownFieldCheck {
  private static final Set<String> OBJECT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private UnknownFieldCheck() {}

  static List<Problem> check(Manifest manifest, CrdVersion crd, JsonNode object) {
    List<Problem> problems = new ArrayList<>();
    walk(crd.schema(), object, FieldPath.root(), true, manifest, problems);
    return problems;
  }

  private static void walk(
      JsonNode schema, JsonNode value, FieldPath path, boolean resource, Manifest manifest, List<Problem> out) {
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        walk(SchemaNode.items(schema), value.get(i), path.index(i), SchemaNode.isEmbeddedResource(
            SchemaNode.items(schema)), manifest, out);
      }
      return;
    }
    // Only objects whose schema says "object" are pruned; other mismatches are type errors, reported elsewhere.
    if (!value.isObject() || !(SchemaNode.hasProperties(schema) || "object".equals(SchemaNode.type(schema)))) {
      return;
    }
    JsonNode additional = SchemaNode.additionalProperties(schema);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      JsonNode property = SchemaNode.property(schema, name);
      if (property != null) {
        walk(property, field.getValue(), path.child(name), SchemaNode.isEmbeddedResource(property), manifest, out);
      } else if (additional != null) {
        walk(additional, field.getValue(), path.key(name), SchemaNode.isEmbeddedResource(additional), manifest, out);
      } else if (!SchemaNode.preservesUnknownFields(schema) && !(resource && OBJECT_FIELDS.contains(name))) {
        out.add(Problem.of(manifest, path.child(name), "unknown field" + hint(schema, name)));
      }
    }
  }

  // The nearest declared field, or the fields there are when none is near: either way the fix is in the message.
  private static String hint(JsonNode schema, String name) {
    List<String> known = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(known::add);
    if (known.isEmpty()) {
      return " (not declared in the schema)";
    }
    return NearestName.among(known, name)
        .map(nearest -> "; did you mean " + nearest + "?")
        .orElseGet(() -> " (not declared in the schema); known fields here: " + String.join(", ", known));
  }
}
