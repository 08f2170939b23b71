package dev.kaizen.operator.core.manifest;

import java.util.StringJoiner;

/**
 * One thing wrong with a manifest, as the API server would refuse it (or as the reader could not read it).
 *
 * @param file the source file as given to the reader, or empty when the manifest did not come from a file
 * @param resource {@code Kind namespace/name} (or {@code Kind name}), empty when no resource could be read
 * @param path the field, e.g. {@code spec.logGroup.retentionDays}; empty for the whole document
 * @param message one human sentence
 */
public record Problem(String file, String resource, String path, String message) {

  public Problem {
    file = file == null ? "" : file;
    resource = resource == null ? "" : resource;
    path = path == null ? "" : path;
    message = message == null ? "" : message;
  }

  static Problem of(Manifest manifest, FieldPath path, String message) {
    return new Problem(manifest.file(), manifest.resource(), path.toString(), message);
  }

  static Problem inFile(String file, String message) {
    return new Problem(file, "", "", message);
  }

  /** One line: {@code examples/x.yaml: LogPipeline shop/web: spec.logGroup.retentionDays: message}. */
  @Override
  public String toString() {
    StringJoiner line = new StringJoiner(": ");
    for (String part : new String[] {file, resource, path, message}) {
      if (!part.isEmpty()) {
        line.add(part);
      }
    }
    return line.toString();
  }
}
