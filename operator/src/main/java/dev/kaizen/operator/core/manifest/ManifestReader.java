package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads manifests from files and directories (recursively, {@code *.yaml} and {@code *.yml}), one per
 * YAML document. Only documents of one API group are kept ({@code kaizen.dev} unless told otherwise); the
 * rest of a GitOps repository (Deployments, Kustomizations, Helm values) is skipped and counted, so a whole
 * repository can be validated. Unreadable input becomes a {@link Problem}, never an exception.
 */
public final class ManifestReader {
  public static final String KAIZEN_GROUP = "kaizen.dev";

  private final String group;
  private final ObjectMapper yaml;

  public ManifestReader() {
    this(KAIZEN_GROUP);
  }

  public ManifestReader(String group) {
    this.group = group;
    // Duplicate keys are an error for kubectl too; silently keeping the last one would hide a mistake.
    YAMLFactory factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    this.yaml = new ObjectMapper(factory);
  }

  /** What was read: the manifests of the group, the problems met, and how many other documents were skipped. */
  public record Result(List<Manifest> manifests, List<Problem> problems, int skipped) {
    public Result {
      manifests = List.copyOf(manifests);
      problems = List.copyOf(problems);
    }
  }

  public Result read(Path... paths) {
    return read(Arrays.asList(paths));
  }

  /** Reads each file, or each YAML file under each directory, in a stable (sorted) order. */
  public Result read(Collection<Path> paths) {
    Collector collector = new Collector();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        yamlFilesUnder(path, collector).forEach(file -> readFile(file, collector));
      } else if (Files.isRegularFile(path)) {
        readFile(path, collector);
      } else {
        collector.problems.add(Problem.inFile(path.toString(), "no such file or directory"));
      }
    }
    return collector.result();
  }

  /** Reads YAML text, reporting it as coming from {@code name}; for tests and for stdin. */
  public Result readString(String name, String text) {
    Collector collector = new Collector();
    parse(Path.of(name), new StringReader(text), collector);
    return collector.result();
  }

  private List<Path> yamlFilesUnder(Path dir, Collector collector) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> isYaml(p) && !isUnderHiddenDirectory(dir, p))
          .sorted()
          .toList();
    } catch (IOException | RuntimeException e) {
      collector.problems.add(Problem.inFile(dir.toString(), "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  // .git and similar hold no manifests and can be large.
  private static boolean isUnderHiddenDirectory(Path root, Path file) {
    Path relative = root.relativize(file).getParent();
    if (relative == null) {
      return false;
    }
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private void readFile(Path file, Collector collector) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parse(file, reader, collector);
    } catch (IOException e) {
      collector.problems.add(Problem.inFile(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  private void parse(Path file, Reader reader, Collector collector) {
    int index = 0;
    try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(reader)) {
      while (documents.hasNextValue()) {
        accept(file, index, documents.nextValue(), collector);
        index++;
      }
    } catch (JsonProcessingException e) {
      // The parser cannot resynchronise after a syntax error: the rest of this file is not read.
      collector.problems.add(Problem.inFile(file.toString(), syntaxError(index, e)));
    } catch (IOException | RuntimeException e) {
      collector.problems.add(Problem.inFile(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  private void accept(Path file, int index, JsonNode document, Collector collector) {
    // An empty document, e.g. after a trailing "---": Jackson gives null, or "" when reading from a Reader.
    if (document == null || document.isNull() || document.isMissingNode()
        || document.isTextual() && document.asText().isEmpty()) {
      return;
    }
    Manifest manifest = document.isObject() ? Manifest.of(file, index, document) : null;
    if (manifest == null || manifest.apiVersion() == null || !manifest.group().equals(group)) {
      collector.skipped++;
    } else if (manifest.kind() == null) {
      collector.problems.add(new Problem(file.toString(), "", "kind", "document " + index + " has no kind"));
    } else {
      collector.manifests.add(manifest);
    }
  }

  private static String syntaxError(int documentIndex, JsonProcessingException e) {
    // SnakeYAML knows where the problem is and what it is; Jackson's own location is often the context's.
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String context = yaml.getContext() == null || yaml.getContextMark() == null
          ? ""
          : " (" + yaml.getContext() + " started at line " + (yaml.getContextMark().getLine() + 1) + ")";
      return "invalid YAML at line " + (yaml.getProblemMark().getLine() + 1) + ", column "
          + (yaml.getProblemMark().getColumn() + 1) + ": " + yaml.getProblem() + context;
    }
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1
        ? "in document " + documentIndex
        : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = String.valueOf(e.getOriginalMessage()).strip().lines().findFirst().orElse("syntax error");
    return "invalid YAML " + where + ": " + message;
  }

  private static final class Collector {
    final List<Manifest> manifests = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    int skipped;

    Result result() {
      return new Result(manifests, problems, skipped);
    }
  }
}
