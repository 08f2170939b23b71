package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.testing.OperatorHarness;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.logGroup} is optional in the CRD; the operator must agree: a manifest without it, as applied (the mock
 * server does not fill in schema defaults, so this is also what an operator sees from an older API object), gets
 * the defaulted group.
 */
class LogPipelineWithoutLogGroupTest {
  private final OperatorHarness harness = new OperatorHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aPipelineWithoutLogGroupOwnsItsDefaultGroup() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    String manifest = """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec: {region: eu-west-1}
        """;
    harness.client().resources(LogPipeline.class).inNamespace("shop")
        .load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).create();

    LogPipeline ready = harness.awaitReady("shop", "web");

    assertThat(ready.getStatus().getLogGroup().getName()).isEqualTo("/shop/web");
    var group = harness.logs().group("/shop/web").orElseThrow();
    assertThat(group.retentionInDays()).isNull();
    assertThat(group.tags()).containsEntry(OwnerTags.OWNER, "shop/LogPipeline/web");
  }
}
