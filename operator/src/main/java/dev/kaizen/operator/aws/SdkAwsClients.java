package dev.kaizen.operator.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Real AWS SDK clients, built once per (target, service) and cached. Credentials come from the SDK's default
 * chain (IRSA or EKS Pod Identity in a cluster, environment or profile elsewhere); endpoints honour the
 * standard {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} variables, which the SDK reads
 * itself. SDK retries are off: a retry sleeps in the calling thread, and the reconcile loop reschedules
 * instead (DESIGN.md, "Rate limits never block threads").
 */
public final class SdkAwsClients implements AwsClients, AutoCloseable {
  private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
  private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(50).build();
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  @Override
  public CloudWatchLogsClient cloudWatchLogs(AwsTarget target) {
    return (CloudWatchLogsClient) clients.computeIfAbsent("logs/" + target,
        key -> configure(CloudWatchLogsClient.builder(), target).build());
  }

  @Override
  public CloudWatchClient cloudWatch(AwsTarget target) {
    return (CloudWatchClient) clients.computeIfAbsent("monitoring/" + target,
        key -> configure(CloudWatchClient.builder(), target).build());
  }

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, AwsTarget target) {
    return builder
        .region(target.region())
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    http.close();
  }
}
