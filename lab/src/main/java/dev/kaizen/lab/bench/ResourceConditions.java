package dev.kaizen.lab.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a kaizen resource's conditions from its generic form. */
final class ResourceConditions {
  private ResourceConditions() {}

  static boolean isReady(GenericKubernetesResource resource) {
    return conditions(resource).stream()
        .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
  }

  /** AWS's throttling reported in a condition (our own limiter's "RateLimited" is not AWS refusing anything). */
  static java.util.Optional<String> throttling(GenericKubernetesResource resource) {
    return conditions(resource).stream().filter(c -> "Throttled".equals(c.get("reason"))
        || String.valueOf(c.get("message")).toLowerCase(Locale.ROOT).contains("aws throttled"))
        .map(c -> c.get("type") + ": " + c.get("message")).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> conditions(GenericKubernetesResource resource) {
    Object status = resource.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> list)) {
      return List.of();
    }
    return (List<Map<String, Object>>) list;
  }
}
