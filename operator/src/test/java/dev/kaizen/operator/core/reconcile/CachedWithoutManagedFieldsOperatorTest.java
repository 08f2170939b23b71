package dev.kaizen.operator.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.testing.LogPipelines;
import dev.kaizen.operator.testing.ManagedFields;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every informer the kinds register through {@link ControllerRegistration} and {@link SecondaryWatch} caches its
 * objects without {@code metadata.managedFields}, which a real API server fills on every write; the server's copy
 * keeps them. A test-only reconciler on the mock API server, which stores managedFields as it is given them.
 */
class CachedWithoutManagedFieldsOperatorTest {
  private OperatorHarness harness;
  private Operator operator;

  /** Records the primary it is given and the watch's cached copy of the owned ConfigMap. */
  private static final class RecordsWhatItIsGiven implements Reconciler<LogPipeline> {
    final AtomicReference<LogPipeline> primary = new AtomicReference<>();
    final AtomicReference<InformerEventSource<ConfigMap, LogPipeline>> watch = new AtomicReference<>();

    @Override
    public List<EventSource<?, LogPipeline>> prepareEventSources(EventSourceContext<LogPipeline> context) {
      watch.set(SecondaryWatch.owned(ConfigMap.class, LogPipeline.class).eventSource(context));
      return List.of(watch.get());
    }

    @Override
    public UpdateControl<LogPipeline> reconcile(LogPipeline resource, Context<LogPipeline> context) {
      primary.set(resource);
      return UpdateControl.noUpdate();
    }

    Optional<ConfigMap> cached(String namespace, String name) {
      return watch.get().get(new ResourceID(name, namespace));
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

  @Test
  void primariesAndWatchedObjectsAreCachedWithoutManagedFieldsWhileTheServerKeepsThem() {
    var client = harness.client();
    var reconciler = new RecordsWhatItIsGiven();
    ControllerRegistration.register(operator, reconciler, LogPipeline.class, ReconcileTimings.defaults(),
        WatchScope.EVERYTHING);
    operator.start();
    LogPipeline pipeline = client.resources(LogPipeline.class).inNamespace("shop")
        .resource(ManagedFields.written(LogPipelines.logPipeline("shop", "web").build())).create();
    ConfigMap owned = new ConfigMapBuilder().withNewMetadata().withNamespace("shop").withName("web-owned")
        .endMetadata().addToData("setting", "wanted").build();
    OwnerMarker.mark(owned, pipeline);
    client.configMaps().resource(ManagedFields.written(owned)).create();

    await().atMost(OperatorHarness.WAIT).until(() -> reconciler.primary.get() != null
        && reconciler.cached("shop", "web-owned").isPresent());

    // Positive control: the server holds both objects' managedFields, so the caches had them to drop.
    assertThat(client.resources(LogPipeline.class).inNamespace("shop").withName("web").get().getMetadata()
        .getManagedFields()).hasSize(2);
    assertThat(client.configMaps().inNamespace("shop").withName("web-owned").get().getMetadata()
        .getManagedFields()).hasSize(2);
    assertThat(reconciler.primary.get().getMetadata().getManagedFields()).isNullOrEmpty();
    ConfigMap cached = reconciler.cached("shop", "web-owned").orElseThrow();
    assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(cached.getData()).containsEntry("setting", "wanted");
    assertThat(cached.getMetadata().getResourceVersion()).as("the rest of the metadata is kept").isNotBlank();
  }
}
