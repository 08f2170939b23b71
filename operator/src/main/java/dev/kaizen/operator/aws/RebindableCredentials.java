package dev.kaizen.operator.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials every SDK client of one account binding signs with, re-asked of their source after
 * {@link #rebind}: when an account's settings change (another role, external ID), the clients gateways keep for the
 * operator's lifetime sign with the new credentials from the next call on, with no client rebuilt. The source owns
 * the providers it hands out (and closes those it replaces).
 *
 * <p>Why not a handle around a replaceable client: a JDK proxy of an SDK client interface makes the JVM load every
 * request, response and builder class the interface names (measured with the bench's ClassMetadataProbe: ~19,000
 * classes and ~53 MiB of class metadata for the operator's ten clients), where a plain SDK client loads them as they
 * are used.
 */
final class RebindableCredentials implements AwsCredentialsProvider {
  private final Supplier<AwsCredentialsProvider> source;
  private AwsCredentialsProvider current;

  RebindableCredentials(Supplier<AwsCredentialsProvider> source) {
    this.source = source;
  }

  /** The provider in use, asked of the source the first time and after each {@link #rebind}. */
  synchronized AwsCredentialsProvider provider() {
    if (current == null) {
      current = source.get();
    }
    return current;
  }

  /** The next call asks the source again. */
  synchronized void rebind() {
    current = null;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return provider().resolveCredentials();
  }
}
