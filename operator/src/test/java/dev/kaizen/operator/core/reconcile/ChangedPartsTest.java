package dev.kaizen.operator.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A change of a shared object wakes the owners of the parts that changed, appeared or disappeared, and no one else. */
class ChangedPartsTest {
  private static final ResourceID SHARED = new ResourceID("kaizen-fluent-bit", "logging");

  /** The shared object as the watch's cache holds it: null when deleted. */
  private ConfigMap cached;
  private final ChangedParts<ConfigMap, ConfigMap> mapper = new ChangedParts<>(
      id -> id.equals(SHARED) ? Optional.ofNullable(cached) : Optional.empty(), ConfigMap::getData,
      // Part "a.conf" is owned by shop/a, and so on; "foreign.conf" by nobody.
      key -> key.equals("foreign.conf") ? List.of() : List.of(new ResourceID(key.replace(".conf", ""), "shop")));

  private ConfigMap store(Map<String, String> data) {
    cached = new ConfigMapBuilder().withNewMetadata().withNamespace("logging").withName("kaizen-fluent-bit")
        .endMetadata().withData(data.isEmpty() ? null : new HashMap<>(data)).build();
    return cached;
  }

  private static ResourceID owner(String name) {
    return new ResourceID(name, "shop");
  }

  @Test
  void theFirstSightWakesNobodyEveryResourceIsReconciledAtStartAnyway() {
    assertThat(mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A", "b.conf", "B")))).isEmpty();
  }

  @Test
  void anEditedKeyWakesItsOwnerOnly() {
    mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A", "b.conf", "B", "c.conf", "C")));
    assertThat(mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A", "b.conf", "edited", "c.conf", "C"))))
        .containsExactly(owner("b"));
  }

  @Test
  void anAppearedOrRemovedKeyWakesItsOwner() {
    mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A")));
    assertThat(mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A", "b.conf", "B")))).containsExactly(owner("b"));
    assertThat(mapper.toPrimaryResourceIDs(store(Map.of("b.conf", "B")))).containsExactly(owner("a"));
  }

  @Test
  void aChangeOutsideTheDataOrOfAForeignKeyWakesNobody() {
    mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A")));
    ConfigMap relabelled = store(Map.of("a.conf", "A"));
    relabelled.getMetadata().setLabels(Map.of("team", "platform"));
    assertThat(mapper.toPrimaryResourceIDs(relabelled)).isEmpty();
    assertThat(mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A", "foreign.conf", "F")))).isEmpty();
  }

  @Test
  void aDeletedObjectWakesEveryOwnerAndItsRecreationWakesTheOwnersStillMissing() {
    ConfigMap last = store(Map.of("a.conf", "A", "b.conf", "B"));
    mapper.toPrimaryResourceIDs(last);
    // A deletion reaches the mapper as the object's last state; the cache no longer holds it.
    cached = null;
    assertThat(mapper.toPrimaryResourceIDs(last)).containsExactlyInAnyOrder(owner("a"), owner("b"));
    // Recreated by shop/a with its own key: shop/a wakes once (its own write), shop/b was woken by the deletion.
    assertThat(mapper.toPrimaryResourceIDs(store(Map.of("a.conf", "A")))).containsExactly(owner("a"));
  }

  @Test
  void eventsDeliveredLateCompareTheLatestStateNotTheEventsObject() {
    ConfigMap first = store(Map.of("a.conf", "A"));
    mapper.toPrimaryResourceIDs(first);
    store(Map.of("a.conf", "edited"));
    // The event of an older version arrives after the cache moved on: the diff is against what the cache holds.
    assertThat(mapper.toPrimaryResourceIDs(first)).containsExactly(owner("a"));
    assertThat(mapper.toPrimaryResourceIDs(cached)).isEmpty();
  }
}
