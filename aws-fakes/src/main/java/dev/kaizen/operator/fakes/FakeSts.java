package dev.kaizen.operator.fakes;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Stateful fake of AWS STS for every account of a test: the principals that hold long-term keys (the operator's own
 * role), the roles that may be assumed (trust and external ID), and every temporary credential issued, with its
 * expiry. Calls are made through {@link #client(AwsCredentialsProvider)}: a client signed with some credentials, as
 * the SDK builds one, so STS knows who is calling. {@link #accountOf} tells the other fakes which account a call
 * signed with some credentials reaches (their routing, see {@code testing/AccountRoutedAwsClients}).
 *
 * <p>Behaviour follows the STS API reference (AssumeRole, GetCallerIdentity, "Common Errors") and the IAM quotas page:
 * <ul>
 *   <li>{@code DurationSeconds} 900 to 43,200, and at most the role's maximum session duration (default 3,600): else
 *       {@code ValidationError}, 400;
 *   <li>{@code RoleSessionName} 2 to 64 of {@code [\w+=,.@-]}; {@code ExternalId} 2 to 1,224 of
 *       {@code [\w+=,.@:\/-]}; {@code RoleArn} 20 to 2,048 characters: else {@code ValidationError};
 *   <li>a caller the role does not trust, a missing role, or a wrong or missing external ID: {@code AccessDenied}, 403,
 *       "User: &lt;caller&gt; is not authorized to perform: sts:AssumeRole on resource: &lt;role&gt;" (STS does not
 *       say which of them was wrong);
 *   <li>expired temporary credentials: {@code ExpiredToken}, 400, {@link ExpiredTokenException}; unknown keys:
 *       {@code InvalidClientTokenId}, 403;
 *   <li>600 requests per second per account and Region for all STS operations together (this fake counts them per
 *       operation, which is looser).
 * </ul>
 */
public final class FakeSts extends FakeAwsService {
  public static final Map<String, Integer> QUOTAS = Map.of("AssumeRole", 600, "GetCallerIdentity", 600);

  static final ServiceErrors ERRORS = new ServiceErrors(
      StsException::builder,
      ServiceErrors.shape(StsException::builder, 400, "Throttling").saying("Rate exceeded"),
      ServiceErrors.shape(StsException::builder, 503, "ServiceUnavailable").saying("Service unavailable"),
      ServiceErrors.shape(StsException::builder, 400, "ValidationError"),
      ServiceErrors.shape(StsException::builder, 404, "NoSuchEntity"),
      ServiceErrors.shape(StsException::builder, 400, "InvalidParameterValue").saying("Invalid token"));

  public static final int MIN_DURATION_SECONDS = 900;
  public static final int MAX_DURATION_SECONDS = 43_200;
  public static final int DEFAULT_DURATION_SECONDS = 3_600;

  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:.*/)?([^/]+)");

  /** Who signs with a key: account, ARN (user, role or assumed-role session), and when the key stops working. */
  private record Principal(String account, String arn, String secret, Optional<Instant> expires) {}

  /** A role that may be assumed: who it trusts (principal ARNs) and the external ID it requires, if any. */
  private record Role(Set<String> trusted, Optional<String> externalId, int maxSessionSeconds) {}

  private final Map<String, Principal> principals = new HashMap<>();
  private final Map<String, Role> roles = new HashMap<>();
  private final SecureRandom random = new SecureRandom();
  /** How much of their lifetime credentials have already used when handed out (test knob; see {@link #ageIssued}). */
  private Duration issuedAge = Duration.ZERO;

  /** STS as seen from {@code region}, for the account the operator runs in. */
  public FakeSts(String region, String operatorAccount) {
    super("STS", ERRORS, QUOTAS, region, operatorAccount);
  }

  // ---- set-up ----------------------------------------------------------------------------------------------------

  /** Long-term credentials of a principal (the operator's own role, say), and what they sign as. */
  public AwsCredentialsProvider principal(String accessKeyId, String account, String arn) {
    synchronized (lock) {
      String secret = "secret-" + accessKeyId;
      principals.put(accessKeyId, new Principal(account, arn, secret, Optional.empty()));
      return StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
          accessKeyId, secret));
    }
  }

  /** A role that trusts the principals named, optionally requiring an external ID. */
  public void role(String roleArn, Set<String> trustedPrincipalArns, Optional<String> externalId) {
    synchronized (lock) {
      roles.put(roleArn, new Role(Set.copyOf(trustedPrincipalArns), externalId, DEFAULT_DURATION_SECONDS));
    }
  }

  /**
   * Credentials come out as if issued {@code age} ago: an hour-long session then expires within seconds, so a test
   * sees expiry and renewal without waiting an hour (AWS's shortest session is 15 minutes).
   */
  public void ageIssued(Duration age) {
    synchronized (lock) {
      issuedAge = age;
    }
  }

  /** Removes a role (deleted, or its trust policy withdrawn): assuming it is then denied. */
  public void deleteRole(String roleArn) {
    synchronized (lock) {
      roles.remove(roleArn);
    }
  }

  @Override
  protected void resetState() {
    roles.clear();
    principals.values().removeIf(p -> p.expires().isPresent());
  }

  // ---- the service -------------------------------------------------------------------------------------------------

  /** AssumeRole is authorized for the caller against the role; GetCallerIdentity needs no permission at all. */
  @Override
  protected Authorization authorization(String operation, Object request) {
    return "AssumeRole".equals(operation)
        ? new Authorization("sts:AssumeRole", ((AssumeRoleRequest) request).roleArn(), Map.of()) : null;
  }

  /** A client whose requests are signed with {@code credentials}, resolved on every call as the SDK does. */
  public StsClient client(AwsCredentialsProvider credentials) {
    return new StsClient() {
      @Override
      public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        return FakeSts.this.assumeRole(credentials.resolveCredentials(), request);
      }

      @Override
      public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        AwsCredentials signer = credentials.resolveCredentials();
        return invoke("GetCallerIdentity", request, () -> {
          Principal caller = caller(signer);
          return ok(GetCallerIdentityResponse.builder().account(caller.account()).arn(caller.arn())
              .userId("AROA" + caller.arn().hashCode()));
        });
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {}
    };
  }

  private AssumeRoleResponse assumeRole(AwsCredentials signer, AssumeRoleRequest request) {
    return invoke("AssumeRole", request, () -> {
      Principal caller = caller(signer);
      validate(request);
      Role role = roles.get(request.roleArn());
      int duration = request.durationSeconds() == null ? DEFAULT_DURATION_SECONDS : request.durationSeconds();
      if (role != null && duration > role.maxSessionSeconds()) {
        throw validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
      }
      boolean externalIdMatches = role != null && role.externalId().equals(Optional.ofNullable(request.externalId()));
      if (role == null || !role.trusted().contains(caller.arn()) || !externalIdMatches) {
        throw serviceError(StsException.builder(), 403, "AccessDenied", "User: " + caller.arn()
            + " is not authorized to perform: sts:AssumeRole on resource: " + request.roleArn());
      }
      var arn = ROLE_ARN.matcher(request.roleArn());
      arn.matches();
      String account = arn.group(2);
      String sessionArn = "arn:" + arn.group(1) + ":sts::" + account + ":assumed-role/" + arn.group(3) + "/"
          + request.roleSessionName();
      String keyId = "ASIA" + token(16).toUpperCase();
      String secret = token(40);
      Instant expires = now().plus(Duration.ofSeconds(duration)).minus(issuedAge);
      principals.put(keyId, new Principal(account, sessionArn, secret, Optional.of(expires)));
      return ok(AssumeRoleResponse.builder()
          .credentials(Credentials.builder().accessKeyId(keyId).secretAccessKey(secret)
              .sessionToken("session-" + token(32)).expiration(expires).build())
          .assumedRoleUser(AssumedRoleUser.builder().arn(sessionArn)
              .assumedRoleId("AROA" + arn.group(3).hashCode() + ":" + request.roleSessionName()).build()));
    });
  }

  private void validate(AssumeRoleRequest request) {
    String arn = request.roleArn();
    if (arn == null || arn.length() < 20 || arn.length() > 2048 || !ROLE_ARN.matcher(arn).matches()) {
      throw validationError("1 validation error detected: Value '" + arn + "' at 'roleArn' failed to satisfy"
          + " constraint: Member must have length greater than or equal to 20");
    }
    if (request.roleSessionName() == null || !SESSION_NAME.matcher(request.roleSessionName()).matches()) {
      throw validationError("1 validation error detected: Value '" + request.roleSessionName()
          + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
          + " [\\w+=,.@-]*");
    }
    Integer duration = request.durationSeconds();
    if (duration != null && (duration < MIN_DURATION_SECONDS || duration > MAX_DURATION_SECONDS)) {
      throw validationError("1 validation error detected: Value '" + duration + "' at 'durationSeconds' failed to"
          + " satisfy constraint: Member must have value " + (duration < MIN_DURATION_SECONDS
              ? "greater than or equal to 900" : "less than or equal to 43200"));
    }
    if (request.externalId() != null && !EXTERNAL_ID.matcher(request.externalId()).matches()) {
      throw validationError("1 validation error detected: Value at 'externalId' failed to satisfy constraint: Member"
          + " must satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
    }
  }

  /** Who signed: unknown keys and expired session credentials are refused as STS (and every service) does. */
  private Principal caller(AwsCredentials signer) {
    Principal principal = principals.get(signer.accessKeyId());
    if (principal == null || !principal.secret().equals(signer.secretAccessKey())) {
      throw serviceError(StsException.builder(), 403, "InvalidClientTokenId",
          "The security token included in the request is invalid.");
    }
    if (principal.expires().isPresent()) {
      if (!(signer instanceof AwsSessionCredentials)) {
        throw serviceError(StsException.builder(), 403, "InvalidClientTokenId",
            "The security token included in the request is invalid.");
      }
      if (!now().isBefore(principal.expires().get())) {
        throw serviceError(ExpiredTokenException.builder(), 400, "ExpiredToken",
            "The security token included in the request is expired");
      }
    }
    return principal;
  }

  private String token(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  // ---- what other fakes and tests ask ----------------------------------------------------------------------------

  /**
   * The account a request signed with {@code signer} reaches, as any AWS service decides it: refused with
   * {@code ExpiredToken} or {@code InvalidClientTokenId} like STS itself would.
   */
  public String accountOf(AwsCredentials signer) {
    synchronized (lock) {
      return caller(signer).account();
    }
  }

  /** How many AssumeRole calls for {@code roleArn} succeeded. */
  public long assumed(String roleArn) {
    return calls("AssumeRole").stream()
        .filter(c -> c.succeeded() && c.request(AssumeRoleRequest.class).roleArn().equals(roleArn)).count();
  }

  /** The expirations of the credentials issued for {@code roleArn}, oldest first. */
  public List<Instant> expirations(String roleArn) {
    synchronized (lock) {
      String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
      return principals.values().stream()
          .filter(p -> p.expires().isPresent() && p.arn().contains(":assumed-role/" + roleName + "/"))
          .map(p -> p.expires().get()).sorted().toList();
    }
  }
}
