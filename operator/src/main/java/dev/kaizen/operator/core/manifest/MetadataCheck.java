package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server checks {@code metadata} itself, not through the CRD schema: a name that is a DNS-1123
 * subdomain, a namespace that is a DNS-1123 label, string labels and annotations, no unknown fields.
 */
final class MetadataCheck {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Set<String> OBJECT_META_FIELDS = Set.of(
      "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
      "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
      "ownerReferences", "finalizers", "managedFields");

  private MetadataCheck() {}

  static List<Problem> check(Manifest manifest, CrdVersion crd) {
    List<Problem> problems = new ArrayList<>();
    FieldPath path = FieldPath.root().child("metadata");
    JsonNode metadata = manifest.object().get("metadata");
    if (metadata == null || !metadata.isObject()) {
      problems.add(Problem.of(manifest, path, "metadata is required and must be an object"));
      return problems;
    }
    metadata.fieldNames().forEachRemaining(field -> {
      if (!OBJECT_META_FIELDS.contains(field)) {
        problems.add(Problem.of(manifest, path.child(field), "unknown field"));
      }
    });
    checkName(manifest, metadata.get("name"), path.child("name"), problems);
    checkNamespace(manifest, crd, metadata.get("namespace"), path.child("namespace"), problems);
    checkStringMap(manifest, metadata.get("labels"), path.child("labels"), problems);
    checkStringMap(manifest, metadata.get("annotations"), path.child("annotations"), problems);
    return problems;
  }

  private static void checkName(Manifest manifest, JsonNode name, FieldPath path, List<Problem> problems) {
    if (name == null || name.isNull() || name.asText().isEmpty()) {
      problems.add(Problem.of(manifest, path, "name is required"));
    } else if (!name.isTextual()) {
      problems.add(Problem.of(manifest, path, "must be a string"));
    } else if (name.asText().length() > 253 || !DNS1123_SUBDOMAIN.matcher(name.asText()).matches()) {
      problems.add(Problem.of(manifest, path, "\"" + name.asText() + "\" is not a valid name: a DNS-1123"
          + " subdomain is at most 253 lower case letters, digits, '-' and '.', starting and ending with a"
          + " letter or digit"));
    }
  }

  private static void checkNamespace(
      Manifest manifest, CrdVersion crd, JsonNode namespace, FieldPath path, List<Problem> problems) {
    // Absent: kubectl uses the current namespace. On a cluster-scoped kind the API server clears it (and
    // kustomize's namespace transformer adds it to custom kinds it does not know), so it is no error there.
    if (namespace == null || namespace.isNull() || !crd.namespaced()) {
      return;
    }
    String value = namespace.asText();
    if (!namespace.isTextual()) {
      problems.add(Problem.of(manifest, path, "must be a string"));
    } else if (value.length() > 63 || !DNS1123_LABEL.matcher(value).matches()) {
      problems.add(Problem.of(manifest, path, "\"" + value + "\" is not a valid namespace: a DNS-1123 label"
          + " is at most 63 lower case letters, digits and '-', starting and ending with a letter or digit"));
    }
  }

  // A number or boolean label value is a classic YAML slip (version: 1.0, enabled: yes).
  private static void checkStringMap(Manifest manifest, JsonNode map, FieldPath path, List<Problem> problems) {
    if (map == null || map.isNull()) {
      return;
    }
    if (!map.isObject()) {
      problems.add(Problem.of(manifest, path, "must be a map of strings"));
      return;
    }
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      if (!entry.getValue().isTextual()) {
        problems.add(Problem.of(manifest, path.key(entry.getKey()), "must be a string (quote it in YAML)"));
      }
    }
  }
}
