package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code kaizen validate}: a set of manifests that defines AwsAccounts must define every account its resources name
 * by {@code spec.accountRef}. A set without AwsAccounts refers to accounts defined elsewhere (the cluster): nothing is
 * checked then. The labels of the set's Namespaces are checked by {@link NamespaceBindingCheck}.
 */
public final class AccountReferenceCheck {
  private AccountReferenceCheck() {}

  public static List<Problem> check(List<Manifest> manifests) {
    Map<String, String> environments = new TreeMap<>(); // AwsAccount name -> environment ("" when none)
    for (Manifest m : manifests) {
      if (isAwsAccount(m) && m.name() != null) {
        environments.put(m.name(), m.object().path("spec").path("environment").asText(""));
      }
    }
    if (environments.isEmpty()) {
      return List.of();
    }
    String defined = String.join(", ", new TreeSet<>(environments.keySet()));
    List<Problem> problems = new ArrayList<>();
    for (Manifest m : manifests) {
      if (Kinds.GROUP.equals(m.group())) {
        String ref = m.object().path("spec").path("accountRef").asText("");
        if (!ref.isEmpty() && !environments.containsKey(ref)) {
          problems.add(new Problem(m.location(), m.resource(), "spec.accountRef", "The AwsAccount " + ref + " is not"
              + " defined by these manifests, which define " + defined + "."));
        }
      }
    }
    return problems;
  }

  private static boolean isAwsAccount(Manifest m) {
    return Kinds.GROUP.equals(m.group()) && AwsAccount.KIND.equals(m.kind());
  }
}
