package dev.kaizen.operator.testing;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import java.util.Map;

/**
 * managedFields as a real API server writes them (one entry per field manager); the mock API server writes none, but
 * stores what it is given, so a test gives them to see what the operator's caches keep.
 */
public final class ManagedFields {
  private ManagedFields() {}

  /** The object, with entries for kubectl and Argo CD (two). */
  public static <T extends HasMetadata> T written(T object) {
    object.getMetadata().setManagedFields(List.of(managedBy("kubectl-client-side-apply"), managedBy("argocd")));
    return object;
  }

  private static ManagedFieldsEntry managedBy(String manager) {
    FieldsV1 fields = new FieldsV1();
    fields.setAdditionalProperty("f:metadata", Map.of("f:labels", Map.of()));
    return new ManagedFieldsEntryBuilder().withManager(manager).withOperation("Update").withApiVersion("v1")
        .withFieldsType("FieldsV1").withFieldsV1(fields).build();
  }
}
