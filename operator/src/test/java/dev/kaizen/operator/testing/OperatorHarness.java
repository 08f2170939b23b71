package dev.kaizen.operator.testing;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;

/**
 * The whole operator as it runs, against the fabric8 mock API server in CRUD mode (real HTTP, informers and
 * watches) and the stateful AWS fakes — one per service and region, shared by every resource of a test.
 */
public final class OperatorHarness implements AutoCloseable {
  public static final String ACCOUNT = "111122223333";
  public static final Region REGION = Region.EU_WEST_1;
  public static final ClusterIdentity CLUSTER = new ClusterIdentity("test-cluster-uid");

  /** Short intervals so resyncs, confirms and backoffs happen within a test. */
  public static ReconcileTimings fastTimings(Duration resync) {
    return new ReconcileTimings(resync, Duration.ofHours(1), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  /** The operator's own client, with its own User-Agent so {@link ApiRequests} can tell its requests apart. */
  private final KubernetesClient operatorClient;
  private final Map<Region, FakeCloudWatchLogs> logs = new ConcurrentHashMap<>();
  private KaizenOperator operator;

  public OperatorHarness() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()) {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            ApiRequests.record(request.getHeader("User-Agent"), request.getMethod(), request.getPath());
            return super.dispatch(request);
          }
        }, false);
    server.init();
    client = server.createClient();
    operatorClient = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(ApiRequests.OPERATOR_AGENT).build())
        .build();
    installCrd("logpipelines.kaizen.dev");
  }

  /** Starts the operator; the fakes exist before so a test can prepare AWS state. */
  public OperatorHarness start(ReconcileTimings timings) {
    var settings = new OperatorSettings(CLUSTER, Optional.of(REGION), timings, 4, Clock.systemUTC());
    operator = new KaizenOperator(operatorClient, target -> logs(target.region()), settings);
    operator.start();
    return this;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The client the operator uses (requests recorded in {@link ApiRequests}). */
  public KubernetesClient operatorClient() {
    return operatorClient;
  }

  public FakeCloudWatchLogs logs() {
    return logs(REGION);
  }

  public FakeCloudWatchLogs logs(Region region) {
    return logs.computeIfAbsent(region, r -> new FakeCloudWatchLogs(r, ACCOUNT));
  }

  public List<Event> events(String namespace, String involvedName) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  public boolean hasEvent(String namespace, String involvedName, String reason) {
    return events(namespace, involvedName).stream().anyMatch(e -> reason.equals(e.getReason()));
  }

  private void installCrd(String name) {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml")) {
      var crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("generated CRD " + name + " not found: run the build's process-classes", e);
    }
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.close();
    }
    operatorClient.close();
    client.close();
    server.destroy();
  }
}
