package dev.kaizen.operator.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Real AWS SDK clients for any service, built once per (account binding, region, service) and cached; a global
 * service's client once per account ({@link ClientRegions}). Credentials are the account binding's own
 * ({@link CredentialsSource}; the SDK's default chain for the operator's {@code default} account); endpoints honour
 * the standard {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} variables, which the SDK reads
 * itself. SDK retries are off: a retry sleeps in the calling thread, and the reconcile loop reschedules instead
 * (DESIGN.md, "Rate limits never block threads"). Every call is bounded by {@link Timeouts}, so a hung connection
 * cannot hold one of the few reconcile threads. All clients share one HTTP connection pool.
 *
 * <p>What is handed out is the SDK client itself, shared (never closed by its holders): every client of an account
 * signs with the account's {@link RebindableCredentials}, which {@link #evict} re-binds when the account's settings
 * change, so the next call of any client signs with the new settings.
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

  private record ClientKey(String account, Region region, Class<? extends SdkClient> type) {}

  private final CredentialsSource credentials;
  private final Timeouts timeouts;
  private final SdkHttpClient http;
  private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
  private final Map<String, RebindableCredentials> accountCredentials = new ConcurrentHashMap<>();

  /** The operator's own credentials from the SDK's default chain, default timeouts. */
  public SdkAwsClients() {
    this(CredentialsSource.sdkDefaultChain(), Timeouts.DEFAULT);
  }

  /** One provider for the operator's {@code default} account. */
  public SdkAwsClients(AwsCredentialsProvider credentials, Timeouts timeouts) {
    this(CredentialsSource.operatorOnly(credentials), timeouts);
  }

  public SdkAwsClients(CredentialsSource credentials, Timeouts timeouts) {
    this.credentials = credentials;
    this.timeouts = timeouts;
    this.http = ApacheHttpClient.builder()
        .maxConnections(50)
        .connectionTimeout(timeouts.connect())
        .socketTimeout(timeouts.socket())
        .build();
  }

  @Override
  public <C extends SdkClient> C client(AwsTarget target, Class<C> type) {
    var key = new ClientKey(target.account(), ClientRegions.regionFor(type, target.region()), type);
    RebindableCredentials signing = credentialsOf(target.account());
    signing.provider(); // an account without credentials fails here, as the client is asked for, not inside a call
    return type.cast(clients.computeIfAbsent(key, k -> build(k, type, signing)));
  }

  private RebindableCredentials credentialsOf(String account) {
    return accountCredentials.computeIfAbsent(account,
        a -> new RebindableCredentials(() -> credentials.credentialsFor(a)));
  }

  @Override
  public java.util.Optional<AccountCredentials> accountCredentials() {
    return credentials instanceof AccountCredentials accounts ? java.util.Optional.of(accounts)
        : java.util.Optional.empty();
  }

  @Override
  public void evict(String account) {
    java.util.Optional.ofNullable(accountCredentials.get(account)).ifPresent(RebindableCredentials::rebind);
  }

  private <C extends SdkClient> C build(ClientKey key, Class<C> type, RebindableCredentials signing) {
    AwsClientBuilder<?, ?> builder = SdkClientStatics.builder(type);
    builder.region(key.region()).credentialsProvider(signing);
    ((SdkSyncClientBuilder<?, ?>) builder).httpClient(http);
    builder.overrideConfiguration(o -> o
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .apiCallTimeout(timeouts.apiCall())
        .apiCallAttemptTimeout(timeouts.apiCallAttempt()));
    return type.cast(builder.build());
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    http.close();
  }
}
