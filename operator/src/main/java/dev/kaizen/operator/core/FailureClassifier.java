package dev.kaizen.operator.core;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Maps any failure of an AWS or Kubernetes call to one of four reactions, with one human sentence for the
 * condition. Decisions use exception types, HTTP statuses, error codes and structured fields (the Kubernetes
 * {@code Status}, the {@code Date} of an AWS answer), never the text of a message; messages are only quoted.
 */
public final class FailureClassifier {

  private static final Set<String> ACCESS_DENIED_CODES = Set.of(
      "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "AuthFailure",
      "NotAuthorized", "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredToken",
      "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch", "MissingAuthenticationToken",
      "KMSAccessDeniedException");

  /** Codes AWS returns when the account's state moved under us or the service is briefly unable. */
  private static final Set<String> TRANSIENT_CODES = Set.of(
      "PriorRequestNotComplete", "OperationAbortedException", "ServiceUnavailable", "ServiceUnavailableException",
      "InternalFailure", "InternalError", "InternalServerError", "RequestTimeout", "RequestTimeoutException",
      "ConcurrentModificationException", "ResourceNotFoundException", "ResourceAlreadyExistsException",
      "IDPCommunicationError");

  private static final Set<String> DEFINITE_CLOCK_SKEW_CODES =
      Set.of("RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture");
  private static final Set<String> SIGNATURE_CODES =
      Set.of("InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure");
  /** AWS accepts signatures up to 5 minutes off; the SDK calls 4 minutes a skew. */
  private static final Duration SKEW_THRESHOLD = Duration.ofMinutes(4);

  /**
   * Kubernetes answers that retrying the same request cannot change: 400 bad request, 413 body over the API
   * server's 3 MiB limit, 422 invalid (a ConfigMap's data over 1 MiB is a 422 "Too long: must have at most
   * 1048576 bytes").
   */
  private static final Set<Integer> KUBERNETES_REJECTIONS = Set.of(400, 413, 422);

  private FailureClassifier() {}

  /**
   * Classifies with a port's own rules first ({@code portRules}, given the underlying cause): a kind knows which
   * errors of its services are terminal. The shared rules below decide whatever the port leaves out.
   */
  public static Failure classify(Throwable failure,
      java.util.function.Function<Throwable, Optional<Failure>> portRules) {
    Optional<Failure> byPort = portRules.apply(unwrap(failure));
    if (byPort.isEmpty()) {
      return classify(failure);
    }
    Failure found = byPort.get();
    String prefix = failure instanceof ChangeFailedException changeFailed
        ? changeFailed.change().operation() + " " + changeFailed.change().target() + " failed: "
        : "";
    return new Failure(found.kind(), found.reason(), prefix + found.message(), found.retryAfter(), found.expected());
  }

