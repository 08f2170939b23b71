package dev.kaizen.operator.core;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Maps any failure of an AWS call to one of four reactions. Decisions use the HTTP status and the AWS error
 * code, never the text of a message.
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

  private FailureClassifier() {}

  public static Failure classify(Throwable failure) {
    Throwable cause = unwrap(failure);
    String prefix = failure instanceof ChangeFailedException changeFailed
        ? changeFailed.change().operation() + " " + changeFailed.change().target() + " failed: "
        : "";
    if (cause instanceof RateLimitedException limited) {
      return new Failure(FailureKind.THROTTLED, Reasons.RATE_LIMITED,
          prefix + limited.waitingFor() + ".",
          Optional.of(limited.retryAfter()));
    }
    if (cause instanceof InvalidSpecException invalid) {
      return new Failure(FailureKind.INVALID, Reasons.INVALID_SPEC, invalid.getMessage(), Optional.empty());
    }
    if (cause instanceof AwsServiceException aws) {
      return classifyAws(aws, prefix);
    }
    if (cause instanceof KubernetesClientException kubernetes) {
      return classifyKubernetes(kubernetes, prefix);
    }
    if (cause instanceof SdkClientException) {
      return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
          prefix + "AWS could not be reached (" + firstLine(cause.getMessage()) + ").", Optional.empty());
    }
    return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR,
        prefix + "unexpected " + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()) + ".",
        Optional.empty());
  }

  private static Failure classifyAws(AwsServiceException aws, String prefix) {
    String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
    String detail = aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
    String said = code + (detail == null ? "" : ": " + firstLine(detail));
    if (aws.isThrottlingException()) {
      return new Failure(FailureKind.THROTTLED, Reasons.THROTTLED, prefix + "AWS throttled the request (" + said + ").",
          Optional.empty());
    }
    if (aws.statusCode() == 403 || (code != null && ACCESS_DENIED_CODES.contains(code))) {
      return new Failure(FailureKind.ACCESS_DENIED, Reasons.ACCESS_DENIED,
          prefix + "the operator's AWS role is not allowed to do this (" + said + ").", Optional.empty());
    }
    if (aws.statusCode() >= 500 || (code != null && TRANSIENT_CODES.contains(code))) {
      return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR, prefix + "AWS answered " + said + ".",
          Optional.empty());
    }
    String reason = code != null && code.contains("LimitExceeded") ? Reasons.LIMIT_EXCEEDED : Reasons.REJECTED_BY_AWS;
    return new Failure(FailureKind.INVALID, reason, prefix + "AWS rejected the request (" + said + ").",
        Optional.empty());
  }

  private static Failure classifyKubernetes(KubernetesClientException failure, String prefix) {
    if (failure.getCode() == 403) {
      return new Failure(FailureKind.ACCESS_DENIED, Reasons.ACCESS_DENIED, prefix + "the operator's service account"
          + " may not do this (" + firstLine(failure.getMessage()) + ").", Optional.empty());
    }
    String detail = failure.getCode() == 409 ? "a Kubernetes object changed concurrently"
        : "the Kubernetes API answered " + failure.getCode() + " (" + firstLine(failure.getMessage()) + ")";
    return new Failure(FailureKind.TRANSIENT, Reasons.TRANSIENT_ERROR, prefix + detail + ".", Optional.empty());
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof ChangeFailedException && current.getCause() != null) {
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
