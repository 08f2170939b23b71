package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.Problem;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code kaizen validate}: when a set of manifests defines both AwsAccounts and Namespaces, each resource in one of
 * those namespaces is bound as the operator would bind it ({@link AccountRules}: its accountRef, else its namespace's
 * {@code kaizen.dev/aws-account} label), and a binding the operator would refuse — an environment crossed
 * (EnvironmentMismatch) or a namespace the account does not allow (AccountNotAllowed) — is a problem at the resource.
 * A namespace label naming an AwsAccount the set does not define is a problem at the Namespace. Resources in
 * namespaces the set does not define are left to the cluster: their labels are not known here.
 */
public final class NamespaceBindingCheck {
  private static final Set<String> REFUSALS = Set.of(AccountRefusedException.ENVIRONMENT_MISMATCH,
      AccountRefusedException.ACCOUNT_NOT_ALLOWED);

  private NamespaceBindingCheck() {}

  /**
   * @param namespaces the v1 Namespaces of the set
   * @param namespaceOf the namespace a manifest lands in (null for a cluster-scoped kind)
   */
  public static List<Problem> check(List<Manifest> manifests, List<Manifest> namespaces,
      Function<Manifest, String> namespaceOf) {
    Map<String, AwsAccount> accounts = accounts(manifests);
    if (accounts.isEmpty() || namespaces.isEmpty()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<String, String>> labelsByNamespace = new LinkedHashMap<>();
    for (Manifest namespace : namespaces) {
      Map<String, String> labels = labels(namespace);
      labelsByNamespace.put(namespace.name(), labels);
      String named = labels.get(AccountRules.ACCOUNT_LABEL);
      if (named != null && !accounts.containsKey(named)) {
        problems.add(new Problem(namespace.location(), namespace.resource(),
            "metadata.labels." + AccountRules.ACCOUNT_LABEL, "The AwsAccount " + named + " is not defined by these"
                + " manifests, which define " + String.join(", ", new TreeSet<>(accounts.keySet())) + "."));
      }
    }
    for (Manifest manifest : manifests) {
      String namespace = namespaceOf.apply(manifest);
      if (!Kinds.GROUP.equals(manifest.group()) || namespace == null || !labelsByNamespace.containsKey(namespace)) {
        continue;
      }
      Optional<String> accountRef = Optional.of(manifest.object().path("spec").path("accountRef").asText(""))
          .filter(ref -> !ref.isEmpty());
      var subject = new AccountRules.Subject(namespace, labelsByNamespace.get(namespace), accountRef,
          Optional.empty());
      Optional<String> requested = AccountRules.requested(subject);
      if (requested.isEmpty() || !accounts.containsKey(requested.get())) {
        continue; // the operator's own credentials, or an account reported undefined elsewhere
      }
      try {
        AccountRules.resolve(subject, name -> Optional.ofNullable(accounts.get(name)), false);
      } catch (AccountRefusedException refused) {
        if (REFUSALS.contains(refused.reason())) {
          String field = accountRef.isPresent() ? "spec.accountRef"
              : "metadata.namespace (its label " + AccountRules.ACCOUNT_LABEL + ")";
          problems.add(new Problem(manifest.location(), manifest.resource(), field, refused.getMessage()
              + " The operator would stall it (" + refused.reason() + ") and make no AWS call."));
        }
      }
    }
    return problems;
  }

  /** The AwsAccounts the set defines, by name; one that cannot be read is left to the schema check. */
  private static Map<String, AwsAccount> accounts(List<Manifest> manifests) {
    Map<String, AwsAccount> accounts = new TreeMap<>();
    for (Manifest manifest : manifests) {
      if (Kinds.GROUP.equals(manifest.group()) && AwsAccount.KIND.equals(manifest.kind()) && manifest.name() != null) {
        try {
          AwsAccount account = Serialization.jsonMapper().convertValue(manifest.object(), AwsAccount.class);
          if (account.getSpec() != null) {
            accounts.put(manifest.name(), account);
          }
        } catch (IllegalArgumentException unreadable) {
          // Reported by the schema check.
        }
      }
    }
    return accounts;
  }

  private static Map<String, String> labels(Manifest namespace) {
    Map<String, String> labels = new TreeMap<>();
    namespace.object().path("metadata").path("labels").fields()
        .forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
    return labels;
  }
}
