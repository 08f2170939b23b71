package dev.kaizen.operator.cli;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.core.manifest.CrdSchemas;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.ManifestValidator;
import dev.kaizen.operator.core.manifest.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code kaizen validate} and {@code kaizen plan} both do first: read the manifests, check them against the
 * CRDs (schema and CEL rules, transition rules against a baseline when given) and the kinds' semantic checks.
 */
final class ManifestCheck {

  /** The manifests that passed, every problem found, and how many documents of other API groups were skipped. */
  record Result(List<Manifest> valid, List<Problem> problems, int checked, int skipped) {}

  private final ManifestReader reader = new ManifestReader();
  private final ManifestValidator validator = new ManifestValidator(
      CrdSchemas.fromClasspath(Kinds.ALL.stream().map(Kinds::crdName).toArray(String[]::new)));
  private final Map<String, PlannableKind<?, ?, ?>> kinds;

  ManifestCheck(Map<String, PlannableKind<?, ?, ?>> kinds) {
    this.kinds = kinds;
  }

  Result check(List<Path> paths, Optional<Path> baseline) {
    ManifestReader.Result read = reader.read(paths);
    Map<String, Manifest> before = new HashMap<>();
    baseline.ifPresent(dir -> reader.read(dir).manifests().forEach(m -> before.put(key(m), m)));
    List<Problem> problems = new ArrayList<>(read.problems());
    List<Manifest> valid = new ArrayList<>();
    for (Manifest manifest : read.manifests()) {
      List<Problem> found = new ArrayList<>(validator.validate(manifest, Optional.ofNullable(before.get(key(manifest)))));
      if (found.isEmpty()) {
        found.addAll(semanticProblems(manifest));
      }
      problems.addAll(found);
      if (found.isEmpty()) {
        valid.add(manifest);
      }
    }
    return new Result(valid, problems, read.manifests().size(), read.skipped());
  }

  private List<Problem> semanticProblems(Manifest manifest) {
    PlannableKind<?, ?, ?> kind = kinds.get(manifest.kind());
    if (kind == null) {
      return List.of();
    }
    return problemsOf(kind, manifest);
  }

  private static List<Problem> problemsOf(
      PlannableKind<?, ?, ?> kind, Manifest manifest) {
    return kind.problemsOf(manifest.object()).stream()
        .map(message -> new Problem(manifest.file(), manifest.resource(), "spec", message))
        .toList();
  }

  private static String key(Manifest manifest) {
    return manifest.kind() + "/" + manifest.namespace() + "/" + manifest.name();
  }
}
