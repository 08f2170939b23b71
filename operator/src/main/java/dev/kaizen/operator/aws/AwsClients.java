package dev.kaizen.operator.aws;

import software.amazon.awssdk.core.SdkClient;

/**
 * Hands out AWS SDK clients per target, for any service: {@code clients.client(target, Route53Client.class)}.
 * Production builds real clients with the target account's own credentials ({@link SdkAwsClients}); tests hand
 * out stateful fakes.
 */
public interface AwsClients {
  /**
   * The client of service {@code type} (an SDK sync client interface) for {@code target}. A global service's
   * client (Route 53) is the same for every region of the target's account.
   */
  <C extends SdkClient> C client(AwsTarget target, Class<C> type);

  /**
   * One account binding's settings (credentials, role) changed: the next call of any of its clients, those already
   * given out included, signs with what the settings say now.
   */
  void evict(String account);

  /**
   * Where AwsAccounts bind their roles to account bindings; empty when these clients serve the operator's own
   * credentials only (AwsAccounts then stall, saying so).
   */
  default java.util.Optional<AccountCredentials> accountCredentials() {
    return java.util.Optional.empty();
  }
}
