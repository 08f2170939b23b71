package dev.kaizen.operator.aws;

import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The 12-digit ID of the account behind each binding, for the APIs that take a full ARN the operator has to build
 * (SES's TagResource and ListTagsForResource on an identity or a dedicated IP pool, say). A bound AwsAccount's ID
 * is its role's (its own reconcile checks that STS agrees); the operator's own is asked of STS once
 * (GetCallerIdentity needs no permission) and kept: credentials of one process never change account.
 */
public final class AccountIds {
  static final String SERVICE = "Sts";

  private final AwsClients clients;
  private final AwsCalls calls;
  private final Map<String, String> learned = new ConcurrentHashMap<>();

  public AccountIds(AwsClients clients, AwsCalls calls) {
    this.clients = clients;
    this.calls = calls;
  }

  /** The account ID of the target's binding; may call STS once per binding (a failure propagates, nothing kept). */
  public String of(AwsTarget target) {
    Optional<AssumedRole> role = clients.accountCredentials().flatMap(c -> c.role(target.account()));
    if (role.isPresent()) {
      return role.get().accountId();
    }
    String known = learned.get(target.account());
    if (known != null) {
      return known;
    }
    String id = calls.call(target, SERVICE, "GetCallerIdentity",
        () -> clients.client(target, StsClient.class).getCallerIdentity()).account();
    learned.put(target.account(), id);
    return id;
  }
}
