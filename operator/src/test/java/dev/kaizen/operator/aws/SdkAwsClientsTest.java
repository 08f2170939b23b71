package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.Reasons;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The real SDK clients against local HTTP servers, reached the way a user reaches LocalStack: the SDK's own
 * endpoint setting ({@code AWS_ENDPOINT_URL}, here its system-property form {@code aws.endpointUrl}).
 */
class SdkAwsClientsTest {
  private static final String ENDPOINT_PROPERTY = "aws.endpointUrl";
  private static final AwsTarget TARGET = AwsTarget.of(Region.EU_WEST_1);
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty(ENDPOINT_PROPERTY);
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void aServerThatNeverAnswersFailsTheCallAtTheAttemptTimeout() throws IOException {
    pointAt(silentServer());
    var timeouts = new SdkAwsClients.Timeouts(Duration.ofMillis(1500), Duration.ofMillis(400),
        Duration.ofMillis(500), Duration.ofSeconds(60));
    CloudWatchLogsClient logs = clients(timeouts).client(TARGET, CloudWatchLogsClient.class);

    // Without the SDK's timeouts the call would wait for the 60 s socket timeout. The bound is generous because
    // the first call of a JVM also loads the SDK, which takes seconds on a busy machine.
    Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchFailure(logs::describeLogGroups));

    assertThat(thrown).isInstanceOfAny(ApiCallAttemptTimeoutException.class, ApiCallTimeoutException.class);
    Failure failure = FailureClassifier.classify(thrown);
    assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failure.reason()).isEqualTo(Reasons.AWS_TIMEOUT);
    assertThat(failure.message()).isEqualTo("AWS did not answer in time; the call was given up.");
    assertThat(failure.expected()).isTrue();
  }

  @Test
  void theSocketTimeoutEndsAWaitForAnAnswerThatNeverComes() throws IOException {
    pointAt(silentServer());
    var timeouts = new SdkAwsClients.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofMillis(500), Duration.ofMillis(300));
    CloudWatchLogsClient logs = clients(timeouts).client(TARGET, CloudWatchLogsClient.class);

    Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchFailure(logs::describeLogGroups));

    assertThat(thrown).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
    Failure failure = FailureClassifier.classify(thrown);
    assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failure.reason()).isEqualTo(Reasons.AWS_TIMEOUT);
    assertThat(failure.expected()).isTrue();
  }

  /**
   * What CloudWatch Logs answers a request signed by a clock more than 5 minutes off, and what the SDK does about
   * it with retries off: it still learns the offset from the answer's {@code Date}, so the same client signs the
   * next call right. This is why a clock-skew failure is retried rather than stalled.
   */
  @Test
  void aClockSkewAnswerIsReportedAsSuchAndTheNextCallOfTheSameClientIsSignedWithTheServersTime()
      throws IOException {
    Instant serverNow = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(serverNow.atOffset(ZoneOffset.UTC));
    RawHttpServer server = new RawHttpServer(List.of(
        new RawHttpServer.Answer(400, date, "{\"__type\":\"InvalidSignatureException\",\"message\":"
            + "\"Signature expired: 20250101T100000Z is now earlier than 20250101T105500Z (20250101T110000Z - 5 min.)\"}"),
        new RawHttpServer.Answer(200, date, "{\"logGroups\":[]}")));
    toClose.add(server);
    System.setProperty(ENDPOINT_PROPERTY, "http://127.0.0.1:" + server.port());
    CloudWatchLogsClient logs = clients(SdkAwsClients.Timeouts.DEFAULT).client(TARGET, CloudWatchLogsClient.class);

    Throwable skewed = catchFailure(logs::describeLogGroups);
    Failure failure = FailureClassifier.classify(skewed);
    assertThat(failure.reason()).isEqualTo(Reasons.CLOCK_SKEW);
    assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failure.stalls()).isFalse();
    assertThat(failure.message()).contains("clock").contains("time sync").doesNotContain("Request ID");

    assertThat(logs.describeLogGroups().logGroups()).isEmpty();
    Instant secondSignedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
        .parse(server.header(1, "X-Amz-Date"), Instant::from);
    assertThat(Duration.between(secondSignedAt, serverNow).abs()).isLessThan(Duration.ofMinutes(1));
  }

  private SdkAwsClients clients(SdkAwsClients.Timeouts timeouts) {
    SdkAwsClients clients = new SdkAwsClients(CREDENTIALS, timeouts);
    toClose.add(clients);
    return clients;
  }

  private void pointAt(ServerSocket server) {
    System.setProperty(ENDPOINT_PROPERTY, "http://127.0.0.1:" + server.getLocalPort());
  }

  /** Accepts connections and never answers: a hung load balancer or a black-holed endpoint. */
  private ServerSocket silentServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          accepted.add(server.accept());
        } catch (IOException closed) {
          return;
        }
      }
    }, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
    toClose.add(() -> {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    });
    return server;
  }

  private static Throwable catchFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the call was expected to fail");
  }
}
