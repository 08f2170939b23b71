package dev.kaizen.lab.embedded;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes API in this process: the fabric8 mock server in CRUD mode (real HTTP, watches, the status subresource,
 * generations, finalizers) with the project's CRDs installed — the ones the build generates from the Java model, which
 * CommittedCrdsTest keeps equal to crds/. Its known gaps (no schema validation or CEL, no server-side apply, no
 * garbage collection) are DESIGN.md's; the demo applies manifests that `kaizen validate` accepts.
 */
public final class EmbeddedCluster implements AutoCloseable {
  /** The mock server logs every request at INFO through java.util.logging; kept here so the level holds. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = quiet("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public EmbeddedCluster() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new PatchSafeDispatcher(),
        false);
    server.init();
    client = server.createClient();
    Kinds.ALL.forEach(kind -> installCrd(Kinds.crd(kind)));
  }

  /**
   * On a busy machine the client may time out a create the server did and send it again: the CRD then exists
   * already (409), which is what was wanted (seen: the benchmark's API server process died of it at startup).
   */
  private void installCrd(io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition crd) {
    try {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() != java.net.HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  /** A client of this API server (each caller may build its own from its configuration). */
  public KubernetesClient client() {
    return client;
  }

  /** The server's URL, e.g. http://localhost:41235/. */
  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  /**
   * Writes a kubeconfig for this server (plain HTTP on localhost, no credentials), so kubectl can be pointed at it
   * with {@code KUBECONFIG=<file>}.
   */
  public Path writeKubeconfig(Path file) {
    String text = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: kaizen-demo
            cluster:
              server: %s
        users:
          - name: kaizen-demo
            user: {}
        contexts:
          - name: kaizen-demo
            context:
              cluster: kaizen-demo
              user: kaizen-demo
              namespace: shop
        current-context: kaizen-demo
        """.formatted(url().replaceAll("/$", ""));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  /**
   * CRUD mode, plus the API discovery kubectl needs ({@link Discovery}); and a JSON patch computed from a stale copy
   * (an array index gone) is refused with 422 as the API server does (the mock would let the exception escape its
   * event loop and never answer).
   */
  private static final class PatchSafeDispatcher extends KubernetesCrudDispatcher {
    PatchSafeDispatcher() {
      super(List.of());
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Optional<MockResponse> discovery = Discovery.answer(request.getMethod(), request.getPath());
      if (discovery.isPresent()) {
        return discovery.get();
      }
      try {
        return super.dispatch(request);
      } catch (io.fabric8.zjsonpatch.JsonPatchException e) {
        return new MockResponse().setResponseCode(422).setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Invalid\","
            + "\"message\":\"the JSON patch does not apply: " + e.getMessage().replace("\"", "'")
            + "\",\"code\":422}");
      }
    }
  }
}
