package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.types.CelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates every {@code x-kubernetes-validations} rule at every schema level where the object has a
 * (non-null) value, with Kubernetes semantics: {@code self} is the value at that level; a transition rule
 * (one that reads {@code oldSelf}) runs only on an update and only where the old object has a value at the
 * same place (object fields by name, map entries by key, items of {@code x-kubernetes-list-type: map} lists
 * by their keys; items of other lists have no old value). With {@code optionalOldSelf: true} it also runs on
 * create, with {@code oldSelf} an empty optional. A rule that fails to compile or to evaluate is a problem,
 * never an exception.
 */
final class CelRuleCheck {
  private final CelRules rules;

  CelRuleCheck(CelRules rules) {
    this.rules = rules;
  }

  /** {@code oldObject} is null on create. Both objects must already be defaulted ({@link AdmissionDefaults}). */
  List<Problem> check(Manifest manifest, CrdVersion crd, JsonNode object, JsonNode oldObject) {
    List<Problem> problems = new ArrayList<>();
    new Walk(manifest, problems).visit(crd.schema(), object, oldObject, FieldPath.root());
    return problems;
  }

  private final class Walk {
    private final Manifest manifest;
    private final List<Problem> problems;

    Walk(Manifest manifest, List<Problem> problems) {
      this.manifest = manifest;
      this.problems = problems;
    }

    void visit(JsonNode schema, JsonNode value, JsonNode old, FieldPath path) {
      if (value == null || value.isNull() || value.isMissingNode() || schema.isMissingNode()) {
        return;
      }
      JsonNode present = old == null || old.isNull() || old.isMissingNode() ? null : old;
      evaluateRules(schema, value, present, path);
      if (value.isObject()) {
        visitFields(schema, value, present, path);
      } else if (value.isArray()) {
        visitItems(schema, value, present, path);
      }
    }

    private void visitFields(JsonNode schema, JsonNode value, JsonNode old, FieldPath path) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String name = field.getKey();
        JsonNode oldValue = old == null ? null : old.get(name);
        JsonNode property = SchemaNode.property(schema, name);
        JsonNode additional = SchemaNode.additionalProperties(schema);
        if (property != null) {
          visit(property, field.getValue(), oldValue, path.child(name));
        } else if (additional != null) {
          visit(additional, field.getValue(), oldValue, path.key(name));
        }
      }
    }

    private void visitItems(JsonNode schema, JsonNode value, JsonNode old, FieldPath path) {
      JsonNode items = SchemaNode.items(schema);
      JsonNode keys = SchemaNode.listMapKeys(schema);
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        visit(items, item, correlated(old, keys, item), path.index(i));
      }
    }

    // The old item with the same values of the list's map keys, if the list is a map list.
    private JsonNode correlated(JsonNode oldList, JsonNode keys, JsonNode item) {
      if (oldList == null || !oldList.isArray() || !keys.isArray() || keys.isEmpty()) {
        return null;
      }
      for (JsonNode candidate : oldList) {
        boolean same = true;
        for (JsonNode key : keys) {
          same &= candidate.path(key.asText()).equals(item.path(key.asText()));
        }
        if (same) {
          return candidate;
        }
      }
      return null;
    }

    private void evaluateRules(JsonNode schema, JsonNode value, JsonNode old, FieldPath path) {
      JsonNode validations = schema.path("x-kubernetes-validations");
      if (!validations.isArray() || validations.isEmpty()) {
        return;
      }
      CelType type = CelTypes.of(schema);
      Object self = celValue(schema, value, path);
      Object oldSelf = old == null ? null : celValue(schema, old, path);
      for (JsonNode validation : validations) {
        evaluate(validation, type, self, oldSelf, path);
      }
    }

    private void evaluate(JsonNode validation, CelType type, Object self, Object oldValue, FieldPath path) {
      String expression = validation.path("rule").asText("");
      boolean optionalOldSelf = validation.path("optionalOldSelf").asBoolean(false);
      FieldPath at = path.relative(validation.path("fieldPath").asText(null));
      CompiledRule rule = rules.rule(expression, type, optionalOldSelf);
      if (!rule.compiled()) {
        report(at, "rule does not compile: " + rule.compileError(), expression);
        return;
      }
      Object oldSelf = null;
      if (rule.transition()) {
        if (optionalOldSelf) {
          oldSelf = Optional.ofNullable(oldValue);
        } else if (oldValue == null) {
          return; // a transition rule is not evaluated on create, nor where the old object had no value
        } else {
          oldSelf = oldValue;
        }
      }
      Object result;
      try {
        result = rule.eval(self, oldSelf);
      } catch (Exception e) {
        report(at, "rule could not be evaluated: " + e.getMessage(), expression);
        return;
      }
      if (Boolean.FALSE.equals(result)) {
        problems.add(Problem.of(manifest, at, message(validation, type, self, oldSelf, optionalOldSelf)));
      } else if (!Boolean.TRUE.equals(result)) {
        report(at, "rule returned " + result + " instead of a boolean", expression);
      }
    }

    // The root value shows only part of metadata, as in Kubernetes.
    private Object celValue(JsonNode schema, JsonNode value, FieldPath path) {
      return path.isRoot() ? CelValues.ofResource(schema, value) : CelValues.of(schema, value);
    }

    private void report(FieldPath at, String what, String expression) {
      problems.add(Problem.of(manifest, at, what + " (rule: " + expression + ")"));
    }

    // messageExpression wins when it yields a non-empty string; then message; then the rule itself.
    private String message(
        JsonNode validation, CelType type, Object self, Object oldSelf, boolean optionalOldSelf) {
      String expression = validation.path("messageExpression").asText("");
      if (!expression.isBlank()) {
        CompiledRule compiled = rules.message(expression, type, optionalOldSelf);
        try {
          if (compiled.compiled() && compiled.eval(self, oldSelf) instanceof String text && !text.isBlank()) {
            return text;
          }
        } catch (Exception e) {
          // falls back to the static message, as the API server does
        }
      }
      String message = validation.path("message").asText("");
      return message.isBlank() ? "failed rule: " + validation.path("rule").asText() : message;
    }
  }
}
