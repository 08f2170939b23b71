package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthServerTest {
  private static final String METRICS = "# TYPE kaizen_up gauge\nkaizen_up 1.0\n";

  /** The JDK's HTTP server logs through System.Logger, which is java.util.logging here (no bridge). */
  private final Logger jdkServerLog = Logger.getLogger("com.sun.net.httpserver");
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final HttpClient http = HttpClient.newHttpClient();
  private HealthServer server;

  @BeforeEach
  void start() throws Exception {
    jdkServerLog.addHandler(capture);
    server = new HealthServer(0, () -> true, () -> METRICS);
  }

  @AfterEach
  void stop() {
    server.close();
    jdkServerLog.removeHandler(capture);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/healthz", "/readyz"})
  void headAnswersHeadersOnlyWithoutAWarning(String path) throws Exception {
    HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri(path))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
  }

  @Test
  void getStillAnswersTheBody() throws Exception {
    HttpResponse<byte[]> get = send(HttpRequest.newBuilder(uri("/metrics")).GET().build());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(new String(get.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(METRICS);
    assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/plain; version=0.0.4"));
  }

  @Test
  void notReadyIs503() throws Exception {
    try (HealthServer notReady = new HealthServer(0, () -> false)) {
      HttpResponse<byte[]> get = send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + notReady.port() + "/readyz")).GET().build());
      assertThat(get.statusCode()).isEqualTo(503);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
