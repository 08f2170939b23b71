package dev.kaizen.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a CRD schema lets a value grow as large as a whole request: a string without {@code maxLength}, a list
 * without {@code maxItems}, a map without {@code maxProperties}. The API server sizes such a value at 3 MiB when
 * it estimates a rule's cost, which is how a one-line rule ends up 10 times over budget.
 *
 * <p>Counted as bounded without {@code maxLength}: a string with an {@code enum} (the API server rejects any other
 * value and sizes it by the longest one) and the formats {@code date}, {@code date-time} and {@code duration} (the
 * API server parses them, and sizes them at 32 bytes at most).
 */
final class SchemaBounds {
  private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "duration");

  private SchemaBounds() {}

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** One line per unbounded value: its path and what it lacks. */
  static List<String> unbounded(JsonNode openApiV3Schema) {
    List<String> out = new ArrayList<>();
    walk(openApiV3Schema, "", out);
    return out;
  }

  private static void walk(JsonNode s, String path, List<String> out) {
    String at = path.isEmpty() ? "<root>" : path;
    if (s.path("x-kubernetes-int-or-string").asBoolean() && !s.has("maxLength")) {
      out.add(at + ": int-or-string without maxLength");
    }
    switch (s.path("type").asText()) {
      case "string" -> {
        if (!s.has("maxLength") && !s.has("enum") && !BOUNDED_FORMATS.contains(s.path("format").asText())) {
          out.add(at + ": string without maxLength");
        }
      }
      case "array" -> {
        if (!s.has("maxItems")) {
          out.add(at + ": list without maxItems");
        }
        walk(s.path("items"), path + "[*]", out);
      }
      case "object" -> {
        if (s.path("additionalProperties").isObject()) {
          if (!s.has("maxProperties")) {
            out.add(at + ": map without maxProperties");
          }
          walk(s.get("additionalProperties"), path + "{*}", out);
        } else if (s.path("x-kubernetes-preserve-unknown-fields").asBoolean() && !s.has("properties")) {
          out.add(at + ": free-form object (x-kubernetes-preserve-unknown-fields) cannot be bounded");
        }
        s.path("properties").properties().forEach(p -> walk(p.getValue(), child(path, p.getKey()), out));
      }
      default -> { }
    }
  }
}
