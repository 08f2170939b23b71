package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One Kubernetes object read from a YAML document.
 *
 * @param source the file it came from, as given to the reader (relative paths stay relative, so messages
 *     read like the command line the user typed)
 * @param index the document's position in its file, from 0
 * @param line the line its document starts on, from 1; 0 when unknown (not read from text)
 * @param object the document as parsed; treat as read-only
 * @param namespace {@code metadata.namespace}, or null when absent
 * @param name {@code metadata.name}, or null when absent
 */
public record Manifest(
    Path source, int index, int line, JsonNode object, String apiVersion, String kind, String namespace, String name) {

  public Manifest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(object, "object");
  }

  /** Builds a manifest from a parsed object, reading its identity from the object itself. */
  public static Manifest of(Path source, int index, JsonNode object) {
    return of(source, index, 0, object);
  }

  /** As {@link #of(Path, int, JsonNode)}, knowing the line its document starts on. */
  public static Manifest of(Path source, int index, int line, JsonNode object) {
    JsonNode metadata = object.path("metadata");
    return new Manifest(
        source,
        index,
        line,
        object,
        text(object.get("apiVersion")),
        text(object.get("kind")),
        text(metadata.get("namespace")),
        text(metadata.get("name")));
  }

  /** The API group: {@code kaizen.dev} for {@code kaizen.dev/v1alpha1}, empty for the core group. */
  public String group() {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    if (apiVersion == null) {
      return "";
    }
    return apiVersion.substring(apiVersion.indexOf('/') + 1);
  }

  public String file() {
    return source.toString();
  }

  /** {@code apps/web.yaml:12}, or the file alone when the line is unknown: where to look. */
  public String location() {
    return line > 0 ? file() + ":" + line : file();
  }

  /** {@code Kind namespace/name}, or {@code Kind name} without a namespace, as used in problems. */
  public String resource() {
    String who = name == null ? "(no name)" : name;
    if (namespace != null) {
      who = namespace + "/" + who;
    }
    return (kind == null ? "(no kind)" : kind) + " " + who;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }
}
