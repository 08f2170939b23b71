package dev.kaizen.operator.api.v1alpha1.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Namespaces by label: those whose labels include all of {@code matchLabels}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceSelector {

  @JsonPropertyDescription("Namespaces whose labels include all of these. An empty selector selects no namespace.")
  @Size(max = 20)
  @ValidationRule(
      value = "self.all(k, size(k) <= 253 && k.matches('^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$')"
          + " && size(self[k]) <= 63 && self[k].matches('^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$'))",
      message = "matchLabels must be valid Kubernetes label keys and values.")
  private Map<String, @Size(max = 63) String> matchLabels = new LinkedHashMap<>();

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels == null ? new LinkedHashMap<>() : matchLabels;
  }

  /** Whether a namespace with these labels is selected; an empty selector selects none (never "everything"). */
  public boolean selects(Map<String, String> labels) {
    return !matchLabels.isEmpty() && labels != null && labels.entrySet().containsAll(matchLabels.entrySet());
  }
}
