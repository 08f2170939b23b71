package dev.kaizen.operator.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kaizen.operator.core.metrics.KaizenMetrics.Outcome;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard and alert rules under deploy/monitoring/ name only metrics the operator exports. */
class MonitoringAssetsTest {
  private static final Path MONITORING = Path.of("..", "deploy", "monitoring");
  private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "and", "or", "unless", "bool", "offset", "le", "inf", "nan",
      // aggregation operators, which may stand before "by (...)" rather than "(":
      "sum", "min", "max", "avg", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile",
      "count_values", "limitk", "limit_ratio");

  /** Every metric the operator exports, each made to produce a sample by doing what it counts. */
  static Set<String> exportedSampleNames() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new KaizenMetrics(registry, Clock.systemUTC());
    ResourceTracker tracker = metrics.kind("LogPipeline");
    tracker.update("uid", List.of(new ConditionBuilder().withType("Ready").withStatus("True").build()), true);
    metrics.reconciled("LogPipeline", Outcome.IN_SYNC, Duration.ofMillis(20));
    metrics.awsCall("logs", "DescribeLogGroups", "success", Duration.ofMillis(30));
    metrics.awsCall("logs", "CreateLogGroup", "throttled", Duration.ofMillis(30));
    metrics.rateLimitWait("logs", "PutRetentionPolicy", Duration.ofMillis(400));
    metrics.driftCorrected("LogPipeline");
    metrics.event("LogPipeline", "Normal", "Created");
    metrics.listing("CloudWatchLogs", "DescribeLogGroups", "eu-west-1", new Object(), listing -> 700, listing -> 1);
    metrics.listingPage("CloudWatchLogs", "DescribeLogGroups");
    metrics.listingPass("CloudWatchLogs", "DescribeLogGroups", Duration.ofSeconds(16));
    Set<String> names = new TreeSet<>();
    for (String line : registry.scrape().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  @Test
  void theOperatorExportsTheDocumentedMetrics() {
    assertThat(exportedSampleNames()).contains(
        "kaizen_reconcile_duration_seconds_count", "kaizen_reconcile_duration_seconds_bucket",
        "kaizen_aws_calls_total", "kaizen_aws_call_duration_seconds_bucket", "kaizen_rate_limit_wait_seconds_count",
        "kaizen_drift_corrections_total", "kaizen_events_total", "kaizen_resources",
        "kaizen_last_successful_sync_age_seconds", "kaizen_leader", "kaizen_listing_age_seconds",
        "kaizen_listing_behind", "kaizen_listing_pages_total", "kaizen_listing_pass_duration_seconds_count");
  }

  @Test
  void everyMetricTheDashboardAndRulesNameIsExported() throws Exception {
    List<String> expressions = new ArrayList<>();
    collectExpressions(new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile()), expressions);
    int fromDashboard = expressions.size();
    collectExpressions(new YAMLMapper().readTree(MONITORING.resolve("prometheus-rules.yaml").toFile()), expressions);
    assertThat(fromDashboard).isGreaterThan(10);
    assertThat(expressions.size() - fromDashboard).isEqualTo(6);

    Set<String> named = new TreeSet<>();
    expressions.forEach(e -> named.addAll(metricNames(e)));
    assertThat(named).isNotEmpty().allMatch(n -> n.startsWith("kaizen_"));
    assertThat(exportedSampleNames()).containsAll(named);
  }

  @Test
  void metricNamesAreFoundInPromQl() {
    assertThat(metricNames("histogram_quantile(0.95, sum by (le, kind) (rate(kaizen_x_bucket{kind=~\"a|b\"}[5m])))"
        + " / on (kind) group_left kaizen_y > 0 or absent(kaizen_z)"))
        .containsExactlyInAnyOrder("kaizen_x_bucket", "kaizen_y", "kaizen_z");
  }

  private static void collectExpressions(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        if (field.getKey().equals("expr") && field.getValue().isTextual()) {
          out.add(field.getValue().asText());
        } else if (field.getKey().equals("query") && field.getValue().isTextual()
            && field.getValue().asText().startsWith("label_values(")) {
          out.add(field.getValue().asText().replaceFirst("label_values\\(([a-z_]+).*", "$1"));
        } else {
          collectExpressions(field.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectExpressions(child, out));
    }
  }

  /** Identifiers of a PromQL expression that are metric names: not functions, keywords, labels or durations. */
  static Set<String> metricNames(String promql) {
    String stripped = promql
        .replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")          // strings
        .replaceAll("\\{[^}]*}", "")                      // label matchers
        .replaceAll("\\[[^]]*]", "")                      // ranges
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "$1");
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(stripped);
    while (m.find()) {
      String token = m.group();
      if (token.endsWith("(")) {
        continue;   // a function
      }
      if (!PROMQL_WORDS.contains(token.toLowerCase())) {
        names.add(token);
      }
    }
    return names;
  }
}
