package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.operator.core.reconcile.ReconcileLoop;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogEncoderTest {
  @Test
  void oneFlatJsonObjectPerLineWithTheResourceAsFields() throws Exception {
    var context = new LoggerContext();
    var logger = context.getLogger("dev.kaizen.operator.core.reconcile.ReconcileLoop");
    var event = new LoggingEvent(getClass().getName(), logger, Level.INFO, "applied {} change(s)",
        new IllegalStateException("boom"), new Object[] {2});
    event.setMDCPropertyMap(Map.of(ReconcileLoop.MDC_KIND, "LogPipeline", ReconcileLoop.MDC_NAMESPACE, "shop",
        ReconcileLoop.MDC_NAME, "web"));
    var encoder = new JsonLogEncoder();
    encoder.setContext(context);
    encoder.start();

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("message").asText()).isEqualTo("applied 2 change(s)");
    assertThat(json.get("kind").asText()).isEqualTo("LogPipeline");
    assertThat(json.get("namespace").asText()).isEqualTo("shop");
    assertThat(json.get("name").asText()).isEqualTo("web");
    assertThat(json.get("exception").asText()).contains("IllegalStateException: boom");
    assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }
}