  public static Failure classify(Throwable failure) {
    Throwable cause = unwrap(failure);
    String prefix = failure instanceof ChangeFailedException changeFailed
        ? changeFailed.change().operation() + " " + changeFailed.change().target() + " failed: "
        : "";
    if (cause instanceof RateLimitedException limited) {
      return new Failure(FailureKind.THROTTLED, Reasons.RATE_LIMITED,
          prefix + limited.waitingFor() + ".",
          Optional.of(limited.retryAfter()), true);
    }
    if (cause instanceof InvalidSpecException invalid) {
      return expected(FailureKind.INVALID, invalid.reason(), invalid.getMessage());
    }
    if (cause instanceof AwsServiceException aws) {
      return classifyAws(aws, prefix);
    }
    if (cause instanceof KubernetesClientException kubernetes) {
      return classifyKubernetes(kubernetes, prefix);
    }
    if (cause instanceof SdkClientException sdk) {
      return classifySdkClient(sdk, prefix);
    }
    return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
        prefix + "unexpected " + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()) + ".",
        Optional.empty(), false);
  }

  private static Failure classifyAws(AwsServiceException aws, String prefix) {
    String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
    String detail = aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
    String said = code + (detail == null ? "" : ": " + firstLine(detail));
    if (aws.isThrottlingException()) {
      return expected(FailureKind.THROTTLED, Reasons.THROTTLED, prefix + "AWS throttled the request (" + said + ").");
    }
    if (clockSkew(aws, code)) {
      // Retried, not stalled: the SDK learns the offset from this answer's Date even with retries off, so the
      // same (cached) client signs its next call right. A person should still fix the node's clock.
      return expected(FailureKind.TRANSIENT, Reasons.CLOCK_SKEW, prefix + "AWS refused the request's signature"
          + " because this node's clock" + offBy(aws) + " (" + said + "); fix the node's time sync (NTP).");
    }
    if (aws.statusCode() == 403 || (code != null && ACCESS_DENIED_CODES.contains(code))) {
      return expected(FailureKind.ACCESS_DENIED, Reasons.ACCESS_DENIED,
          prefix + "the operator's AWS role is not allowed to do this (" + said + ").");
    }
    if (aws.statusCode() >= 500 || (code != null && TRANSIENT_CODES.contains(code))) {
      return expected(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR, prefix + "AWS answered " + said + ".");
    }
    String reason = code != null && code.contains("LimitExceeded") ? Reasons.LIMIT_EXCEEDED : Reasons.REJECTED_BY_AWS;
    return expected(FailureKind.INVALID, reason, prefix + "AWS rejected the request (" + said + ").");
  }

  /**
   * RequestTimeTooSkewed (S3), RequestExpired (EC2, query APIs) and RequestInTheFuture always mean skew. The
   * signature codes (InvalidSignatureException from JSON APIs such as CloudWatch Logs, SignatureDoesNotMatch from
   * query APIs, AuthFailure from EC2) also mean a wrong secret key; only AWS's message ("Signature expired") tells
   * them apart, and we do not read messages: the answer's {@code Date} does, when it is further from our clock
   * than the SDK's own skew threshold. On a node whose clock is off, a wrong key then also reads as skew: the clock
   * is the first thing to fix either way. (The SDK's {@code isClockSkewException()} cannot decide this: the
   * exception it throws carries no offset, so it answers false for these codes even an hour off.)
   */
  private static boolean clockSkew(AwsServiceException aws, String code) {
    if (code == null) {
      return false;
    }
    if (DEFINITE_CLOCK_SKEW_CODES.contains(code)) {
      return true;
    }
    return SIGNATURE_CODES.contains(code) && serverTime(aws)
        .map(server -> Duration.between(server, Instant.now()).abs().compareTo(SKEW_THRESHOLD) > 0)
        .orElse(false);
  }

  /** " is about 60 minutes ahead of AWS's" when the answer carried AWS's time, else " is off". */
  private static String offBy(AwsServiceException aws) {
    Optional<Instant> serverTime = serverTime(aws);
    if (serverTime.isEmpty()) {
      return " is off";
    }
    Duration ahead = Duration.between(serverTime.get(), Instant.now());
    return " is about " + Math.max(1, ahead.abs().toMinutes()) + " minutes "
        + (ahead.isNegative() ? "behind" : "ahead of") + " AWS's";
  }

  private static Optional<Instant> serverTime(AwsServiceException aws) {
    if (aws.awsErrorDetails() == null || aws.awsErrorDetails().sdkHttpResponse() == null) {
      return Optional.empty();
    }
    try {
      return aws.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date")
          .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private static Failure classifySdkClient(SdkClientException sdk, String prefix) {
    if (sdk instanceof ApiCallTimeoutException || sdk instanceof ApiCallAttemptTimeoutException
        || hasCause(sdk, InterruptedIOException.class)) {
      // InterruptedIOException covers the HTTP client's socket and connect timeouts.
      return expected(FailureKind.TRANSIENT, Reasons.AWS_TIMEOUT,
          prefix + "AWS did not answer in time; the call was given up.");
    }
    if (hasCause(sdk, IOException.class)) {
      return expected(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
          prefix + "AWS could not be reached (" + firstLine(rootCause(sdk).getMessage()) + ").");
    }
    // Missing credentials or region, a response we could not read: not a network hiccup, maybe a bug of ours.
    return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
        prefix + "the AWS SDK failed before AWS could answer (" + firstLine(sdk.getMessage()) + ").",
        Optional.empty(), false);
  }

  private static Failure classifyKubernetes(KubernetesClientException failure, String prefix) {
    int code = failure.getCode();
    Optional<String> said = statusMessage(failure);
    if (code == 403) {
      return expected(FailureKind.ACCESS_DENIED, Reasons.ACCESS_DENIED, prefix + said
          .map(message -> "Kubernetes refused the operator's service account: " + message)
          .orElseGet(() -> "the operator's service account may not access " + requested(failure)) + ".");
    }
    if (code == 401) {
      return expected(FailureKind.ACCESS_DENIED, Reasons.ACCESS_DENIED,
          prefix + "the Kubernetes API did not accept the operator's credentials.");
    }
    if (KUBERNETES_REJECTIONS.contains(code) || (code == 404 && namespaceNotFound(failure))) {
      return expected(FailureKind.INVALID, Reasons.REJECTED_BY_KUBERNETES,
          prefix + "the Kubernetes API rejected the request: " + said.orElse("HTTP " + code) + ".");
    }
    if (code == 409) {
      return expected(FailureKind.TRANSIENT, Reasons.CONFLICT,
          prefix + "a Kubernetes object changed concurrently (" + said.orElse("HTTP 409") + ").");
    }
    if (code == 404) {
      return expected(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
          prefix + "a Kubernetes object was deleted concurrently (" + said.orElse("HTTP 404") + ").");
    }
    if (code == 429) {
      return expected(FailureKind.THROTTLED, Reasons.THROTTLED,
          prefix + "the Kubernetes API asked to slow down (" + said.orElse("HTTP 429") + ").");
    }
    if (code >= 500) {
      return expected(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
          prefix + "the Kubernetes API answered " + code + " (" + said.orElse("no detail") + ").");
    }
    if (code <= 0 && hasCause(failure, IOException.class)) {
      return expected(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
          prefix + "the Kubernetes API could not be reached (" + firstLine(rootCause(failure).getMessage()) + ").");
    }
    return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR, prefix + "the Kubernetes API answered "
        + code + " (" + said.orElseGet(() -> firstLine(failure.getMessage())) + ").", Optional.empty(), false);
  }

  /** The API server's own sentence, without fabric8's "Failure executing: ... Status(...)" wrapping. */
  private static Optional<String> statusMessage(KubernetesClientException failure) {
    return Optional.ofNullable(failure.getStatus()).map(Status::getMessage).filter(m -> !m.isBlank())
        .map(FailureClassifier::firstLine);
  }

  /** The API server names the missing namespace in the Status details of a create in it. */
  private static boolean namespaceNotFound(KubernetesClientException failure) {
    Status status = failure.getStatus();
    return status != null && status.getDetails() != null && "namespaces".equals(status.getDetails().getKind());
  }

  /** {@code configmaps "fluent-bit" in namespace "logging"}, from what fabric8 knows of the request. */
  private static String requested(KubernetesClientException failure) {
    String resource = Optional.ofNullable(failure.getResourcePlural()).orElse("the object");
    String name = failure.getName() == null ? "" : " \"" + failure.getName() + "\"";
    String namespace = failure.getNamespace() == null ? "" : " in namespace \"" + failure.getNamespace() + "\"";
    return resource + name + namespace;
  }

  private static Failure expected(FailureKind kind, String reason, String message) {
    return new Failure(kind, reason, message, Optional.empty(), true);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof ChangeFailedException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable current = failure; current != null; current = current.getCause()) {
      if (type.isInstance(current)) {
        return true;
      }
      if (current.getCause() == current) {
        return false;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable current = failure;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    String line = text.lines().findFirst().orElse("").strip();
    // AWS appends request ids in parentheses; they belong in logs, not in a condition.
    int requestId = line.indexOf(" (Service:");
    line = requestId > 0 ? line.substring(0, requestId) : line;
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
