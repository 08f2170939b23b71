package dev.kaizen.operator.aws;

import java.time.Duration;
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
 * instead (DESIGN.md, "Rate limits never block threads"). Every call is bounded by {@link Timeouts}, so a hung
 * connection cannot hold one of the few reconcile threads.
 *
 * <p>Clients are cached on purpose beyond saving connections: the SDK keeps its clock-skew correction per client
 * (learnt from the {@code Date} of a skew error), so the next call of the same client is signed right.
 */
public final class SdkAwsClients implements AwsClients, AutoCloseable {

  /**
   * How long an AWS call may take.
   *
   * @param apiCall the whole call, credential resolution and signing included
   * @param apiCallAttempt one HTTP attempt (with retries off, the only one)
   * @param connect opening the TCP/TLS connection
   * @param socket the longest wait for the next bytes of an answer
   */
  public record Timeouts(Duration apiCall, Duration apiCallAttempt, Duration connect, Duration socket) {
    /**
     * The calls this operator makes (describe, put, tag of small objects) answer in well under a second; ten
     * seconds is far beyond a healthy answer and still short next to the resync interval.
     */
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  private final AwsCredentialsProvider credentials;
  private final Timeouts timeouts;
  private final SdkHttpClient http;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  public SdkAwsClients() {
    this(DefaultCredentialsProvider.builder().build(), Timeouts.DEFAULT);
  }

  public SdkAwsClients(AwsCredentialsProvider credentials, Timeouts timeouts) {
    this.credentials = credentials;
    this.timeouts = timeouts;
    this.http = ApacheHttpClient.builder()
        .maxConnections(50)
        .connectionTimeout(timeouts.connect())
        .socketTimeout(timeouts.socket())
        .build();
  }

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
        .overrideConfiguration(o -> o
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(timeouts.apiCall())
            .apiCallAttemptTimeout(timeouts.apiCallAttempt()));
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    http.close();
  }
}
