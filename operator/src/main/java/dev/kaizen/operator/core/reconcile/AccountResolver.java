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

  /** Every resource uses the operator's own credentials: a single-account installation. */
  AccountResolver OPERATOR_ONLY = resource -> AccountBinding.OPERATOR;
}
