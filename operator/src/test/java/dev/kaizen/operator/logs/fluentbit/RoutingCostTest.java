package dev.kaizen.operator.logs.fluentbit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.logs.fluentbit.PipelineSimulator.Cost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records processed per input record, at 1, 10 and 100 pipelines in one namespace. */
class RoutingCostTest {
  private static final String INPUT_TAG = "kube.var.log.containers.pod-1_shop_main-abc.log";

  static List<FluentBitPipeline> pipelines(int count) {
    List<FluentBitPipeline> pipelines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pipelines.add(FluentBitPipeline.of("shop", "svc-" + i, Map.of("app", "svc-" + i), "eu-west-1",
          "/shop/svc-" + i));
    }
    return pipelines;
  }

  static Cost cost(int pipelines, String namespace) {
    String config = FluentBitConfigRenderer.render(pipelines(pipelines), FluentBitFormat.CLASSIC);
    FluentBitConfig parsed = FluentBitConfigParser.parse(config);
    assertThat(parsed.problems()).isEmpty();
    return new PipelineSimulator(parsed).measure(INPUT_TAG,
        NamespaceIsolationTest.record(namespace, Map.of("app", "svc-0")));
  }

  /**
   * The figures (also printed): one filter step and one copy per record of the namespace, one write per group it
   * goes to, whatever the number of pipelines; a record of another namespace costs one rule check per namespace
   * with pipelines. Measured before the restructure (one rewrite_tag per pipeline, grep on each copy): a record of
   * the namespace cost 3 / 21 / 201 processings and 1 / 10 / 100 copies at 1 / 10 / 100 pipelines, one of another
   * namespace 1 / 10 / 100.
   */
  @Test
  void theCostPerRecordDoesNotGrowWithThePipelinesOfTheNamespace() {
    for (int n : List.of(1, 10, 100)) {
      Cost own = cost(n, "shop");
      Cost other = cost(n, "other");
      System.out.println("routing, " + n + " pipelines in one namespace: a record of the namespace processed "
          + own.processed() + " times, copied " + own.copies() + " times, delivered " + own.deliveries().size()
          + " times; a record of another namespace processed " + other.processed() + " times");
      assertThat(own.processed()).as("rewrite + one write, at %d pipelines", n).isEqualTo(2);
      assertThat(own.copies()).isEqualTo(1);
      assertThat(own.deliveries()).extracting(PipelineSimulator.Delivery::output)
          .containsExactly("cloudwatch_logs:/shop/svc-0");
      assertThat(other.processed()).isEqualTo(1);
      assertThat(other.deliveries()).isEmpty();
    }
  }

  @Test
  void aRecordSelectedBySeveralPipelinesIsStillCopiedOnce() {
    List<FluentBitPipeline> pipelines = new ArrayList<>(pipelines(10));
    pipelines.add(FluentBitPipeline.of("shop", "everything", Map.of(), "eu-west-1", "/shop/everything"));
    FluentBitConfig parsed = FluentBitYamlParser.parse(FluentBitConfigRenderer.render(pipelines,
        FluentBitFormat.YAML));
    Cost cost = new PipelineSimulator(parsed).measure(INPUT_TAG,
        NamespaceIsolationTest.record("shop", Map.of("app", "svc-3")));
    assertThat(cost.copies()).isEqualTo(1);
    assertThat(cost.deliveries()).extracting(PipelineSimulator.Delivery::output)
        .containsExactlyInAnyOrder("cloudwatch_logs:/shop/svc-3", "cloudwatch_logs:/shop/everything");
    assertThat(cost.processed()).isEqualTo(3);
  }
}
