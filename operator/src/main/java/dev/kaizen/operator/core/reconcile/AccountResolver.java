package dev.kaizen.operator.core.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Decides which account a resource's objects live in, before the kind makes any call: the loop asks it first on
 * every reconcile and deletion, so a resource that may not reach an account is stopped with no call made.
 */
@FunctionalInterface
public interface AccountResolver {
  /**
   * The binding for {@code resource}.
   *
   * @throws dev.kaizen.operator.core.InvalidSpecException (or a subclass naming its reason) when the resource may
   *     not use the account it names; the loop reports it Stalled and calls nothing
   */
  AccountBinding resolve(HasMetadata resource);

  /**
   * The 12-digit ID of the AWS account behind a binding this resolver returned, for {@code status.account}; empty
   * when there is none (a kind that calls nothing outside the cluster). May call AWS (STS) once per binding.
   */
  default java.util.Optional<String> accountId(AccountBinding binding) {
    return java.util.Optional.empty();
  }

  /** Every resource uses the operator's own credentials: a single-account installation. */
  AccountResolver OPERATOR_ONLY = resource -> AccountBinding.OPERATOR;
}
