package dev.kaizen.operator.core.reconcile;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The loop's events and INFO lines are made from what the applied changes did, not from their names. */
class ChangeEventsOperatorTest {
  private static final String NS = "shop";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final OperatorHarness harness = new OperatorHarness();
  private final Logger loopLog = (Logger) LoggerFactory.getLogger(ReconcileLoop.class);
  private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();

  @AfterEach
  void stop() {
    loopLog.detachAppender(logLines);
    harness.close();
  }

  private List<String> eventReasons() {
    return harness.events(NS, "web").stream().map(Event::getReason).toList();
  }

  @Test
  void creatingSomethingBesideAnExistingGroupIsAnUpdateOfThePipeline() {
    logLines.start();
    loopLog.addAppender(logLines);
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS)
        .resource(logPipeline(NS, "web").retentionDays(30).build()).create();
    harness.awaitReady(NS, "web");
    assertThat(eventReasons()).containsExactly("Created");

    // The new metric filter is created in AWS, but the pipeline (its log group) already existed.
    var withFilter = logPipeline(NS, "web").retentionDays(30).metricFilter("errors", "ERROR", null).build();
    OperatorHarness.edit(harness.logPipeline(NS, "web"), p -> {
      p.setSpec(withFilter.getSpec());
      return p;
    });

    await().atMost(WAIT).until(() -> eventReasons().contains("Updated"));
    assertThat(eventReasons()).containsExactly("Created", "Updated");
    assertThat(harness.events(NS, "web")).filteredOn(e -> "Updated".equals(e.getReason())).singleElement()
        .extracting(Event::getMessage).isEqualTo("PutMetricFilter /shop/web kaizen/errors: absent.");
    assertThat(logLines.list).extracting(ILoggingEvent::getFormattedMessage)
        .contains("LogPipeline shop/web: applied CreateLogGroup /shop/web: absent (CREATED)",
            "LogPipeline shop/web: applied PutMetricFilter /shop/web kaizen/errors: absent (CREATED)");
  }
}
