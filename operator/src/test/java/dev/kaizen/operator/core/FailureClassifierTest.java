package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;

class FailureClassifierTest {

  private static AwsServiceException aws(int status, String code) {
    return aws(status, code, code + " happened", null);
  }

  private static AwsServiceException aws(int status, String code, String message, Instant serverTime) {
    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
    if (serverTime != null) {
      response.putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(serverTime.atOffset(ZoneOffset.UTC)));
    }
    return AwsServiceException.builder().statusCode(status)
        .message(message + " (Service: CloudWatchLogs, Status Code: " + status + ", Request ID: 1234-abcd)")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
            .sdkHttpResponse(response.build()).build())
        .build();
  }

  private static KubernetesClientException kubernetes(int code, String message) {
    return new KubernetesClientException("Failure executing: PUT at: https://10.0.0.1/api/v1/namespaces/logging/"
        + "configmaps/x. Message: " + message + ". Received status: Status(apiVersion=v1, code=" + code + ", ...)",
        code, new StatusBuilder().withCode(code).withMessage(message).build());
  }

  @Test
  void throttlingIsRescheduled() {
    assertThat(FailureClassifier.classify(aws(400, "ThrottlingException")).kind()).isEqualTo(FailureKind.THROTTLED);
    assertThat(FailureClassifier.classify(aws(400, "Throttling")).kind()).isEqualTo(FailureKind.THROTTLED);
    var limited = FailureClassifier.classify(new RateLimitedException("CreateLogGroup", Duration.ofMillis(400)));
    assertThat(limited.kind()).isEqualTo(FailureKind.THROTTLED);
    assertThat(limited.retryAfter()).contains(Duration.ofMillis(400));
  }

  @Test
  void serverErrorsTimeoutsAndRoute53PriorRequestAreTransient() {
    assertThat(FailureClassifier.classify(aws(503, "ServiceUnavailableException")).kind())
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(FailureClassifier.classify(aws(400, "PriorRequestNotComplete")).kind())
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(FailureClassifier.classify(ApiCallTimeoutException.create(1000)).kind())
        .isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void accessDeniedAndInvalidRequestsStall() {
    var denied = FailureClassifier.classify(aws(400, "AccessDeniedException"));
    assertThat(denied.kind()).isEqualTo(FailureKind.ACCESS_DENIED);
    assertThat(denied.stalls()).isTrue();
    var invalid = FailureClassifier.classify(aws(400, "InvalidParameterException"));
    assertThat(invalid.kind()).isEqualTo(FailureKind.INVALID);
    assertThat(invalid.message()).isEqualTo("AWS rejected the request (InvalidParameterException: "
        + "InvalidParameterException happened).");
    assertThat(FailureClassifier.classify(aws(400, "LimitExceededException")).reason())
        .isEqualTo(Reasons.LIMIT_EXCEEDED);
  }

  @Test
  void awsAccessDeniedIsOneSentenceWithAwsOwnMessageAndNoRequestId() {
    String said = "User: arn:aws:sts::123456789012:assumed-role/kaizen/i-0 is not authorized to perform:"
        + " logs:PutRetentionPolicy on resource: arn:aws:logs:eu-west-1:123456789012:log-group:/shop/web"
        + " because no identity-based policy allows the logs:PutRetentionPolicy action";
    var denied = FailureClassifier.classify(aws(400, "AccessDeniedException", said, Instant.now()));
    assertThat(denied.message()).isEqualTo(
        "the operator's AWS role is not allowed to do this (AccessDeniedException: " + said + ").");
    assertThat(denied.message()).doesNotContain("Request ID").doesNotContain("\n");
    assertThat(denied.expected()).isTrue();
  }

  @Test
  void requestTimeTooSkewedAndRequestExpiredAreClockSkewNotAccessDenied() {
    for (String code : new String[] {"RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture"}) {
      Failure skew = FailureClassifier.classify(aws(403, code, "The difference is too large", null));
      assertThat(skew.reason()).as(code).isEqualTo(Reasons.CLOCK_SKEW);
      assertThat(skew.kind()).as(code).isEqualTo(FailureKind.TRANSIENT);
      assertThat(skew.expected()).as(code).isTrue();
      assertThat(skew.message()).as(code).endsWith("fix the node's time sync (NTP).");
    }
  }

  @Test
  void aSignatureRefusedWhileAwsClockIsMinutesAwayIsClockSkewAndSaysByHowMuch() {
    Instant anHourAhead = Instant.now().plus(Duration.ofMinutes(61));
    for (String code : new String[] {"InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure"}) {
      Failure skew = FailureClassifier.classify(aws(400, code, "Signature expired", anHourAhead));
      assertThat(skew.reason()).as(code).isEqualTo(Reasons.CLOCK_SKEW);
      assertThat(skew.message()).as(code).startsWith("AWS refused the request's signature because this node's"
          + " clock is about 60 minutes behind AWS's (" + code + ": Signature expired)");
    }
  }

  @Test
  void aSignatureRefusedWhileTheClocksAgreeIsAWrongKeyAndStaysAccessDenied() {
    Failure wrongKey = FailureClassifier.classify(aws(403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided", Instant.now()));
    assertThat(wrongKey.reason()).isEqualTo(Reasons.ACCESS_DENIED);
    Failure noDate = FailureClassifier.classify(aws(400, "InvalidSignatureException", "Signature expired", null));
    assertThat(noDate.reason()).isEqualTo(Reasons.ACCESS_DENIED);
  }

  @Test
  void timeoutsAndUnreachableEndpointsAreExpectedTransientFailures() {
    Failure attempt = FailureClassifier.classify(ApiCallAttemptTimeoutException.create(10_000));
    assertThat(attempt.reason()).isEqualTo(Reasons.AWS_TIMEOUT);
    assertThat(attempt.message()).isEqualTo("AWS did not answer in time; the call was given up.");
    Failure refused = FailureClassifier.classify(SdkClientException.create(
        "Unable to execute HTTP request: Connect to logs.eu-west-1.amazonaws.com failed",
        new ConnectException("Connection refused")));
    assertThat(refused.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(refused.message()).isEqualTo("AWS could not be reached (Connection refused).");
    assertThat(refused.expected()).isTrue();
  }

  @Test
  void kubernetesRejectionsStallWithTheApiServersSentenceOnly() {
    for (int code : new int[] {400, 413, 422}) {
      Failure rejected = FailureClassifier.classify(kubernetes(code, "ConfigMap \"x\" is invalid: data: Required"));
      assertThat(rejected.kind()).as("HTTP %d", code).isEqualTo(FailureKind.INVALID);
      assertThat(rejected.message()).as("HTTP %d", code)
          .isEqualTo("the Kubernetes API rejected the request: ConfigMap \"x\" is invalid: data: Required.");
    }
  }

  @Test
  void kubernetesThrottlingServerErrorsAndNetworkFailuresAreRetried() {
    Failure throttled = FailureClassifier.classify(kubernetes(429, "Too many requests, please try again later."));
    assertThat(throttled.kind()).isEqualTo(FailureKind.THROTTLED);
    assertThat(throttled.retryAfter()).isEmpty();
    Failure unavailable = FailureClassifier.classify(kubernetes(503, "the server is currently unable to handle"));
    assertThat(unavailable.kind()).isEqualTo(FailureKind.TRANSIENT);
    Failure unreachable = FailureClassifier.classify(new KubernetesClientException("An error has occurred.",
        new IOException("Connection reset")));
    assertThat(unreachable.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(unreachable.message()).isEqualTo("the Kubernetes API could not be reached (Connection reset).");
    assertThat(unreachable.expected()).isTrue();
  }

  @Test
  void aKubernetes403WithoutStatusFallsBackToAGenericSentence() {
    Failure denied = FailureClassifier.classify(new KubernetesClientException("Forbidden", 403, null));
    assertThat(denied.kind()).isEqualTo(FailureKind.ACCESS_DENIED);
    assertThat(denied.message()).isEqualTo("the operator's service account may not access the object.");
  }

  @Test
  void onlyUnrecognisedFailuresAreUnexpected() {
    assertThat(FailureClassifier.classify(new IllegalStateException("boom")).expected()).isFalse();
    assertThat(FailureClassifier.classify(SdkClientException.create("Unable to load credentials")).expected())
        .isFalse();
    assertThat(FailureClassifier.classify(new KubernetesClientException("teapot", 418, null)).expected())
        .isFalse();
    var limited = FailureClassifier.classify(new RateLimitedException("PutMetricFilter", Duration.ofMillis(50)));
    assertThat(limited.expected()).isTrue();
    assertThat(limited.routine()).isTrue();
    assertThat(FailureClassifier.classify(new InvalidSpecException("bad")).expected()).isTrue();
    assertThat(FailureClassifier.classify(aws(400, "ThrottlingException")).expected()).isTrue();
    assertThat(FailureClassifier.classify(kubernetes(409, "the object has been modified")).expected()).isTrue();
  }
}
