package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.logs.fluentbit.FluentBitConfigParser;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.logs.fluentbit.FluentBitPipeline;
import dev.kaizen.operator.logs.fluentbit.FluentBitYamlParser;
import dev.kaizen.operator.logs.fluentbit.LabelRequirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** 500 pipelines across 50 namespaces: every namespace's file placed in its shard, every shard within 1 MiB. */
class FluentBitShardingTest {

  /** Ten services per namespace, with the selectors and names a real estate has. */
  static List<FluentBitPipeline> namespace(int n) {
    String namespace = "team-" + n + "-payments-eu";
    List<FluentBitPipeline> pipelines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String service = "service-" + i + "-checkout-api";
      pipelines.add(FluentBitPipeline.of(namespace, service,
              Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/part-of", "payments"), "eu-west-1",
              "/" + namespace + "/" + service)
          .withMatchExpressions(List.of(LabelRequirement.notIn("track", "canary", "debug")))
          .withLogStreamPrefix("k8s/"));
    }
    return pipelines;
  }

  @Test
  void fiveHundredPipelinesInFiftyNamespacesFitTheirShards() {
    for (FluentBitFormat format : FluentBitFormat.values()) {
      FluentBitShards shards = new FluentBitShards("logging", "kaizen-fluent-bit", 4, format);
      Map<String, Long> bytesByConfigMap = new TreeMap<>();
      long largestFile = 0;
      for (int n = 0; n < 50; n++) {
        List<FluentBitPipeline> pipelines = namespace(n);
        String namespace = pipelines.get(0).namespace();
        String key = FluentBitConfigRenderer.key(namespace, format);
        String file = FluentBitConfigRenderer.render(pipelines, format);
        assertThat(format == FluentBitFormat.YAML ? FluentBitYamlParser.check(file)
            : FluentBitConfigParser.check(file)).isEmpty();
        long bytes = key.length() + file.getBytes(StandardCharsets.UTF_8).length;
        largestFile = Math.max(largestFile, bytes);
        bytesByConfigMap.merge(shards.configMapFor(namespace), bytes, Long::sum);
      }
      long total = bytesByConfigMap.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("500 pipelines in 50 namespaces, %s: %d bytes in all, largest namespace file %d, by"
          + " ConfigMap %s%n", format, total, largestFile, bytesByConfigMap);
      assertThat(bytesByConfigMap.keySet()).hasSize(4);
      assertThat(bytesByConfigMap.values()).allMatch(bytes -> bytes <= FluentBitShards.MAX_DATA_BYTES);
    }
  }

  @Test
  void aNamespaceAlwaysLandsInTheSameShardAndShardsAreSpread() {
    FluentBitShards shards = new FluentBitShards("logging", "kaizen-fluent-bit", 4, FluentBitFormat.YAML);
    assertThat(shards.configMaps()).containsExactly("kaizen-fluent-bit-0", "kaizen-fluent-bit-1",
        "kaizen-fluent-bit-2", "kaizen-fluent-bit-3");
    assertThat(shards.configMapFor("shop")).isEqualTo(new FluentBitShards("logging", "kaizen-fluent-bit", 4,
        FluentBitFormat.CLASSIC).configMapFor("shop"));
    Map<String, Integer> counts = new TreeMap<>();
    for (int n = 0; n < 200; n++) {
      counts.merge(shards.configMapFor("ns-" + n), 1, Integer::sum);
    }
    assertThat(counts).hasSize(4);
    assertThat(counts.values()).allMatch(count -> count > 30);
    // One shard keeps the plain name (the layout before sharding).
    assertThat(new FluentBitShards("logging", "kaizen-fluent-bit", 1, FluentBitFormat.YAML).configMapFor("shop"))
        .isEqualTo("kaizen-fluent-bit");
  }
}
