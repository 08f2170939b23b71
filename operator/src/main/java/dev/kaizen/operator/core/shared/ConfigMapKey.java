package dev.kaizen.operator.core.shared;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our one key in a ConfigMap others write keys of (the Fluent Bit ConfigMap: one key per LogPipeline, and maybe
 * keys of the people running Fluent Bit). The other keys ({@code data} and {@code binaryData}), labels and
 * annotations are carried over as read; an update keeps the {@code resourceVersion} read, so a concurrent writer
 * makes it fail with a conflict (retry) rather than be overwritten. The last owner deletes the ConfigMap only if the
 * operator created it (it carries {@value #MANAGED_BY}: {@value #OPERATOR}); one someone else created is never
 * deleted, only emptied of our key.
 */
public final class ConfigMapKey {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "kaizen-operator";

  /** ConfigMap keys match {@code [-._a-zA-Z0-9]+}, so this prefix never collides with a {@code data} key. */
  private static final String BINARY = "binaryData:";

  private ConfigMapKey() {}

  /** The one request to make, if any. */
  public sealed interface Write {
    /** The key already has the desired value, or is already absent. */
    record Unchanged() implements Write {}

    record Create(ConfigMap configMap) implements Write {}

    /** Carries the resourceVersion read: the API server refuses it (409) if the ConfigMap changed since. */
    record Update(ConfigMap configMap) implements Write {}

    /** Delete {@code read} (with its resourceVersion as a precondition): we removed the last key of our ConfigMap. */
    record Delete(ConfigMap read) implements Write {}
  }

  /**
   * @param current the ConfigMap as read, or null when absent
   * @param desired our key's value, or empty to remove our key
   */
  public static Write edit(ConfigMap current, String namespace, String name, String key, Optional<String> desired) {
    SharedObject<String> object = current == null ? SharedObject.absent() : SharedObject.of(parts(current));
    SharedEdit<String> edit = object.edit(key, desired);
    if (edit instanceof SharedEdit.Create<String> create) {
      return new Write.Create(new ConfigMapBuilder()
          .withNewMetadata().withNamespace(namespace).withName(name).addToLabels(MANAGED_BY, OPERATOR).endMetadata()
          .withData(data(create.parts()))
          .build());
    }
    if (edit instanceof SharedEdit.Update<String> update) {
      return new Write.Update(withData(current, data(update.parts())));
    }
    if (edit instanceof SharedEdit.Delete<String>) {
      return createdByOperator(current) ? new Write.Delete(current)
          : new Write.Update(withData(current, new LinkedHashMap<>()));
    }
    return new Write.Unchanged();
  }

  static boolean createdByOperator(ConfigMap configMap) {
    Map<String, String> labels = configMap.getMetadata().getLabels();
    return labels != null && OPERATOR.equals(labels.get(MANAGED_BY));
  }

  private static List<Part<String>> parts(ConfigMap configMap) {
    List<Part<String>> parts = new ArrayList<>();
    Optional.ofNullable(configMap.getData()).ifPresent(data -> data.forEach((k, v) -> parts.add(new Part<>(k, v))));
    Optional.ofNullable(configMap.getBinaryData())
        .ifPresent(data -> data.forEach((k, v) -> parts.add(new Part<>(BINARY + k, v))));
    return parts;
  }

  /** The {@code data} keys of the parts (binaryData is never ours, so it stays on the object as read). */
  private static Map<String, String> data(List<Part<String>> parts) {
    Map<String, String> data = new LinkedHashMap<>();
    parts.stream().filter(p -> !p.key().startsWith(BINARY)).forEach(p -> data.put(p.key(), p.value()));
    return data;
  }

  private static ConfigMap withData(ConfigMap current, Map<String, String> data) {
    ConfigMap next = new ConfigMapBuilder(current).build();
    next.setData(data);
    return next;
  }
}
