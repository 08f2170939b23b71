package dev.kaizen.operator.core.reconcile;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account a resource's objects live in, resolved by the loop before any call to it (DESIGN.md: a resource
 * resolves its account before it observes). A kind turns it into its ports: an AWS kind builds its target from
 * {@link #account()} and the resource's region, else {@link #defaultRegion()}. Kinds that call nothing outside
 * the cluster ignore it.
 *
 * @param account the binding's name; {@link #OPERATOR_ACCOUNT} is the operator's own credentials
 * @param defaultRegion the region for resources that name none, when the account sets one
 * @param defaultTags tags to put on every object created in the account; the ownership tags always win over them
 */
public record AccountBinding(String account, Optional<String> defaultRegion, Map<String, String> defaultTags) {
  /** The name of the binding to the operator's own credentials (same as {@code AwsTarget.DEFAULT_ACCOUNT}). */
  public static final String OPERATOR_ACCOUNT = "default";

  /** The operator's own credentials, no default region or tags of their own. */
  public static final AccountBinding OPERATOR = new AccountBinding(OPERATOR_ACCOUNT, Optional.empty(), Map.of());

  public AccountBinding {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    defaultTags = Map.copyOf(defaultTags);
  }
}
