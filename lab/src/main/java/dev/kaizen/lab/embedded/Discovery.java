package dev.kaizen.lab.embedded;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The API discovery kubectl reads before `get`, `describe` or `wait` (legacy, not aggregated: kubectl falls back to it
 * when the answer is plain JSON): /version, /api, /api/v1, /apis and the resource lists of the groups the demo's
 * objects are in. The mock server answers these paths with its store (a list of whatever it holds), which kubectl
 * cannot read.
 */
final class Discovery {
  private static final String VERBS = "[\"get\",\"list\",\"watch\",\"create\",\"update\",\"patch\",\"delete\"]";

  private Discovery() {}

  /** The discovery answer for a GET of {@code path}, if it is a discovery path. */
  static Optional<MockResponse> answer(String method, String path) {
    if (!"GET".equals(method)) {
      return Optional.empty();
    }
    String body = switch (path.split("\\?")[0]) {
      case "/version" -> "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0-kaizen-demo\",\"platform\":"
          + "\"linux/amd64\"}";
      case "/api" -> "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}";
      case "/apis" -> "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":["
          + group(Kinds.GROUP, Kinds.VERSION) + "," + group("batch", "v1") + ","
          + group("apiextensions.k8s.io", "v1") + "]}";
      case "/api/v1" -> resources("v1", List.of(resource("namespaces", "namespace", "Namespace", false),
          resource("configmaps", "configmap", "ConfigMap", true), resource("secrets", "secret", "Secret", true),
          resource("events", "event", "Event", true)));
      case "/apis/batch/v1" -> resources("batch/v1", List.of(resource("cronjobs", "cronjob", "CronJob", true),
          resource("jobs", "job", "Job", true)));
      case "/apis/apiextensions.k8s.io/v1" -> resources("apiextensions.k8s.io/v1", List.of(resource(
          "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false)));
      case "/apis/" + Kinds.GROUP + "/" + Kinds.VERSION -> resources(Kinds.GROUP + "/" + Kinds.VERSION,
          Kinds.ALL.stream().map(Discovery::resource).toList());
      default -> null;
    };
    return Optional.ofNullable(body).map(b -> new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/json").setBody(b));
  }

  private static String group(String name, String version) {
    String groupVersion = "{\"groupVersion\":\"" + name + "/" + version + "\",\"version\":\"" + version + "\"}";
    return "{\"name\":\"" + name + "\",\"versions\":[" + groupVersion + "],\"preferredVersion\":" + groupVersion + "}";
  }

  private static String resources(String groupVersion, List<String> resources) {
    return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion
        + "\",\"resources\":[" + String.join(",", resources) + "]}";
  }

  private static String resource(Class<? extends HasMetadata> kind) {
    return resource(HasMetadata.getPlural(kind), HasMetadata.getSingular(kind), HasMetadata.getKind(kind),
        Namespaced.class.isAssignableFrom(kind));
  }

  private static String resource(String plural, String singular, String kind, boolean namespaced) {
    String own = "{\"name\":\"" + plural + "\",\"singularName\":\"" + singular + "\",\"namespaced\":" + namespaced
        + ",\"kind\":\"" + kind + "\",\"verbs\":" + VERBS + "}";
    String status = !isCustom(kind) ? "" : ",{\"name\":\"" + plural + "/status\",\"singularName\":\"\","
        + "\"namespaced\":" + namespaced + ",\"kind\":\"" + kind + "\",\"verbs\":[\"get\",\"patch\",\"update\"]}";
    return own + status;
  }

  private static boolean isCustom(String kind) {
    return Kinds.ALL.stream().map(HasMetadata::getKind).collect(Collectors.toSet()).contains(kind);
  }
}
