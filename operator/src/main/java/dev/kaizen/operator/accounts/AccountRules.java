package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which account a resource's objects live in, and whether it may use it: pure, so the operator and
 * {@code kaizen validate} share it. The order: {@code spec.accountRef}, else the namespace's
 * {@code kaizen.dev/aws-account} label, else the operator's own credentials (refused with
 * {@code --require-account-binding}). A named account must exist, be usable, allow the namespace, and belong to the
 * namespace's environment; once objects exist, the account may not change.
 */
public final class AccountRules {
  /** The namespace label naming the AwsAccount its resources use. */
  public static final String ACCOUNT_LABEL = "kaizen.dev/aws-account";
  /** The namespace label naming its environment (prod, stg, dev, ...). */
  public static final String ENVIRONMENT_LABEL = "kaizen.dev/environment";

  private AccountRules() {}

  /**
   * What is known of one resource when its account is decided.
   *
   * @param namespace its namespace; null for a cluster-scoped resource
   * @param namespaceLabels its namespace's labels (empty when unknown or cluster-scoped)
   * @param accountRef its spec.accountRef, if any
   * @param recordedAccount status.account: the binding its objects were found or created in, if any
   */
  public record Subject(String namespace, Map<String, String> namespaceLabels, Optional<String> accountRef,
      Optional<String> recordedAccount) {}

  /** The name of the account the subject asks for (empty: the operator's own credentials). */
  public static Optional<String> requested(Subject subject) {
    return subject.accountRef().or(() -> Optional.ofNullable(subject.namespaceLabels().get(ACCOUNT_LABEL)))
        .filter(name -> !name.isBlank());
  }

  /**
   * The binding for the subject.
   *
   * @param accounts the AwsAccounts known, by name
   * @param requireBinding whether an unbound resource is refused
   * @throws AccountRefusedException when it may not use the account (no AWS call must be made)
   */
  public static AccountBinding resolve(Subject subject, Function<String, Optional<AwsAccount>> accounts,
      boolean requireBinding) {
    Optional<String> requested = requested(subject);
    if (requested.isEmpty()) {
      if (requireBinding) {
        throw new AccountRefusedException(AccountRefusedException.ACCOUNT_BINDING_REQUIRED, "No AwsAccount is bound:"
            + " set spec.accountRef, or ask an administrator to label the namespace " + ACCOUNT_LABEL
            + "; this operator does not use its own credentials for resources (--require-account-binding).");
      }
      requireSameAccount(subject, AccountBinding.OPERATOR_ACCOUNT);
      return AccountBinding.OPERATOR;
    }
    String name = requested.get();
    AwsAccount account = accounts.apply(name).orElseThrow(() -> new AccountRefusedException(
        AccountRefusedException.ACCOUNT_NOT_FOUND, "The AwsAccount " + name + " does not exist."));
    AwsAccountSpec spec = account.getSpec();
    if (subject.namespace() != null) {
      // The environment first: crossing it is the mistake to name, whatever else is wrong.
      requireSameEnvironment(subject, name, spec);
      requireAllowed(subject, name, spec);
    }
    requireSameAccount(subject, name);
    if (account.getMetadata().getDeletionTimestamp() != null && subject.recordedAccount().isEmpty()) {
      throw new AccountRefusedException(AccountRefusedException.ACCOUNT_NOT_READY, "The AwsAccount " + name
          + " is being deleted: no new resource may use it.");
    }
    if (account.getStatus() != null && Conditions.isTrue(account.getStatus().getConditions(), Conditions.STALLED)) {
      throw new AccountRefusedException(AccountRefusedException.ACCOUNT_NOT_READY, "The AwsAccount " + name
          + " cannot be used: " + Conditions.find(account.getStatus().getConditions(), Conditions.STALLED)
              .map(c -> c.getMessage()).orElse("its role cannot be assumed."));
    }
    return new AccountBinding(name, Optional.ofNullable(spec.getDefaultRegion()), spec.getDefaultTags());
  }

  private static void requireAllowed(Subject subject, String name, AwsAccountSpec spec) {
    boolean listed = spec.getNamespaces().contains(subject.namespace());
    boolean selected = spec.getNamespaceSelector() != null
        && spec.getNamespaceSelector().selects(subject.namespaceLabels());
    // With no list and no selector, the administrators' label on the namespace is the permission.
    boolean labelled = spec.getNamespaces().isEmpty() && spec.getNamespaceSelector() == null
        && name.equals(subject.namespaceLabels().get(ACCOUNT_LABEL));
    if (!listed && !selected && !labelled) {
      throw new AccountRefusedException(AccountRefusedException.ACCOUNT_NOT_ALLOWED, "The AwsAccount " + name
          + " does not allow the namespace " + subject.namespace() + ": it must be listed in spec.namespaces or"
          + " selected by spec.namespaceSelector.");
    }
  }

  private static void requireSameEnvironment(Subject subject, String name, AwsAccountSpec spec) {
    String namespaceEnvironment = subject.namespaceLabels().get(ENVIRONMENT_LABEL);
    String accountEnvironment = spec.getEnvironment();
    if (namespaceEnvironment != null && accountEnvironment != null
        && !namespaceEnvironment.equals(accountEnvironment)) {
      throw new AccountRefusedException(AccountRefusedException.ENVIRONMENT_MISMATCH, "The namespace "
          + subject.namespace() + " belongs to the environment " + namespaceEnvironment + " and cannot use the"
          + " AwsAccount " + name + " of the environment " + accountEnvironment + ".");
    }
  }

  private static void requireSameAccount(Subject subject, String name) {
    subject.recordedAccount().filter(recorded -> !recorded.equals(name)).ifPresent(recorded -> {
      throw new AccountRefusedException(AccountRefusedException.ACCOUNT_CHANGED, "The objects of this resource"
          + " live in the account " + describe(recorded) + ", so it cannot move to " + describe(name) + ": moving"
          + " infrastructure between accounts is a migration. Create a resource bound to the new account, move"
          + " the data, then delete this one (deletionPolicy: Delete removes the old objects), or restore its"
          + " binding.");
    });
  }

  private static String describe(String binding) {
    return AccountBinding.OPERATOR_ACCOUNT.equals(binding) ? "of the operator's own credentials"
        : "of AwsAccount " + binding;
  }
}
