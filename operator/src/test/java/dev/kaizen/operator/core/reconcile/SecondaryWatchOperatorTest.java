package dev.kaizen.operator.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.testing.LogPipelines;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SecondaryWatch#owned}: objects marked by {@link OwnerMarker} wake their owner at once, for a namespaced owner
 * of objects in its namespace (as CronJobSet's CronJobs) and for a cluster-scoped owner (as AwsAccount). Minimal
 * test-only reconcilers (they keep one marked ConfigMap per owner) on the mock API server; there is no resync here at
 * all, so only the watch can cause a second reconcile.
 */
class SecondaryWatchOperatorTest {
  private static final String OWNED_NAMESPACE = "kaizen-system";

  private OperatorHarness harness;
  private Operator operator;

  /** Keeps one ConfigMap {@code <owner>-owned}, marked as its owner's, and counts reconciles per owner. */
  private abstract static class KeepsOneConfigMap<P extends HasMetadata> implements Reconciler<P> {
    private final KubernetesClient client;
    private final Class<P> ownerType;
    final Map<String, AtomicInteger> reconciles = new ConcurrentHashMap<>();
    final AtomicReference<InformerEventSource<ConfigMap, P>> watch = new AtomicReference<>();

    KeepsOneConfigMap(KubernetesClient client, Class<P> ownerType) {
      this.client = client;
      this.ownerType = ownerType;
    }

    static String namespaceOf(HasMetadata owner) {
      return owner.getMetadata().getNamespace() != null ? owner.getMetadata().getNamespace() : OWNED_NAMESPACE;
    }

    @Override
    public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
      watch.set(SecondaryWatch.owned(ConfigMap.class, ownerType).eventSource(context));
      return List.of(watch.get());
    }

    @Override
    public UpdateControl<P> reconcile(P owner, Context<P> context) {
      reconciles.computeIfAbsent(owner.getMetadata().getName(), n -> new AtomicInteger()).incrementAndGet();
      ConfigMap wanted = new ConfigMapBuilder().withNewMetadata().withNamespace(namespaceOf(owner))
          .withName(owner.getMetadata().getName() + "-owned").endMetadata().addToData("setting", "wanted").build();
      OwnerMarker.mark(wanted, owner);
      ConfigMap current = client.configMaps().inNamespace(namespaceOf(owner))
          .withName(wanted.getMetadata().getName()).get();
      if (current == null) {
        client.configMaps().resource(wanted).create();
      } else if (!wanted.getData().equals(current.getData())) {
        current.setData(wanted.getData());
        client.configMaps().resource(current).update();
      }
      return UpdateControl.noUpdate();
    }

    int count(String owner) {
      return reconciles.getOrDefault(owner, new AtomicInteger()).get();
    }
  }

  // JOSDK reads the primary type from the reconciler class's type argument: one concrete class per owner type.
  private static final class PipelineOwner extends KeepsOneConfigMap<LogPipeline> {
    PipelineOwner(KubernetesClient client) {
      super(client, LogPipeline.class);
    }
  }

  private static final class NamespaceOwner extends KeepsOneConfigMap<Namespace> {
    NamespaceOwner(KubernetesClient client) {
      super(client, Namespace.class);
    }
  }

  @BeforeEach
  void start() {
    harness = new OperatorHarness();
    operator = new Operator(config -> config.withKubernetesClient(harness.client()).withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false));
  }

  @AfterEach
  void stop() {
    operator.stop();
    harness.close();
  }

  private static Resource<ConfigMap> configMap(KubernetesClient client, String namespace, String name) {
    return client.configMaps().inNamespace(namespace).withName(name);
  }

  private static void editSetting(Resource<ConfigMap> configMap, String value) {
    OperatorHarness.edit(configMap, c -> {
      c.setData(Map.of("setting", value));
      return c;
    });
  }

  @Test
  void anEditOrDeletionOfAnObjectOfANamespacedOwnerWakesThatOwner() {
    var client = harness.client();
    var reconciler = new PipelineOwner(client);
    operator.register(reconciler, override -> override.settingNamespaces("shop"));
    operator.start();
    client.resources(LogPipeline.class).inNamespace("shop")
        .resource(LogPipelines.logPipeline("shop", "web").build()).create();
    client.resources(LogPipeline.class).inNamespace("shop")
        .resource(LogPipelines.logPipeline("shop", "api").build()).create();
    var owned = configMap(client, "shop", "web-owned");
    await().atMost(OperatorHarness.WAIT).until(() -> owned.get() != null
        && configMap(client, "shop", "api-owned").get() != null);
    // Not marked, or marked by another kind: not even cached by the watch.
    client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withNamespace("shop").withName("plain")
        .endMetadata().build()).create();
    int webBefore = reconciler.count("web");
    int apiBefore = reconciler.count("api");

    editSetting(owned, "edited by hand");
    await().atMost(OperatorHarness.WAIT).until(() -> "wanted".equals(owned.get().getData().get("setting")));
    assertThat(reconciler.count("web")).isGreaterThan(webBefore);

    owned.delete();
    await().atMost(OperatorHarness.WAIT).until(() -> owned.get() != null);
    assertThat(reconciler.count("api")).as("the other owner's reconciles").isEqualTo(apiBefore);
    assertThat(reconciler.watch.get().list().map(c -> c.getMetadata().getName()))
        .containsExactlyInAnyOrder("web-owned", "api-owned");
  }

  @Test
  void anEditOfAnObjectOfAClusterScopedOwnerWakesThatOwner() {
    var client = harness.client();
    var reconciler = new NamespaceOwner(client);
    operator.register(reconciler, override -> override.withLabelSelector("kaizen.dev/test-owner=true"));
    operator.start();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("account-a")
        .addToLabels("kaizen.dev/test-owner", "true").endMetadata().build()).create();
    var owned = configMap(client, OWNED_NAMESPACE, "account-a-owned");
    await().atMost(OperatorHarness.WAIT).until(() -> owned.get() != null);
    assertThat(owned.get().getMetadata().getAnnotations()).doesNotContainKey(OwnerMarker.OWNER_NAMESPACE);
    int before = reconciler.count("account-a");

    editSetting(owned, "edited by hand");

    await().atMost(OperatorHarness.WAIT).until(() -> "wanted".equals(owned.get().getData().get("setting")));
    assertThat(reconciler.count("account-a")).isGreaterThan(before);
  }
}
