package dev.kaizen.operator.fakes;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.AwsResponseMetadata;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What every stateful fake of an AWS SDK client shares: a call log, per-account request-rate quotas enforced by the
 * fake itself (independently of the operator's own limits), faults that can be switched on per operation, and a
 * settable clock.
 *
 * <p>A fake extends this class, implements the SDK client interface, declares its operations with AWS's published
 * requests-per-second quotas, and runs the body of every SDK method through {@link #invoke}. A body must validate
 * before it mutates, so a rejected call leaves the state untouched.
 *
 * <p>Thread-safe: calls, backdoors and inspection all run under {@link #lock}, so the fake behaves as a linearizable
 * service.
 */
public abstract class FakeAwsService {

  /**
   * Quotas are requests per second, counted over a sliding one-second window; where AWS documents a token bucket
   * whose capacity exceeds its refill rate ({@link #quotaBurst}), as that bucket.
   */
  private static final Duration WINDOW = Duration.ofSeconds(1);

  /** How a recorded call ended. */
  public enum Outcome {
    /** The fake served the call. */
    SUCCEEDED,
    /** The service refused the call (validation, missing resource, conflict...); state unchanged. */
    REJECTED,
    /** Refused because the fake's own per-second quota was exceeded; state unchanged. */
    THROTTLED,
    /** An injected fault was raised before the request reached the service; state unchanged. */
    FAULTED,
    /** The service applied the request, then an injected fault replaced the response. */
    APPLIED_THEN_FAULTED
  }

  /** Faults that can be injected for the next calls of an operation. */
  public enum Fault {
    /** The service's own throttling error, as if another client had used the quota. */
    THROTTLING(false),
    /** The service's modelled "unavailable" error (a 5xx). */
    SERVICE_UNAVAILABLE(false),
    /** A generic {@code AwsServiceException}, HTTP 500, error code {@code InternalFailure}. */
    INTERNAL_FAILURE(false),
    /** The SDK's {@link ApiCallTimeoutException}: the whole call exceeded its timeout. */
    API_CALL_TIMEOUT(false),
    /** {@link SdkClientException} caused by {@link SocketTimeoutException}: the response never came. */
    SOCKET_TIMEOUT(false),
    /** As {@link #SOCKET_TIMEOUT}, but the service applied the request first (the response was lost). */
    SOCKET_TIMEOUT_AFTER_APPLY(true);

    private final boolean afterApply;

    Fault(boolean afterApply) {
      this.afterApply = afterApply;
    }
  }

  /** One recorded call: when, which operation, the SDK request object, how it ended, and the error thrown if any. */
  public record Call(Instant at, String operation, Object request, Outcome outcome, Throwable error) {

    /** True if the call returned a response. */
    public boolean succeeded() {
      return outcome == Outcome.SUCCEEDED;
    }

    /** The AWS error code of the failure, the exception's simple class name for client-side failures, or null. */
    public String errorCode() {
      if (error instanceof AwsServiceException e && e.awsErrorDetails() != null) {
        return e.awsErrorDetails().errorCode();
      }
      return error == null ? null : error.getClass().getSimpleName();
    }

    /** The request, cast to its SDK type. */
    public <T> T request(Class<T> type) {
      return type.cast(request);
    }
  }

  /**
   * What IAM evaluates for one call: the action ({@code logs:CreateLogGroup}), the resource ARN the service
   * authorizes it against, and the resource's tags at the time of the call (for {@code aws:ResourceTag} conditions).
   */
  public record Authorization(String action, String resource, Map<String, String> resourceTags,
      Map<String, String> requestTags, Map<String, String> context) {
    /** A call whose request tags the fake does not record (the IAM test then assumes the caller's own tag). */
    public Authorization(String action, String resource, Map<String, String> resourceTags) {
      this(action, resource, resourceTags, null, Map.of());
    }

    /**
     * A call with the tags it sends ({@code aws:RequestTag}, {@code aws:TagKeys}) and other condition keys of the
     * request context, such as {@code ec2:CreateAction} for the tagging a create does.
     */
    public static Authorization tagging(String action, String resource, Map<String, String> resourceTags,
        Map<String, String> requestTags, Map<String, String> context) {
      return new Authorization(action, resource, Map.copyOf(resourceTags), Map.copyOf(requestTags),
          Map.copyOf(context));
    }
  }

  /**
   * Every authorization of a call that reached a fake's service logic (succeeded or was rejected by the service)
   * anywhere in this JVM: what the operator's IAM policy must allow. Read by the IAM policy test.
   */
  private static final Set<Authorization> AUTHORIZED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** All authorizations recorded in this JVM so far, by every fake. */
  public static Set<Authorization> authorizationsSeen() {
    return Set.copyOf(AUTHORIZED);
  }

  private record PendingFault(Supplier<? extends RuntimeException> error, boolean afterApply, int[] remaining) {}

  /** Guards all state of the fake, including the subclass's. */
  protected final Object lock = new Object();

  private final String serviceName;
  private final ServiceErrors errors;
  private final Map<String, Integer> defaultQuotas;
  private final Map<String, Integer> quotas = new HashMap<>();
  private final Map<String, Deque<Instant>> windows = new HashMap<>();
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  /** Operations whose quota a test overrode: counted over a sliding window of the figure it gave. */
  private final Set<String> overridden = new java.util.HashSet<>();
  private final Map<String, Deque<PendingFault>> faults = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private boolean quotasEnforced = true;
  private volatile Clock clock = Clock.systemUTC();

  /** The Region this fake serves, e.g. "eu-west-1". */
  protected final String region;
  /** The 12-digit account this fake serves. */
  protected final String accountId;
  /** The ARN partition of the Region: aws, aws-cn or aws-us-gov. */
  protected final String partition;
  private volatile boolean closed;

  /**
   * @param serviceName the service name the SDK puts in error details, e.g. "CloudWatch Logs"
   * @param errors how the service answers throttling, outages, invalid requests, missing resources and bad tokens
   * @param quotas every operation the fake implements, with its requests-per-second quota per account and Region
   * @param region the Region of the one account this fake serves, e.g. "eu-west-1"
   * @param accountId that account's 12-digit id
   */
  protected FakeAwsService(String serviceName, ServiceErrors errors, Map<String, Integer> quotas, String region,
      String accountId) {
    this.serviceName = Objects.requireNonNull(serviceName);
    this.errors = Objects.requireNonNull(errors);
    this.defaultQuotas = Map.copyOf(quotas);
    this.quotas.putAll(quotas);
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
      throw new IllegalArgumentException("not a Region: " + region);
    }
    if (accountId == null || !accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("an account id has 12 digits: " + accountId);
    }
    this.region = region;
    this.accountId = accountId;
    this.partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** The Region of this fake. */
  public String region() {
    return region;
  }

  /** The account of this fake. */
  public String accountId() {
    return accountId;
  }

  /** Marks the client closed; the fake keeps serving, since one instance is shared by all tests. */
  public void close() {
    closed = true;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  // ---- hooks for the concrete fake -------------------------------------------------------------------------------

  /**
   * What IAM would authorize for this request (called under the lock, before the body runs), or null when the fake
   * does not model it. Requests IAM authorizes against several resources are not modelled yet.
   */
  protected Authorization authorization(String operation, Object request) {
    return null;
  }

  /**
   * Further authorizations IAM makes for the same request: a create that carries tags is also authorized as the
   * service's tagging action (ec2:CreateTags, elasticloadbalancing:AddTags) with the create's name as context.
   */
  protected List<Authorization> implicitAuthorizations(String operation, Object request) {
    return List.of();
  }

  /** Calls made inside {@link #asSomeoneElse} are not the operator's: their authorizations are not recorded. */
  private static final ThreadLocal<Boolean> SOMEONE_ELSE = ThreadLocal.withInitial(() -> false);

  /**
   * Runs a test's own call (an object made by hand or by another tool) without recording its authorization, so
   * that the IAM policy test sees only what the operator did, and without spending the quota (test set-up).
   */
  public static <T> T asSomeoneElse(Supplier<T> call) {
    SOMEONE_ELSE.set(true);
    try {
      return call.get();
    } finally {
      SOMEONE_ELSE.set(false);
    }
  }

  /** Forgets all resources; called by {@link #reset()} under the lock. */
  protected abstract void resetState();

  /**
   * Which request-rate window an operation counts against: its own by default (quotas per operation); a service
   * that counts every request of the account together (Route 53) answers one key for all its operations.
   */
  protected String quotaWindow(String operation) {
    return operation;
  }

  /**
   * The capacity of the token bucket AWS counts an operation's requests in, where it documents one larger than its
   * refill rate (the quota): that many requests may come at once after a quiet spell, then the rate. By default the
   * quota itself, counted over a sliding one-second window.
   */
  protected int quotaBurst(String operation) {
    return 0;
  }

  /** Whether an operation changes state; by default every operation except Describe*, List*, Get* and Test*. */
  protected boolean isMutating(String operation) {
    return !(operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
        || operation.startsWith("Test"));
  }

  /**
   * Runs one SDK call: injected faults first, then the quota, then the body; records the call whatever happens.
   * An injected fault that fires before the body does not count against the quota; every call that reaches the
   * body does, whether it succeeds or not.
   */
  protected final <T> T invoke(String operation, Object request, Supplier<T> body) {
    synchronized (lock) {
      requireKnown(operation);
      Instant now = clock.instant();
      PendingFault fault = nextFault(operation);
      if (fault != null && !fault.afterApply()) {
        throw record(now, operation, request, Outcome.FAULTED, fault.error().get());
      }
      if (quotasEnforced && !SOMEONE_ELSE.get() && !admit(operation, now)) {
        throw record(now, operation, request, Outcome.THROTTLED, throttlingError());
      }
      Authorization authorization = authorization(operation, request);
      if (authorization != null && !SOMEONE_ELSE.get()) {
        AUTHORIZED.add(authorization);
        AUTHORIZED.addAll(implicitAuthorizations(operation, request));
      }
      T result;
      try {
        result = body.get();
      } catch (RuntimeException e) {
        throw record(now, operation, request, Outcome.REJECTED, e);
      }
      if (fault != null) {
        throw record(now, operation, request, Outcome.APPLIED_THEN_FAULTED, fault.error().get());
      }
      record(now, operation, request, Outcome.SUCCEEDED, null);
      return result;
    }
  }

  /** Builds a service error the way the SDK does when it unmarshals one: message, status, request id, details. */
  protected final AwsServiceException serviceError(
      AwsServiceException.Builder builder, int status, String errorCode, String message) {
    return builder
        .message(message)
        .statusCode(status)
        .requestId(UUID.randomUUID().toString())
        .awsErrorDetails(AwsErrorDetails.builder()
            .errorCode(errorCode)
            .errorMessage(message)
            .serviceName(serviceName)
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
            .build())
        .build();
  }

  /** The service's error of a shape, with a message. */
  protected final AwsServiceException serviceError(ServiceErrors.Shape shape, String message) {
    return serviceError(shape.builder().get(), shape.status(), shape.code(), message);
  }

  private AwsServiceException serviceError(ServiceErrors.Fixed error) {
    return serviceError(error.shape(), error.message());
  }

  /** The error the service returns when a caller exceeds a request-rate quota. */
  protected final AwsServiceException throttlingError() {
    return serviceError(errors.throttling());
  }

  /** The service's modelled "service unavailable" 5xx error. */
  protected final AwsServiceException serviceUnavailableError() {
    return serviceError(errors.unavailable());
  }

  /** The service's answer to a request that breaks its constraints. */
  protected final AwsServiceException validationError(String message) {
    return serviceError(errors.validation(), message);
  }

  /** The service's answer when a named resource does not exist. */
  protected final AwsServiceException notFoundError(String message) {
    return serviceError(errors.notFound(), message);
  }

  // ---- page tokens ---------------------------------------------------------------------------------------------

  /**
   * An opaque page token: the query it belongs to and the sort key of the last item returned. Binding it to the query
   * makes a token replayed with other parameters fail as AWS's do.
   */
  protected static String encodeToken(String query, String lastKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((query + "\n" + lastKey).getBytes(UTF_8));
  }

  /** The last key of a token issued for {@code query}; any other token is the service's invalid-token error. */
  protected final String decodeToken(String token, String query) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), UTF_8);
      int newline = decoded.indexOf('\n');
      if (newline > 0 && decoded.substring(0, newline).equals(query)) {
        return decoded.substring(newline + 1);
      }
    } catch (IllegalArgumentException e) {
      // not base64: invalid like any other foreign token
    }
    throw serviceError(errors.invalidToken());
  }

  /** Completes a response as the SDK would: HTTP 200 and a request id in the response metadata. */
  @SuppressWarnings("unchecked")
  protected static <R extends AwsResponse> R ok(AwsResponse.Builder builder) {
    AwsResponseMetadata metadata = new AwsResponseMetadata(Map.of("AWS_REQUEST_ID", UUID.randomUUID().toString())) {};
    builder.responseMetadata(metadata).sdkHttpResponse(SdkHttpResponse.builder().statusCode(200).build());
    return (R) builder.build();
  }

  /** The current time of the fake's clock. */
  protected final Instant now() {
    return clock.instant();
  }

  // ---- clock -----------------------------------------------------------------------------------------------------

  /** The clock used for quota windows, timestamps and any eventual states. */
  public Clock clock() {
    return clock;
  }

  /** Replaces the clock (default: system UTC); a {@link MutableClock} makes quota tests deterministic. */
  public void setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  // ---- call log --------------------------------------------------------------------------------------------------

  /** Every call so far, in order. */
  public List<Call> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** The calls of one operation, in order. */
  public List<Call> calls(String operation) {
    requireKnown(operation);
    synchronized (lock) {
      return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }
  }

  /** How many times an operation was called, whatever the outcome. */
  public int callCount(String operation) {
    return calls(operation).size();
  }

  /** The calls of operations that change state, whatever their outcome, in order. */
  public List<Call> mutatingCalls() {
    synchronized (lock) {
      return calls.stream().filter(c -> isMutating(c.operation())).toList();
    }
  }

  /** The operations of the calls that changed state, in order: what a test means by "exactly these writes". */
  public List<String> succeededMutations() {
    synchronized (lock) {
      return calls.stream().filter(c -> isMutating(c.operation()) && c.succeeded()).map(Call::operation).toList();
    }
  }

  /** The operations of every call the service served, in order. */
  public List<String> succeededOperations() {
    synchronized (lock) {
      return calls.stream().filter(Call::succeeded).map(Call::operation).toList();
    }
  }

  /** Forgets the recorded calls. */
  public void clearCalls() {
    synchronized (lock) {
      calls.clear();
    }
  }

  // ---- quotas ----------------------------------------------------------------------------------------------------

  /** The operations this fake implements. */
  public Set<String> operations() {
    return new TreeSet<>(defaultQuotas.keySet());
  }

  /** The requests-per-second quota of an operation. */
  public int quota(String operation) {
    requireKnown(operation);
    synchronized (lock) {
      return quotas.get(operation);
    }
  }

  /** Overrides the requests-per-second quota of an operation, as an approved quota increase would. */
  public void setQuota(String operation, int requestsPerSecond) {
    requireKnown(operation);
    if (requestsPerSecond < 1) {
      throw new IllegalArgumentException("quota must be at least 1 request per second");
    }
    synchronized (lock) {
      quotas.put(operation, requestsPerSecond);
      overridden.add(operation);
    }
  }

  /** Turns quota enforcement on (the default) or off. */
  public void setQuotasEnforced(boolean enforced) {
    synchronized (lock) {
      quotasEnforced = enforced;
    }
  }

  // ---- faults ----------------------------------------------------------------------------------------------------

  /**
   * Makes the next {@code times} calls of an operation fail with a fault. Faults queue up in order; pass
   * {@link Integer#MAX_VALUE} for an outage that lasts until {@link #clearFaults()}.
   */
  public void failNext(String operation, int times, Fault fault) {
    failNext(operation, times, fault.afterApply, () -> faultError(operation, fault));
  }

  /** Makes the next {@code times} calls of an operation throw the supplied exception, without changing state. */
  public void failNextWith(String operation, int times, Supplier<? extends RuntimeException> error) {
    failNext(operation, times, false, error);
  }

  /** Removes all pending faults. */
  public void clearFaults() {
    synchronized (lock) {
      faults.clear();
    }
  }

  /** Restores the fake as new: no resources, calls, faults, quota overrides or used quota; system clock. */
  public void reset() {
    synchronized (lock) {
      calls.clear();
      faults.clear();
      windows.clear();
      buckets.clear();
      overridden.clear();
      quotas.clear();
      quotas.putAll(defaultQuotas);
      quotasEnforced = true;
      clock = Clock.systemUTC();
      resetState();
    }
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private void failNext(String operation, int times, boolean afterApply, Supplier<? extends RuntimeException> error) {
    requireKnown(operation);
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    synchronized (lock) {
      faults.computeIfAbsent(operation, k -> new ArrayDeque<>())
          .addLast(new PendingFault(error, afterApply, new int[] {times}));
    }
  }

  private RuntimeException faultError(String operation, Fault fault) {
    return switch (fault) {
      case THROTTLING -> throttlingError();
      case SERVICE_UNAVAILABLE -> serviceUnavailableError();
      case INTERNAL_FAILURE -> serviceError(errors.base().get(), 500, "InternalFailure",
          "The request processing has failed because of an unknown error, exception or failure.");
      case API_CALL_TIMEOUT -> ApiCallTimeoutException.create(10_000);
      case SOCKET_TIMEOUT, SOCKET_TIMEOUT_AFTER_APPLY -> SdkClientException.builder()
          .message("Unable to execute HTTP request: Read timed out")
          .cause(new SocketTimeoutException("Read timed out"))
          .build();
    };
  }

  private PendingFault nextFault(String operation) {
    Deque<PendingFault> queue = faults.get(operation);
    PendingFault head = queue == null ? null : queue.peekFirst();
    if (head == null) {
      return null;
    }
    if (head.remaining()[0] != Integer.MAX_VALUE && --head.remaining()[0] == 0) {
      queue.pollFirst();
    }
    return head;
  }

  private boolean admit(String operation, Instant now) {
    int rate = quotas.get(operation);
    int burst = overridden.contains(operation) ? rate : quotaBurst(operation);
    if (burst > rate) {
      return buckets.computeIfAbsent(quotaWindow(operation), k -> new TokenBucket(burst, now)).take(rate, burst, now);
    }
    Deque<Instant> window = windows.computeIfAbsent(quotaWindow(operation), k -> new ArrayDeque<>());
    Instant cutoff = now.minus(WINDOW);
    while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
      window.pollFirst();
    }
    if (window.size() >= quotas.get(operation)) {
      return false;
    }
    window.addLast(now);
    return true;
  }

  /** AWS's token bucket: full at first, refilled at the rate up to its capacity, one token a request. */
  private static final class TokenBucket {
    private double tokens;
    private Instant refilledAt;

    TokenBucket(int capacity, Instant now) {
      this.tokens = capacity;
      this.refilledAt = now;
    }

    boolean take(int perSecond, int capacity, Instant now) {
      if (now.isAfter(refilledAt)) {
        tokens = Math.min(capacity, tokens + Duration.between(refilledAt, now).toNanos() * perSecond / 1e9);
        refilledAt = now;
      }
      if (tokens < 1) {
        return false;
      }
      tokens--;
      return true;
    }
  }

  private RuntimeException record(Instant at, String operation, Object request, Outcome outcome, RuntimeException e) {
    calls.add(new Call(at, operation, request, outcome, e));
    return e;
  }

  private void requireKnown(String operation) {
    if (!defaultQuotas.containsKey(operation)) {
      throw new IllegalArgumentException(
          "unknown operation " + operation + " for this fake; known: " + operations());
    }
  }
}
