package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.testing.LogPipelines;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Many pipelines on one small quota: PutMetricAlarm is 3 requests/s per account and region, of which the operator
 * allows itself 1.5/s with a burst of one. Each reconcile calls AWS as one caller, so a pipeline refused a token
 * keeps its place in line and is served in turn, and a busy pipeline (many alarms) cannot starve the others.
 */
class LogPipelineFairQuotaTest {
  private static final int LIGHT = 12;
  private static final int BUSY_ALARMS = 10;

  private static LogPipeline light(int i) {
    return logPipeline("shop", "light" + i).retentionDays(30).metricFilter("errors", "ERROR", 1.0).build();
  }

  private static LogPipeline busy() {
    LogPipelines busy = logPipeline("shop", "busy").retentionDays(30);
    for (int i = 0; i < BUSY_ALARMS; i++) {
      busy.metricFilter("errors-" + i, "ERROR" + i, 1.0);
    }
    return busy.build();
  }

  private static boolean inSync(LogPipeline pipeline) {
    return pipeline.getStatus() != null && Conditions.find(pipeline.getStatus().getConditions(), Conditions.READY)
        .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent();
  }

  private static Map<String, Long> callsPerOperation(OperatorHarness harness) {
    return java.util.stream.Stream.concat(harness.logs().calls().stream(), harness.cloudWatch().calls().stream())
        .collect(java.util.stream.Collectors.groupingBy(c -> c.operation(), TreeMap::new,
            java.util.stream.Collectors.counting()));
  }

  @Test
  void everyPipelineOnASmallSharedQuotaConvergesInTurn() {
    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
      var pipelines = harness.client().resources(LogPipeline.class).inNamespace("shop");
      long start = System.nanoTime();
      pipelines.resource(busy()).create();
      for (int i = 0; i < LIGHT; i++) {
        pipelines.resource(light(i)).create();
      }

      // When each pipeline was first seen Ready (InSync), in ms since the first was created.
      Map<String, Long> readyAt = new ConcurrentHashMap<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
        long now = (System.nanoTime() - start) / 1_000_000;
        pipelines.list().getItems().stream().filter(LogPipelineFairQuotaTest::inSync)
            .forEach(p -> readyAt.putIfAbsent(p.getMetadata().getName(), now));
        return readyAt.size() == LIGHT + 1;
      });

      Map<String, Long> lights = new TreeMap<>(readyAt);
      long busyAt = lights.remove("busy");
      long first = lights.values().stream().mapToLong(Long::longValue).min().orElseThrow();
      long last = lights.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("PutMetricAlarm at 1.5/s: %d light pipelines Ready from %d ms to %d ms (spread %d ms),"
          + " the busy one (%d alarms) at %d ms; PutMetricAlarm calls %d%n", LIGHT, first, last, last - first,
          BUSY_ALARMS, busyAt, harness.cloudWatch().calls("PutMetricAlarm").size());
      System.out.println("calls per operation: " + callsPerOperation(harness));

      // 22 alarms at 1.5/s take about 15 s whoever goes first (and 13 retentions, 22 filters at 2.5/s before
      // them). None starved: every light pipeline is Ready within twice that of the first, not after the busy one
      // has had all its turns.
      assertThat(last - first).as("spread of the light pipelines' Ready times (ms)").isLessThan(30_000);
    }
  }
}
