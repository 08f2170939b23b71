package dev.kaizen.operator.accounts;

import dev.kaizen.operator.core.InvalidSpecException;

/**
 * A resource may not use the account it is bound to (or is bound to none while a binding is required): it is
 * reported Stalled with {@link #reason()}, and no AWS call is made.
 */
public final class AccountRefusedException extends InvalidSpecException {
  /** The namespace is neither listed nor selected by the AwsAccount. */
  public static final String ACCOUNT_NOT_ALLOWED = "AccountNotAllowed";
  /** The namespace's kaizen.dev/environment differs from the AwsAccount's environment. */
  public static final String ENVIRONMENT_MISMATCH = "EnvironmentMismatch";
  /** No account is named and the operator runs with --require-account-binding. */
  public static final String ACCOUNT_BINDING_REQUIRED = "AccountBindingRequired";
  /** The account named is not defined (no AwsAccount of that name). */
  public static final String ACCOUNT_NOT_FOUND = "AccountNotFound";
  /** The AwsAccount cannot be used now: its role cannot be assumed, or it is being deleted. */
  public static final String ACCOUNT_NOT_READY = "AccountNotReady";
  /** The resource's objects live in another account than the one it is now bound to. */
  public static final String ACCOUNT_CHANGED = "AccountChangeRefused";

  private final String reason;

  public AccountRefusedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  @Override
  public String reason() {
    return reason;
  }
}
