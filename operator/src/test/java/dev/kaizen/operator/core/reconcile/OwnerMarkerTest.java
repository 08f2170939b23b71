package dev.kaizen.operator.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner mark names a namespaced or a cluster-scoped owner, and JOSDK's annotation mapper reads it back. */
class OwnerMarkerTest {
  private static final String LONG_NAME = "n".repeat(200);

  private static ConfigMap owned(String namespace) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName("owned")
        .addToLabels("app", "web").addToAnnotations("note", "kept").endMetadata().build();
  }

  @Test
  void aNamespacedOwnerOfAnObjectInItsNamespace() {
    LogPipeline owner = new LogPipeline();
    owner.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName(LONG_NAME)
        .withUid("6f1c2a4e-5b6d-4e8f-9a0b-1c2d3e4f5a6b").build());
    ConfigMap owned = owned("shop");

    OwnerMarker.mark(owned, owner);

    assertThat(owned.getMetadata().getLabels()).containsEntry("app", "web")
        .containsEntry(OwnerMarker.OWNER_KIND, "LogPipeline")
        .containsEntry(OwnerMarker.OWNER_UID, "6f1c2a4e-5b6d-4e8f-9a0b-1c2d3e4f5a6b");
    // A 200-character name cannot be a label value (63 at most); it is an annotation.
    assertThat(owned.getMetadata().getLabels().values()).allMatch(v -> v.length() <= 63);
    assertThat(owned.getMetadata().getAnnotations()).containsEntry("note", "kept")
        .containsEntry(OwnerMarker.OWNER_NAME, LONG_NAME).containsEntry(OwnerMarker.OWNER_NAMESPACE, "shop");
    assertThat(owned.getMetadata().getOwnerReferences()).as("no garbage collection").isEmpty();
    assertThat(OwnerMarker.<ConfigMap>toOwner(LogPipeline.class).toPrimaryResourceIDs(owned))
        .containsExactly(new ResourceID(LONG_NAME, "shop"));
    assertThat(OwnerMarker.selector(LogPipeline.class)).isEqualTo("kaizen.dev/owner-kind=LogPipeline");
  }

  @Test
  void aClusterScopedOwnerHasNoNamespace() {
    Namespace owner = new NamespaceBuilder().withNewMetadata().withName("account-shop").withUid("uid-1")
        .endMetadata().build();
    ConfigMap owned = owned("kaizen-system");

    OwnerMarker.mark(owned, owner);

    assertThat(owned.getMetadata().getAnnotations()).doesNotContainKey(OwnerMarker.OWNER_NAMESPACE);
    assertThat(OwnerMarker.<ConfigMap>toOwner(Namespace.class).toPrimaryResourceIDs(owned))
        .containsExactly(new ResourceID("account-shop"));
  }

  @Test
  void anObjectOfAnotherKindOrWithoutMarkMapsToNobody() {
    Namespace owner = new NamespaceBuilder().withNewMetadata().withName("account-shop").withUid("uid-1")
        .endMetadata().build();
    ConfigMap owned = owned("shop");
    OwnerMarker.mark(owned, owner);

    assertThat(OwnerMarker.<ConfigMap>toOwner(LogPipeline.class).toPrimaryResourceIDs(owned)).isEmpty();
    assertThat(OwnerMarker.<ConfigMap>toOwner(LogPipeline.class).toPrimaryResourceIDs(owned("shop"))).isEmpty();
    owned.getMetadata().setAnnotations(Map.of());
    assertThat(OwnerMarker.<ConfigMap>toOwner(Namespace.class).toPrimaryResourceIDs(owned)).isEmpty();
  }
}
