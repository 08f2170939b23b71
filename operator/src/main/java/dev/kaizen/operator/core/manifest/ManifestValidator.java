package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a manifest as the API server would admit it against our CRDs: metadata, the OpenAPI v3 schema,
 * unknown fields, list uniqueness, and the CEL rules ({@code x-kubernetes-validations}), transition rules
 * included when the old object is given. Used by {@code kaizen validate} and by tests, since the fabric8
 * mock server checks none of this. Thread-safe; compiled schemas and rules are cached, so keep one instance.
 */
public final class ManifestValidator {
  private final CrdSchemas crds;
  private final OpenApiCheck openApi;
  private final CelRuleCheck celRules = new CelRuleCheck(new CelRules());

  public ManifestValidator(CrdSchemas crds) {
    this(crds, FieldFormats.none());
  }

  /** Explaining pattern mismatches with {@code formats}' words where it has them. */
  public ManifestValidator(CrdSchemas crds, FieldFormats formats) {
    this.crds = crds;
    this.openApi = new OpenApiCheck(formats);
  }

  /** A create: no transition rule runs. */
  public List<Problem> validate(Manifest manifest) {
    return validate(manifest, Optional.empty());
  }

  /**
   * An update from {@code oldObject} to {@code newObject} when the old one is given, else a create. An empty
   * list means the API server would accept it.
   */
  public List<Problem> validate(Manifest newObject, Optional<Manifest> oldObject) {
    Optional<CrdVersion> found = crds.find(newObject);
    if (found.isEmpty()) {
      return List.of(Problem.of(newObject, FieldPath.root(), crds.explainMissing(newObject)));
    }
    CrdVersion crd = found.get();
    List<Problem> problems = new ArrayList<>();
    if (!crd.served()) {
      problems.add(Problem.of(newObject, FieldPath.root(), crd.apiVersion() + " is not served"));
    }
    problems.addAll(MetadataCheck.check(newObject, crd));
    JsonNode object = AdmissionDefaults.apply(crd, newObject.object());
    OpenApiCheck.Outcome schema = openApi.check(newObject, crd, object);
    problems.addAll(schema.problems());
    problems.addAll(UnknownFieldCheck.check(newObject, crd, object));
    problems.addAll(ListTypeCheck.check(newObject, crd, object));
    LabelSelectorCheck.Outcome labels = LabelSelectorCheck.check(newObject, object);
    problems.addAll(labels.problems());
    if (schema.blocksRules()) {
      // As the API server: rules assume well-typed values with their required fields present.
      problems.add(Problem.of(newObject, FieldPath.root(),
          "validation rules were not checked because of the errors above; fix them to check the rules"));
    } else {
      JsonNode old = oldObject.map(o -> AdmissionDefaults.apply(crd, o.object())).orElse(null);
      // A selector's rule can only say "must be valid"; where the label check named the key or value, that is enough.
      celRules.check(newObject, crd, object, old).stream()
          .filter(problem -> !labels.selectorsWithProblems().contains(problem.path()))
          .forEach(problems::add);
    }
    return problems;
  }

  /** Each manifest as a create. */
  public List<Problem> validateAll(List<Manifest> manifests) {
    List<Problem> problems = new ArrayList<>();
    manifests.forEach(m -> problems.addAll(validate(m)));
    return problems;
  }
}
