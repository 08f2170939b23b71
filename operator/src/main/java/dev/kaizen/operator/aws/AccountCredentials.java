package dev.kaizen.operator.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Credentials per account binding: the operator's own for {@code default}, and for each bound AwsAccount the
 * credentials of its role, assumed with the operator's own. The SDK's {@link StsAssumeRoleCredentialsProvider} caches
 * them and assumes the role again before they expire ({@link Refresh}), so no call is ever signed with expired
 * credentials and no reconcile fails for it. Binding another role to an account replaces (and closes) its provider;
 * the caller then evicts the account's clients ({@link AwsClients#evict}) so they are rebuilt with it.
 */
public final class AccountCredentials implements CredentialsSource, AutoCloseable {

  /**
   * The role an account binding assumes.
   *
   * @param roleArn the role
   * @param sessionName the role session name (CloudTrail shows it)
   * @param externalId the external ID its trust policy requires, if any
   */
  public record AssumedRole(String roleArn, String sessionName, Optional<String> externalId) {
    public AssumedRole {
      Objects.requireNonNull(roleArn, "roleArn");
      Objects.requireNonNull(sessionName, "sessionName");
      Objects.requireNonNull(externalId, "externalId");
    }

    /** The 12-digit account of the role, from its ARN ({@code arn:aws:iam::123456789012:role/x}). */
    public String accountId() {
      String[] parts = roleArn.split(":", 6);
      return parts.length > 4 ? parts[4] : "";
    }

    public AssumeRoleRequest request() {
      var request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName);
      externalId.ifPresent(request::externalId);
      return request.build();
    }
  }

  /**
   * When credentials are renewed: from {@code prefetch} before they expire the first caller assumes the role again
   * while others still use the old ones; from {@code stale} before, every caller waits for new ones. The SDK's
   * defaults (5 minutes, 1 minute) against AssumeRole's default hour of validity.
   */
  public record Refresh(Duration prefetch, Duration stale) {
    public static final Refresh DEFAULT = new Refresh(Duration.ofMinutes(5), Duration.ofMinutes(1));
  }

  private record Bound(AssumedRole role, StsAssumeRoleCredentialsProvider provider) {}

  private final AwsCredentialsProvider operator;
  private final Refresh refresh;
  private final Map<String, Bound> bound = new ConcurrentHashMap<>();
  private final StsClient operatorSts;

  /**
   * @param operator the operator's own credentials (the {@code default} account, and what assumes every role)
   * @param stsSignedWith an STS client whose calls are signed with the given credentials
   */
  public AccountCredentials(AwsCredentialsProvider operator, Function<AwsCredentialsProvider, StsClient> stsSignedWith,
      Refresh refresh) {
    this.operator = operator;
    this.refresh = refresh;
    this.operatorSts = stsSignedWith.apply(operator);
  }

  /**
   * Real STS: the operator's own credentials from the SDK's default chain (IRSA, EKS Pod Identity), roles assumed
   * through STS's regional endpoint of {@code region}.
   */
  public static AccountCredentials sdk(Region region) {
    return new AccountCredentials(DefaultCredentialsProvider.builder().build(),
        credentials -> StsClient.builder().region(region).credentialsProvider(credentials).build(), Refresh.DEFAULT);
  }

  @Override
  public AwsCredentialsProvider credentialsFor(String account) {
    if (AwsTarget.DEFAULT_ACCOUNT.equals(account)) {
      return operator;
    }
    Bound binding = bound.get(account);
    if (binding == null) {
      throw new IllegalStateException("No AwsAccount named '" + account + "' is known to the operator.");
    }
    return binding.provider();
  }

  /**
   * Binds {@code account} to {@code role}. Returns true when that changed which credentials the account uses (a new
   * account, another role, session name or external ID): its clients must then be evicted.
   */
  public boolean bind(String account, AssumedRole role) {
    if (AwsTarget.DEFAULT_ACCOUNT.equals(account)) {
      throw new IllegalArgumentException("'" + account + "' names the operator's own credentials");
    }
    Bound current = bound.get(account);
    if (current != null && current.role().equals(role)) {
      return false;
    }
    Bound next = new Bound(role, StsAssumeRoleCredentialsProvider.builder()
        .stsClient(operatorSts)
        .refreshRequest(role.request())
        .prefetchTime(refresh.prefetch())
        .staleTime(refresh.stale())
        .build());
    Bound replaced = bound.put(account, next);
    if (replaced != null) {
      replaced.provider().close();
    }
    return true;
  }

  /** Forgets an account (its AwsAccount was deleted). Returns true when it was bound. */
  public boolean unbind(String account) {
    Bound removed = bound.remove(account);
    if (removed != null) {
      removed.provider().close();
    }
    return removed != null;
  }

  /** The role bound to {@code account}, if any. */
  public Optional<AssumedRole> role(String account) {
    return Optional.ofNullable(bound.get(account)).map(Bound::role);
  }

  @Override
  public void close() {
    bound.values().forEach(b -> b.provider().close());
    bound.clear();
    operatorSts.close();
  }
}
