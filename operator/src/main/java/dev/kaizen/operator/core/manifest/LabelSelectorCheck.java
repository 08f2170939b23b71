package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Label selectors ({@code matchLabels} maps, a Kubernetes convention wherever they appear), checked key by key and
 * value by value with the API server's label syntax, so the message names the key or value that is wrong and why.
 * A CRD can only say "matchLabels must be valid" in one CEL rule; {@link #selectorsWithProblems} lets the validator
 * drop that rule's generic sentence where this check already said more.
 */
final class LabelSelectorCheck {
  private static final String FIELD = "matchLabels";
  // From k8s.io/apimachinery validation: IsQualifiedName and IsValidLabelValue.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int MAX_NAME = 63;
  private static final int MAX_PREFIX = 253;

  /** The problems, and the paths of the selectors they are in ({@code spec.pods.matchLabels}). */
  record Outcome(List<Problem> problems, Set<String> selectorsWithProblems) {}

  private LabelSelectorCheck() {}

  static Outcome check(Manifest manifest, JsonNode object) {
    List<Problem> problems = new ArrayList<>();
    Set<String> selectors = new TreeSet<>();
    walk(object, FieldPath.root(), manifest, problems, selectors);
    return new Outcome(problems, selectors);
  }

  private static void walk(JsonNode value, FieldPath path, Manifest manifest, List<Problem> out, Set<String> bad) {
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), path.index(i), manifest, out, bad);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      FieldPath child = path.child(field.getKey());
      if (FIELD.equals(field.getKey()) && field.getValue().isObject()) {
        int before = out.size();
        checkSelector(field.getValue(), child, manifest, out);
        if (out.size() > before) {
          bad.add(child.toString());
        }
      } else {
        walk(field.getValue(), child, manifest, out, bad);
      }
    }
  }

  private static void checkSelector(JsonNode labels, FieldPath path, Manifest manifest, List<Problem> out) {
    for (Map.Entry<String, JsonNode> label : labels.properties()) {
      FieldPath entry = path.key(label.getKey());
      String keyProblem = keyProblem(label.getKey());
      if (keyProblem != null) {
        out.add(Problem.of(manifest, entry, "label key \"" + label.getKey() + "\" is not valid: " + keyProblem));
      }
      if (label.getValue().isTextual()) {
        String valueProblem = valueProblem(label.getValue().asText());
        if (valueProblem != null) {
          out.add(Problem.of(manifest, entry, "label value \"" + label.getValue().asText() + "\" is not valid: "
              + valueProblem));
        }
      }
    }
  }

  /** Why a key is not a qualified name ({@code [prefix/]name}), or null when it is one. */
  static String keyProblem(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty()) {
        return "the prefix before '/' is empty";
      }
      if (prefix.length() > MAX_PREFIX || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return "the prefix \"" + prefix + "\" must be a DNS subdomain (at most 253 lower case letters, digits, '-'"
            + " and '.', e.g. example.com)";
      }
      if (name.contains("/")) {
        return "a label key has at most one '/'";
      }
    }
    if (name.isEmpty()) {
      return "the name part is empty";
    }
    return nameProblem(name, "the name part");
  }

  /** Why a value is not a label value (empty, or a name of at most 63 characters), or null when it is one. */
  static String valueProblem(String value) {
    return value.isEmpty() ? null : nameProblem(value, "a label value");
  }

  private static String nameProblem(String name, String what) {
    if (name.length() > MAX_NAME) {
      return what + " must be at most 63 characters, not " + name.length();
    }
    if (!NAME.matcher(name).matches()) {
      return what + " must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    }
    return null;
  }
}
