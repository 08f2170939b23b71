package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a failure looks like in the operator's log: stack traces only for what nobody expected. */
class FailureLogTest {
  private final Logger log = (Logger) LoggerFactory.getLogger("dev.kaizen.test.FailureLogTest");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void capture() {
    log.setLevel(Level.DEBUG);
    appender.start();
    log.addAppender(appender);
  }

  @AfterEach
  void release() {
    log.detachAppender(appender);
  }

  @Test
  void ourOwnRateLimiterIsARoutineDebugLineWithoutStackTrace() {
    var limited = new RateLimitedException("DescribeLogGroups", Duration.ofMillis(120));
    FailureClassifier.classify(limited).log(log, "LogPipeline shop/web", limited);

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void anExpectedFailureIsOneInfoLineWithoutStackTrace() {
    var forbidden = new KubernetesClientException("Failure executing: GET ...", 403, new StatusBuilder()
        .withMessage("configmaps \"x\" is forbidden: User \"u\" cannot get resource \"configmaps\" in API group \"\""
            + " in the namespace \"logging\"").build());
    FailureClassifier.classify(forbidden).log(log, "LogPipeline shop/web", forbidden);

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getThrowableProxy()).isNull();
      assertThat(event.getFormattedMessage()).isEqualTo("LogPipeline shop/web: Kubernetes refused the operator's"
          + " service account: configmaps \"x\" is forbidden: User \"u\" cannot get resource \"configmaps\" in API"
          + " group \"\" in the namespace \"logging\".");
    });
  }

  @Test
  void anUnexpectedFailureIsAWarningWithItsStackTrace() {
    var bug = new NullPointerException("status.logGroup");
    FailureClassifier.classify(bug).log(log, "LogPipeline shop/web", bug);

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getThrowableProxy()).isNotNull();
      assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
    });
  }
}
