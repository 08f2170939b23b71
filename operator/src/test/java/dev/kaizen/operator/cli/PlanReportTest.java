package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.cli.PlanReport.PlannedChange;
import dev.kaizen.operator.cli.PlanReport.ResourcePlan;
import dev.kaizen.operator.cli.PlanReport.Stall;
import dev.kaizen.operator.core.FieldChange;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exit codes and the renderers' rules, on plain values. */
class PlanReportTest {
  private static PlannedChange change(int i) {
    return new PlannedChange("PutMetricFilter", "/shop/web kaizen/f" + i, "UPDATE", "pattern a -> b",
        List.of(new FieldChange("pattern", "a", "b")));
  }

  private static ResourcePlan resource(String name, int changes, Optional<Stall> stall, Optional<String> error) {
    return new ResourcePlan("LogPipeline", "shop", name, "log group /shop/" + name, false,
        IntStream.range(0, changes).mapToObj(PlanReportTest::change).toList(), stall, error);
  }

  private static PlanReport report(ResourcePlan... resources) {
    return new PlanReport(Optional.empty(), List.of(), Optional.empty(), List.of("note"), List.of(resources));
  }

  private static final Optional<Stall> STALL = Optional.of(new Stall("NameConflict", "taken"));

  @Test
  void detailedExitCodesSayNothingChangesStallsOrErrors() {
    assertThat(report(resource("a", 0, Optional.empty(), Optional.empty())).exitCode(true)).isEqualTo(0);
    assertThat(report(resource("a", 2, Optional.empty(), Optional.empty())).exitCode(true)).isEqualTo(2);
    assertThat(report(resource("a", 2, Optional.empty(), Optional.empty()), resource("b", 0, STALL,
        Optional.empty())).exitCode(true)).isEqualTo(3);
    assertThat(report(resource("a", 0, STALL, Optional.empty()), resource("b", 0, Optional.empty(),
        Optional.of("CloudWatch Logs DescribeLogGroups failed"))).exitCode(true)).isEqualTo(1);
    // Without the option: planned is 0, stalls and changes included; an error is still 1.
    assertThat(report(resource("a", 2, STALL, Optional.empty())).exitCode(false)).isEqualTo(0);
    assertThat(report(resource("b", 0, Optional.empty(), Optional.of("x"))).exitCode(false)).isEqualTo(1);
  }

  @Test
  void theSummaryCountsStallsAndErrors() {
    assertThat(report(resource("a", 2, Optional.empty(), Optional.empty()), resource("b", 0, STALL,
        Optional.empty()), resource("c", 0, Optional.empty(), Optional.of("x"))).summary())
        .isEqualTo("3 resource(s), 2 change(s), 1 stall(s), 1 error(s).");
  }

  @Test
  void markdownCollapsesLongResourcesOnly() {
    String md = MarkdownPlanRenderer.render(report(resource("short", MarkdownPlanRenderer.OPEN_CHANGES,
        Optional.empty(), Optional.empty()), resource("long", MarkdownPlanRenderer.OPEN_CHANGES + 1,
        Optional.empty(), Optional.empty())));

    assertThat(md).containsOnlyOnce("<details><summary>6 changes</summary>");
    assertThat(md.substring(md.indexOf("### 📝 LogPipeline shop/long"))).contains("<details>");
    assertThat(md.substring(0, md.indexOf("### 📝 LogPipeline shop/long"))).doesNotContain("<details>");
  }

  @Test
  void markdownEscapesReasonsAndFencesBackticks() {
    var tricky = new PlannedChange("PutMetricFilter", "/shop/web kaizen/`x`", "UPDATE", "pattern <b>*x*</b> -> y",
        List.of());
    String md = MarkdownPlanRenderer.render(report(new ResourcePlan("LogPipeline", "shop", "web", "log group /shop/web",
        false, List.of(tricky), Optional.empty(), Optional.empty())));

    assertThat(md).contains("- `` PutMetricFilter /shop/web kaizen/`x` ``: pattern &lt;b>\\*x\\*&lt;/b> -> y");
  }

  @Test
  void jsonAlwaysHasEveryFieldWithNullForUnknown() {
    var created = new PlannedChange("CreateLogGroup", "/x", "CREATE", "absent", List.of(
        new FieldChange("retentionDays", null, "30")));
    String json = JsonPlanRenderer.render(report(new ResourcePlan("Gadget", null, "g", "gadget g", true,
        List.of(created), Optional.empty(), Optional.empty())));

    assertThat(json).contains("\"account\" : null", "\"clusterId\" : null", "\"namespace\" : null",
        "\"mode\" : \"Plan\"", "\"effect\" : \"Create\"", "\"old\" : null", "\"new\" : \"30\"", "\"stall\" : null",
        "\"error\" : null", "\"status\" : \"Changes\"", "\"schemaVersion\" : 1");
  }

  @Test
  void aFieldChangeQuotesOnlyWhatCouldBeMisread() {
    assertThat(new FieldChange("pattern", "ERROR", "?ERROR ?WARN").describe())
        .isEqualTo("pattern ERROR -> \"?ERROR ?WARN\"");
    assertThat(new FieldChange("pattern", "", "\"a\"").describe()).isEqualTo("pattern \"\" -> \"\\\"a\\\"\"");
    assertThat(new FieldChange("role", "arn:a", null).describe()).isEqualTo("role arn:a -> absent");
  }
}
