package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads manifests from files and directories (recursively, {@code *.yaml}, {@code *.yml} and {@code *.json}, as
 * kubectl and Argo CD apply them), one per YAML document or JSON value, the items of a {@code List} each on its own.
 * The path {@code -} is standard input ({@code kustomize build | kaizen validate -}). Only documents of one API
 * group are kept ({@code kaizen.dev} unless told otherwise); the rest of a GitOps repository (Deployments,
 * Kustomizations, Helm values) is skipped and counted, so a whole repository can be validated — except a group one
 * typo away from ours, which is a problem. Unreadable input becomes a {@link Problem}, never an exception.
 */
public final class ManifestReader {
  public static final String KAIZEN_GROUP = "kaizen.dev";
  /** The path that stands for standard input. */
  public static final Path STANDARD_INPUT = Path.of("-");

  private final String group;
  private final ApiGroupTypo typos;
  private final ObjectMapper yaml;
  private final ObjectMapper json;
  private final Supplier<InputStream> standardInput;

  public ManifestReader() {
    this(KAIZEN_GROUP);
  }

  public ManifestReader(String group) {
    this(group, () -> System.in);
  }

  /** Reading {@code -} from {@code standardInput} (tests give their own). */
  public ManifestReader(String group, Supplier<InputStream> standardInput) {
    this.group = group;
    this.typos = new ApiGroupTypo(group);
    this.standardInput = standardInput;
    // Duplicate keys are an error for kubectl too; silently keeping the last one would hide a mistake.
    this.yaml = new ObjectMapper(
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    this.json = new ObjectMapper(
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  }

  /**
   * What was read: the manifests of the group, the problems met, how many other documents were skipped, and
   * notices (an empty file: worth saying, not an error by itself).
   *
   * @param namespaces the core {@code v1} Namespaces among the skipped documents: their labels bind resources to
   *     accounts ({@code kaizen.dev/aws-account}, {@code kaizen.dev/environment}), which validation checks
   * @param configMaps the core {@code v1} ConfigMaps among the skipped documents: a kind may read one it references
   *     (a SolrCluster's configset), so {@code kaizen plan} plans with the set's own files
   */
  public record Result(List<Manifest> manifests, List<Problem> problems, int skipped, List<Problem> notices,
      List<Manifest> namespaces, List<Manifest> configMaps) {
    public Result {
      manifests = List.copyOf(manifests);
      problems = List.copyOf(problems);
      notices = List.copyOf(notices);
      namespaces = List.copyOf(namespaces);
      configMaps = List.copyOf(configMaps);
    }

    public Result(List<Manifest> manifests, List<Problem> problems, int skipped, List<Problem> notices,
        List<Manifest> namespaces) {
      this(manifests, problems, skipped, notices, namespaces, List.of());
    }

    public Result(List<Manifest> manifests, List<Problem> problems, int skipped, List<Problem> notices) {
      this(manifests, problems, skipped, notices, List.of());
    }
  }

  public Result read(Path... paths) {
    return read(Arrays.asList(paths));
  }

  /** Reads each file, or each YAML file under each directory, in a stable (sorted) order. */
  public Result read(Collection<Path> paths) {
    Collector collector = new Collector();
    for (Path path : paths) {
      if (path.equals(STANDARD_INPUT)) {
        readStandardInput(collector);
      } else if (Files.isDirectory(path)) {
        manifestFilesUnder(path, collector).forEach(file -> readFile(file, collector));
      } else if (Files.isRegularFile(path)) {
        readFile(path, collector);
      } else {
        collector.problems.add(Problem.inFile(path.toString(), "no such file or directory"));
      }
    }
    return collector.result();
  }

  /** Reads YAML (or JSON, when it starts with '{' or '[') text, reporting it as coming from {@code name}. */
  public Result readString(String name, String text) {
    Collector collector = new Collector();
    parse(Path.of(name), looksLikeJson(text) ? json : yaml, new StringReader(text), collector);
    return collector.result();
  }

  private void readStandardInput(Collector collector) {
    try {
      String text = new String(standardInput.get().readAllBytes(), StandardCharsets.UTF_8);
      parse(Path.of("<stdin>"), looksLikeJson(text) ? json : yaml, new StringReader(text), collector);
    } catch (IOException e) {
      collector.problems.add(Problem.inFile("<stdin>", "cannot read: " + e.getMessage()));
    }
  }

  // kubectl get -o json and kustomize both write to a pipe; a JSON stream starts with an object or an array.
  private static boolean looksLikeJson(String text) {
    String start = text.stripLeading();
    return start.startsWith("{") || start.startsWith("[");
  }

  private List<Path> manifestFilesUnder(Path dir, Collector collector) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> (isYaml(p) || isJson(p)) && !isUnderHiddenDirectory(dir, p))
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

  private static boolean isJson(Path file) {
    return file.getFileName().toString().endsWith(".json");
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
      parse(file, isJson(file) ? json : yaml, reader, collector);
    } catch (IOException e) {
      collector.problems.add(Problem.inFile(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  private void parse(Path file, ObjectMapper mapper, Reader reader, Collector collector) {
    int index = 0;
    int documents = 0;
    String format = mapper == json ? "JSON" : "YAML";
    try (MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(reader)) {
      while (values.hasNextValue()) {
        // hasNextValue() stopped on the document's first token, so this is where the document starts.
        int line = values.getParser().currentTokenLocation().getLineNr();
        JsonNode document = values.nextValue();
        if (!isEmpty(document)) {
          documents++;
          accept(file, index, Math.max(line, 0), document, collector);
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      // The parser cannot resynchronise after a syntax error: the rest of this file is not read.
      collector.problems.add(Problem.inFile(file.toString(), syntaxError(format, index, e)));
      return;
    } catch (IOException | RuntimeException e) {
      collector.problems.add(Problem.inFile(file.toString(), "cannot read: " + e.getMessage()));
      return;
    }
    if (documents == 0) {
      collector.notices.add(Problem.inFile(file.toString(), "empty: no " + format + " document in it"));
    }
  }

  // An empty document, e.g. after a trailing "---" or a file of comments: Jackson gives null, or "" when reading
  // from a Reader.
  private static boolean isEmpty(JsonNode document) {
    return document == null || document.isNull() || document.isMissingNode()
        || document.isTextual() && document.asText().isEmpty();
  }

  private void accept(Path file, int index, int line, JsonNode document, Collector collector) {
    if (isList(document)) {
      // kubectl and Argo CD apply each item of a List (kubectl get -o json writes one); so do we.
      document.get("items").forEach(item -> accept(file, index, line, item, collector));
      return;
    }
    Manifest manifest = document.isObject() ? Manifest.of(file, index, line, document) : null;
    if (manifest != null && manifest.apiVersion() != null && typos.isNearMiss(manifest.apiVersion())) {
      collector.problems.add(new Problem(manifest.location(), manifest.resource(), "apiVersion",
          typos.explain(manifest.apiVersion())));
    } else if (manifest == null || manifest.apiVersion() == null || !manifest.group().equals(group)) {
      collector.skipped++;
      if (manifest != null && "v1".equals(manifest.apiVersion()) && "Namespace".equals(manifest.kind())) {
        collector.namespaces.add(manifest);
      }
      if (manifest != null && "v1".equals(manifest.apiVersion()) && "ConfigMap".equals(manifest.kind())) {
        collector.configMaps.add(manifest);
      }
    } else if (manifest.kind() == null) {
      collector.problems.add(new Problem(file.toString(), "", "kind", "document " + index + " has no kind"));
    } else {
      collector.manifests.add(manifest);
    }
  }

  // v1 List, or any <Kind>List as kubectl get writes them: a kind ending in "List" with an items array.
  private static boolean isList(JsonNode document) {
    return document.isObject() && document.path("kind").asText("").endsWith("List")
        && document.path("items").isArray();
  }

  private static String syntaxError(String format, int documentIndex, JsonProcessingException e) {
    // SnakeYAML knows where the problem is and what it is; Jackson's own location is often the context's.
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String context = yaml.getContext() == null || yaml.getContextMark() == null
          ? ""
          : " (" + yaml.getContext() + " started at line " + (yaml.getContextMark().getLine() + 1) + ")";
      return "invalid " + format + " at line " + (yaml.getProblemMark().getLine() + 1) + ", column "
          + (yaml.getProblemMark().getColumn() + 1) + ": " + yaml.getProblem() + context;
    }
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1
        ? "in document " + documentIndex
        : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = String.valueOf(e.getOriginalMessage()).strip().lines().findFirst().orElse("syntax error");
    return "invalid " + format + " " + where + ": " + message;
  }

  private static final class Collector {
    final List<Manifest> manifests = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Problem> notices = new ArrayList<>();
    final List<Manifest> namespaces = new ArrayList<>();
    final List<Manifest> configMaps = new ArrayList<>();
    int skipped;

    Result result() {
      return new Result(manifests, problems, skipped, notices, namespaces, configMaps);
    }
  }
}
