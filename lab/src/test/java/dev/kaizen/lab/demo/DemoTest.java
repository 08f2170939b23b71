package dev.kaizen.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's wiring, headless, on the examples: what a newcomer's `./kaizen demo` must show, asserted. */
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
  void logPipelinesConvergeTheirDriftIsCorrectedAndAForeignGroupIsRefused() {
    try (DemoWorld world = new DemoWorld(DemoWorld.Timings.DEMO)) {
      assertThat(world.read(List.of(EXAMPLES.resolve("admin"), EXAMPLES.resolve("awsaccount.yaml"),
          EXAMPLES.resolve("logpipeline.yaml")))).isEmpty();
      world.prepare();
      Lines out = new Lines();
      DemoReport report = new Demo(world, out, Demo.Limits.DEFAULT).run(true);
      System.out.println(String.join("\n", out.lines));
      System.out.println(String.join("\n", Demo.summary(report)));

      assertThat(report.settled()).isTrue();
      assertThat(report.state("LogPipeline/shop/web")).hasValueSatisfying(s -> assertThat(s.ready()).isTrue());
      assertThat(report.state("LogPipeline/shop/payments-legacy")).hasValueSatisfying(s -> {
        assertThat(s.planPending()).isTrue();
        assertThat(s.plan()).isNotEmpty();
      });
      assertThat(report.drift()).extracting(Drift.Injected::resourceId).contains("LogPipeline/shop/web");
      assertThat(report.corrected()).containsKey("LogPipeline/shop/web");
      assertThat(report.corrected().get("LogPipeline/shop/web")).contains("PutRetentionPolicy /shop/web: 1 days -> 30 days");
      assertThat(report.foreign()).hasValueSatisfying(s -> {
        assertThat(s.stalled()).isTrue();
        assertThat(s.reason()).isEqualTo("NameConflict");
      });
      assertThat(report.foreignUntouched()).isTrue();
      // The group the operator does own got its retention back (a positive control for the untouched one).
      assertThat(world.aws().logs("210987654321", software.amazon.awssdk.regions.Region.EU_WEST_1)
          .group("/shop/web").orElseThrow().retentionInDays()).isEqualTo(30);
    }
  }
}
