package dev.kaizen.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.manifest.Manifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The demo's wiring, headless, on examples/: what a newcomer's `./kaizen demo` shows, asserted — every Apply-mode
 * example Ready, the Plan-mode one PlanPending with its plan, each drift corrected with a DriftCorrected Event, the
 * hand-made log group untouched and the resource that collides with it Stalled NameConflict.
 */
class DemoTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  /** Keeps the lines, as the plain display would print them. */
  static final class Lines implements Demo.Output {
    final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void activity(String line) {
      lines.add(line);
    }

    @Override
    public void snapshot(List<ResourceState> states, Map<String, Long> callsByService, Duration elapsed) {}
  }

  @Test
  void theExamplesConvergeDriftIsCorrectedAndAForeignGroupIsRefused() {
    try (DemoWorld world = new DemoWorld(DemoWorld.Timings.DEMO)) {
      assertThat(world.read(List.of(EXAMPLES))).isEmpty();
      world.prepare();
      Lines out = new Lines();
      DemoReport report = new Demo(world, out, Demo.Limits.DEFAULT).run(true);
      System.out.println(String.join("\n", out.lines));
      System.out.println(String.join("\n", Demo.summary(report)));

      assertThat(report.settled()).as("every resource settled").isTrue();
      assertThat(world.resources()).extracting(Manifest::kind).contains("AwsAccount", "LogPipeline", "MailRoute",
          "CronJobSet", "SolrCluster");
      for (Manifest example : world.resources()) {
        String id = example.kind() + "/" + (example.namespace() == null ? "" : example.namespace() + "/")
            + example.name();
        boolean planMode = "Plan".equals(example.object().path("spec").path("mode").asText());
        assertThat(report.state(id)).as(id).hasValueSatisfying(s -> {
          if (planMode) {
            assertThat(s.planPending()).as(id + " PlanPending").isTrue();
            assertThat(s.plan()).as(id + " plan").isNotEmpty();
          } else {
            assertThat(s.ready()).as(id + " Ready, not " + s.state() + " " + s.reason() + " " + s.message())
                .isTrue();
          }
        });
      }
      assertThat(report.state("LogPipeline/shop/payments-legacy").orElseThrow().plan())
          .anySatisfy(change -> assertThat(change).contains("CreateLogGroup /legacy/payments"));

      assertThat(report.drift()).extracting(Drift.Injected::resourceId).contains("LogPipeline/shop/web",
          "MailRoute/shop/shop", "CronJobSet/shop/shop-batch", "CronJobSet/shop/billing-batch",
          "SolrCluster/search/products");
      assertThat(report.corrected().get("SolrCluster/search/products")).contains("ModifyListener");
      assertThat(report.corrected()).as("DriftCorrected Events").containsOnlyKeys(
          report.drift().stream().map(Drift.Injected::resourceId).toArray(String[]::new));
      assertThat(report.corrected().get("LogPipeline/shop/web"))
          .contains("PutRetentionPolicy /shop/web: 1 days -> 30 days");
      assertThat(report.corrected().get("MailRoute/shop/shop")).contains("CREATE CNAME").contains("_domainkey");

      assertThat(report.foreign()).hasValueSatisfying(s -> {
        assertThat(s.stalled()).isTrue();
        assertThat(s.reason()).isEqualTo("NameConflict");
      });
      assertThat(report.foreignUntouched()).isTrue();
      // A positive control for "untouched": the group the operator owns did get its retention back.
      assertThat(world.aws().logs("210987654321", Region.EU_WEST_1).group("/shop/web").orElseThrow()
          .retentionInDays()).isEqualTo(30);
      assertThat(report.callsByService()).containsKeys("CloudWatchLogs", "SesV2", "Route53", "Scheduler",
          "ElasticLoadBalancingV2", "AutoScaling");
    }
  }
}
