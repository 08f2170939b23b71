package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

class FailureClassifierTest {

  private static AwsServiceException aws(int status, String code) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
        .build();
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
}
