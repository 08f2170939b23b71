package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads what {@link AccountRules} needs from any kind's resource: no kind writes code for its account. */
final class Subjects {
  private Subjects() {}

  static Optional<String> accountRef(HasMetadata resource) {
    return resource instanceof CustomResource<?, ?> custom && custom.getSpec() instanceof AwsResourceSpec spec
        ? Optional.ofNullable(spec.getAccountRef()) : Optional.empty();
  }

  /**
   * The binding the resource's objects live in: {@code status.accountName}; a status written before it existed
   * holds the binding's name in {@code status.account} (since then the two are always written together).
   */
  static Optional<String> recordedAccount(HasMetadata resource) {
    if (!(resource instanceof CustomResource<?, ?> custom && custom.getStatus() instanceof KaizenStatus status)) {
      return Optional.empty();
    }
    return status.getAccountName() != null ? Optional.of(status.getAccountName())
        : Optional.ofNullable(status.getAccount());
  }

  /** The subject, with its namespace's labels from {@code namespaceLabels} (empty when cluster-scoped). */
  static AccountRules.Subject of(HasMetadata resource, Function<String, Map<String, String>> namespaceLabels) {
    String namespace = resource.getMetadata().getNamespace();
    Map<String, String> labels = namespace == null ? Map.of() : namespaceLabels.apply(namespace);
    return new AccountRules.Subject(namespace, labels == null ? Map.of() : labels, accountRef(resource),
        recordedAccount(resource));
  }
}
