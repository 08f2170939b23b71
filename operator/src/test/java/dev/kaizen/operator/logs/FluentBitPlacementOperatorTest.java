package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A namespace file that does not fit its ConfigMap: Stalled with the reason, nothing written, not retried. */
class FluentBitPlacementOperatorTest {
  private static final String NS = "shop";
  private static final String FOREIGN_KEY = "platform-parsers.conf";

  private final OperatorHarness harness = new OperatorHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  private long reconciles() {
    return Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("kind", LogPipeline.KIND).timers().stream().mapToLong(t -> t.count()).sum();
  }

  private void foreignKeyOf(int bytes) {
    OperatorHarness.edit(harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
        .withName(OperatorHarness.FLUENT_BIT_CONFIGMAP), c -> {
          c.getData().put(FOREIGN_KEY, "#".repeat(bytes));
          return c;
        });
  }

  @Test
  void aPipelineThatCannotBePlacedIsStalledUntilItsSpecChanges() {
    harness.client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
        .withName(OperatorHarness.FLUENT_BIT_NAMESPACE).endMetadata().build()).create();
    // Someone else's key leaves less room than one small file needs.
    harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE).resource(new ConfigMapBuilder()
        .withNewMetadata().withName(OperatorHarness.FLUENT_BIT_CONFIGMAP).endMetadata()
        .withData(Map.of(FOREIGN_KEY, "#".repeat(1024 * 1024 - 500))).build()).create();
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    harness.client().resources(LogPipeline.class).inNamespace(NS)
        .resource(logPipeline(NS, "web").retentionDays(30).pods("app", "web").build()).create();

    LogPipeline stalled = harness.awaitCondition(NS, "web", Conditions.STALLED, "True", Reasons.INVALID_SPEC, 1);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("logging/kaizen-fluent-bit shop.yaml cannot be placed", "over Kubernetes' limit of 1048576",
            "--fluent-bit-shards");
    assertThat(harness.fluentBitConfig("shop.yaml")).isEmpty();
    // Not retried: a few seconds later (backoff is 200 ms in these timings) nothing more was tried.
    long after = reconciles();
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(reconciles()).isLessThanOrEqualTo(after + 1);
    assertThat(harness.fluentBitConfig("shop.yaml")).isEmpty();

    // Positive control: room is made and the spec changes; the pipeline is placed.
    foreignKeyOf(10);
    OperatorHarness.edit(harness.logPipeline(NS, "web"), p -> {
      p.getSpec().getLogGroup().setRetentionDays(60);
      return p;
    });
    harness.awaitReadyAt(NS, "web", 2);
    assertThat(harness.fluentBitConfig("shop.yaml")).get().asString().contains("kaizen.shop.web");
  }
}
