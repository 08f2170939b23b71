package dev.kaizen.operator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Files of the repository (tests run in operator/) and rendering them with kustomize when it is installed. */
final class Repo {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = new YAMLMapper();

  private Repo() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static JsonNode json(String relative) {
    try {
      return JSON.readTree(path(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a (multi-document) YAML file or string. */
  static List<JsonNode> yamlDocuments(String text) {
    try (var parser = new YAMLFactory().createParser(text)) {
      List<JsonNode> docs = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      });
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> yamlFile(String relative) {
    try {
      return yamlDocuments(Files.readString(path(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kustomize build} or {@code kubectl kustomize}, whichever is on the PATH (needs kustomize 5). */
  static Optional<List<String>> kustomizeCommand() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "kustomize"))) {
        return Optional.of(List.of(Path.of(dir, "kustomize").toString(), "build"));
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path kubectl = Path.of(dir, "kubectl");
      if (Files.isExecutable(kubectl) && kustomizeVersion(kubectl).startsWith("v5")) {
        return Optional.of(List.of(kubectl.toString(), "kustomize"));
      }
    }
    return Optional.empty();
  }

  private static String kustomizeVersion(Path kubectl) {
    try {
      String out = run(List.of(kubectl.toString(), "version", "--client"), ROOT);
      int at = out.indexOf("Kustomize Version: ");
      return at < 0 ? "" : out.substring(at + "Kustomize Version: ".length()).trim();
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * The kustomize command, or this test is skipped when none is installed, except under CI ({@code CI=true}),
   * where the rendering checks must run: there a missing kustomize fails the test.
   */
  static List<String> kustomizeOrSkip() {
    Optional<List<String>> command = kustomizeCommand();
    if (command.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but neither kustomize nor kubectl with kustomize 5 is on the PATH:"
            + " the rendered manifests must be checked in CI");
      }
      org.junit.jupiter.api.Assumptions.abort("kustomize 5 not installed: rendering not checked");
    }
    return command.get();
  }

  static List<JsonNode> render(List<String> kustomize, Path dir) {
    List<String> command = new ArrayList<>(kustomize);
    command.add(dir.toString());
    return yamlDocuments(run(command, ROOT));
  }

  static String run(List<String> command, Path workdir) {
    try {
      Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed (" + process.exitValue() + "):\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
