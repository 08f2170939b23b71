package dev.kaizen.operator.accounts;

import java.util.Optional;

/**
 * What verifying an AwsAccount found.
 *
 * @param accountId the account the bound credentials reach (GetCallerIdentity); empty when not observed
 * @param callerArn the identity STS reports for them
 */
public record AccountObservation(Optional<String> accountId, Optional<String> callerArn) {
  static final AccountObservation NONE = new AccountObservation(Optional.empty(), Optional.empty());
}
