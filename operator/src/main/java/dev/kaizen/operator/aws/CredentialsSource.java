package dev.kaizen.operator.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Where an account binding's credentials come from: the seam the AwsAccount kind will fill with assumed-role
 * credentials per account. Asked when a client is built, so after {@link AwsClients#evict} the next client gets
 * what the source says then. The source owns the providers it hands out (and closes those it replaces).
 */
@FunctionalInterface
public interface CredentialsSource {
  AwsCredentialsProvider credentialsFor(String account);

  /** The operator's own credentials for the {@code default} account, and no other account. */
  static CredentialsSource operatorOnly(AwsCredentialsProvider provider) {
    return account -> {
      if (!AwsTarget.DEFAULT_ACCOUNT.equals(account)) {
        throw new IllegalStateException("No credentials are bound to the AWS account binding '" + account + "'.");
      }
      return provider;
    };
  }

  /** The SDK's default chain (IRSA or EKS Pod Identity in a cluster; environment or profile elsewhere). */
  static CredentialsSource sdkDefaultChain() {
    return operatorOnly(DefaultCredentialsProvider.builder().build());
  }
}
