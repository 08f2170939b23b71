package dev.kaizen.operator.core.reconcile.gadget;

import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.reconcile.AccountResolver;
import dev.kaizen.operator.core.reconcile.ControllerRegistration;
import dev.kaizen.operator.core.reconcile.EventRecorder;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.core.reconcile.StatusWriter;
import dev.kaizen.operator.core.reconcile.WatchScope;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import dev.kaizen.operator.testing.ResourceVersionCheck;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * The Gadget kind run by the shared loop under JOSDK, against the fabric8 mock server in CRUD mode (which, like a
 * real API server, refuses a write carrying a stale resourceVersion with 409).
 */
final class GadgetHarness implements AutoCloseable {
  static final ReconcileTimings TIMINGS = OperatorHarness.fastTimings(Duration.ofMinutes(10));

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final GadgetStore store = new GadgetStore();
  private final KaizenMetrics metrics = new KaizenMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
  private Operator operator;
  private WatchScope scope = WatchScope.EVERYTHING;

  GadgetHarness() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()) {
          private final ResourceVersionCheck versions = new ResourceVersionCheck(
              path -> java.util.Optional.ofNullable(findResource(getKey(path))).map(java.util.Map.Entry::getValue));

          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return versions.conflict(request).orElseGet(() -> super.dispatch(request));
          }
        }, false);
    server.init();
    client = server.createClient();
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("gadgets.test.kaizen.dev").endMetadata()
        .withNewSpec().withGroup("test.kaizen.dev").withScope("Cluster")
        .withNewNames().withKind(Gadget.KIND).withPlural("gadgets").withSingular("gadget").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSubresources().withNewStatus().endStatus().endSubresources()
        .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema().endSchema().endVersion()
        .endSpec().build()).create();
  }

  GadgetHarness start() {
    return start(WatchScope.EVERYTHING);
  }

  /** Started as one shard of an estate sharded by {@code scope}. */
  GadgetHarness start(WatchScope scope) {
    operator = new Operator(config -> config.withKubernetesClient(client).withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false));
    var loop = new ReconcileLoop<>(Gadget.KIND, new GadgetKind(store), OperatorHarness.CLUSTER, TIMINGS,
        new EventRecorder(client, Clock.systemUTC(), metrics), Clock.systemUTC(), StatusWriter.kubernetes(client),
        AccountResolver.OPERATOR_ONLY);
    ControllerRegistration.register(operator, new GadgetReconciler(loop), Gadget.class, TIMINGS, scope);
    operator.start();
    this.scope = scope;
    return this;
  }

  GadgetHarness restart() {
    operator.stop();
    return start(scope);
  }

  GadgetStore store() {
    return store;
  }

  KubernetesClient client() {
    return client;
  }

  KaizenMetrics metrics() {
    return metrics;
  }

  Gadget create(String name, GadgetSpec spec) {
    Gadget gadget = new Gadget();
    gadget.getMetadata().setName(name);
    gadget.setSpec(spec);
    return client.resource(gadget).create();
  }

  Gadget get(String name) {
    return client.resources(Gadget.class).withName(name).get();
  }

  Gadget awaitCondition(String name, String type, String status, String reason) {
    await().atMost(OperatorHarness.WAIT).until(() -> {
      Gadget gadget = get(name);
      return gadget != null && gadget.getStatus() != null
          && Conditions.find(gadget.getStatus().getConditions(), type)
              .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
              .isPresent();
    });
    return get(name);
  }

  Gadget awaitReady(String name) {
    return awaitCondition(name, Conditions.READY, "True", null);
  }

  /** Events about a cluster-scoped resource, where Kubernetes keeps them ("default"). */
  List<Event> events(String name) {
    return client.v1().events().inNamespace(EventRecorder.CLUSTER_SCOPED_EVENTS).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.stop();
    }
    client.close();
    server.destroy();
  }
}
