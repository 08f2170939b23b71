package dev.kaizen.operator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the fabric8 mock server does not do and a real API server does: refuse a PUT of a status subresource that
 * carries a stale resourceVersion with 409 Conflict. (The mock copies the stored metadata into the request before
 * it compares versions, so a status PUT never conflicts there.) Plugged into a CRUD dispatcher by the harnesses.
 */
public final class ResourceVersionCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The stored object (its JSON) at a path; the dispatcher's own store, since it cannot call itself. */
  private final Function<String, Optional<String>> stored;

  public ResourceVersionCheck(Function<String, Optional<String>> stored) {
    this.stored = stored;
  }

  /** A 409 answer when {@code request} is a status PUT whose resourceVersion is not the stored one. */
  public Optional<MockResponse> conflict(RecordedRequest request) {
    String path = request.getPath().split("\\?")[0];
    if (!"PUT".equals(request.getMethod()) || !path.endsWith("/status")) {
      return Optional.empty();
    }
    String sent;
    try {
      // getBytes, not getUtf8Body: reading the body would leave none for the dispatcher.
      sent = JSON.readTree(request.getBody().getBytes()).path("metadata").path("resourceVersion").asText("");
    } catch (IOException e) {
      return Optional.empty();
    }
    if (sent.isEmpty()) {
      return Optional.empty();
    }
    String objectPath = path.substring(0, path.length() - "/status".length());
    String current = stored.apply(objectPath).map(ResourceVersionCheck::version).orElse("");
    if (current.isEmpty() || current.equals(sent)) {
      return Optional.empty();
    }
    String name = objectPath.substring(objectPath.lastIndexOf('/') + 1);
    return Optional.of(new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
        + "\"status\":\"Failure\",\"reason\":\"Conflict\",\"code\":409,\"message\":\"Operation cannot be fulfilled on "
        + name + ": the object has been modified; please apply your changes to the latest version and try again\"}"));
  }

  private static String version(String json) {
    try {
      return JSON.readValue(json, GenericKubernetesResource.class).getMetadata().getResourceVersion();
    } catch (IOException e) {
      return "";
    }
  }
}
