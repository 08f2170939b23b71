package dev.kaizen.operator.accounts;

import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * What verifying an AwsAccount calls: STS with the operator's own credentials (assume the role), and STS with the
 * account's bound credentials (who are we there), each through {@link AwsCalls} within STS's per-account quota.
 */
public record AccountPorts(AssumedRole role, AwsTarget operator, StsClient operatorSts, AwsTarget account,
    StsClient accountSts, AwsCalls calls) {
  static final String SERVICE = "Sts";

  /** Assumes the role with the operator's credentials: AWS's own answer on whether it can be. */
  AssumeRoleResponse assumeRole() {
    return calls.call(operator, SERVICE, "AssumeRole", () -> operatorSts.assumeRole(role.request()));
  }

  /** The identity the account's bound credentials reach (the path every resource bound to it uses). */
  GetCallerIdentityResponse callerIdentity() {
    return calls.call(account, SERVICE, "GetCallerIdentity", () -> accountSts.getCallerIdentity());
  }
}
