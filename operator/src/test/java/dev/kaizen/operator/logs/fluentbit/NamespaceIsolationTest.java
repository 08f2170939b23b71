package dev.kaizen.operator.logs.fluentbit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.logs.fluentbit.PipelineSimulator.Delivery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs sample records through the rendered configuration (rewrite_tag + grep + outputs, simulated
 * in {@link PipelineSimulator}) and checks which ones reach which CloudWatch group.
 */
class NamespaceIsolationTest {

  private static final String CLUSTER_OUTPUT =
      "[OUTPUT]\n    Name              cloudwatch_logs\n    Match             kube.*\n"
          + "    region            eu-west-1\n    log_group_name    /cluster/default\n"
          + "    log_stream_prefix node.\n";

  static Map<String, Object> record(String namespace, Map<String, String> labels) {
    Map<String, Object> k8s = new HashMap<>();
    k8s.put("namespace_name", namespace);
    k8s.put("pod_name", "pod-1");
    k8s.put("container_name", "main");
    k8s.put("labels", labels);
    Map<String, Object> r = new HashMap<>();
    r.put("log", "hello");
    r.put("kubernetes", k8s);
    return r;
  }

  private static List<String> groupsReached(String config, Map<String, Object> record) {
    FluentBitConfig parsed = FluentBitConfigParser.parse(config);
    assertThat(parsed.problems()).isEmpty();
    return new PipelineSimulator(parsed)
        .run("kube.var.log.containers.pod-1_ns_main-abc.log", record).stream()
            .map(Delivery::output)
            .sorted()
            .toList();
  }

  @Test
  void theRuleAnchorsTheNamespaceExactly() {
    String rendered = FluentBitConfigRendererTest.render(FluentBitConfigRendererTest.oneLabel());
    assertThat(rendered).contains(
        "Rule                $kubernetes['namespace_name'] ^shop$ kaizen.shop,$kubernetes['labels']['app'] true");
    Pattern p = Pattern.compile("^shop$");
    assertThat(p.matcher("shop").find()).isTrue();
    for (String other : List.of("shop-2", "myshop", "shop\nx", "shopping", "sho", "xshop")) {
      assertThat(p.matcher(other).find()).as(other).isFalse();
    }
  }

  @Test
  void onlyTheRightNamespaceAndLabelsReachTheGroup() {
    String config = FluentBitConfigRendererTest.render(FluentBitConfigRendererTest.oneLabel()) + CLUSTER_OUTPUT;
    String shop = "cloudwatch_logs:/kaizen/shop/web";
    String cluster = "cloudwatch_logs:/cluster/default";

    assertThat(groupsReached(config, record("shop", Map.of("app", "web")))).containsExactly(cluster, shop);
    // same labels, other namespaces: never in shop's group
    assertThat(groupsReached(config, record("shop-2", Map.of("app", "web")))).containsExactly(cluster);
    assertThat(groupsReached(config, record("myshop", Map.of("app", "web")))).containsExactly(cluster);
    // right namespace, wrong or missing label
    assertThat(groupsReached(config, record("shop", Map.of("app", "web2")))).containsExactly(cluster);
    assertThat(groupsReached(config, record("shop", Map.of("app", "xweb")))).containsExactly(cluster);
    assertThat(groupsReached(config, record("shop", Map.of()))).containsExactly(cluster);
    // no kubernetes metadata at all
    assertThat(groupsReached(config, Map.of("log", "x"))).containsExactly(cluster);
  }

  @Test
  void severalPipelinesEachGetTheirOwnRecords() {
    String config =
        FluentBitConfigRendererTest.render(FluentBitConfigRendererTest.oneLabel(),
                FluentBitConfigRendererTest.severalLabels())
            + FluentBitConfigRendererTest.render(FluentBitConfigRendererTest.wholeNamespace());
    Map<String, String> api =
        Map.of("app.kubernetes.io/name", "web.shop", "tier", "front-end", "version", "v1.2.3-rc_1",
            "app", "web");
    assertThat(groupsReached(config, record("shop", api)))
        .containsExactly("cloudwatch_logs:/kaizen/shop/web", "cloudwatch_logs:/kaizen/shop/web-api");
    // '.' is escaped: webXshop does not match web.shop
    Map<String, String> almost = new HashMap<>(api);
    almost.put("app.kubernetes.io/name", "webXshop");
    assertThat(groupsReached(config, record("shop", almost)))
        .containsExactly("cloudwatch_logs:/kaizen/shop/web");
    // every pod of shop-2, whatever its labels, and only shop-2's
    assertThat(groupsReached(config, record("shop-2", Map.of("anything", "x"))))
        .containsExactly("cloudwatch_logs:/kaizen/shop-2/all");
    assertThat(groupsReached(config, record("shop-22", Map.of()))).isEmpty();
  }

  @Test
  void overlappingSelectorsInOneNamespaceEachGetTheRecordFromOneCopy() {
    String config = FluentBitConfigRenderer.render(FluentBitConfigRendererTest.shopNamespace(),
        FluentBitFormat.CLASSIC);
    Map<String, Object> record = record("shop", Map.of("app", "web", "team", "checkout", "env", "prod",
        "app.kubernetes.io/name", "web.shop", "tier", "front-end", "version", "v1.2.3-rc_1"));
    PipelineSimulator.Cost cost = new PipelineSimulator(FluentBitConfigParser.parse(config))
        .measure("kube.var.log.containers.pod-1_shop_main-abc.log", record);
    assertThat(cost.deliveries()).extracting(Delivery::output).containsExactlyInAnyOrder(
        "cloudwatch_logs:/kaizen/shop/web", "cloudwatch_logs:/kaizen/shop/web-api", "cloudwatch_logs:/shop/batch");
    assertThat(cost.copies()).isEqualTo(1);
    // the same record in YAML: same routing
    FluentBitConfig yaml = FluentBitYamlParser.parse(FluentBitConfigRenderer.render(
        FluentBitConfigRendererTest.shopNamespace(), FluentBitFormat.YAML));
    assertThat(new PipelineSimulator(yaml).run("kube.x", record)).extracting(Delivery::output)
        .containsExactlyInAnyOrderElementsOf(cost.deliveries().stream().map(Delivery::output).toList());
  }

  @Test
  void matchExpressionsFollowKubernetesSemantics() {
    String config = FluentBitConfigRendererTest.render(FluentBitConfigRendererTest.expressions());
    String group = "cloudwatch_logs:/shop/batch";
    Map<String, String> base = Map.of("team", "checkout", "env", "prod", "app", "a");
    assertThat(groupsReached(config, record("shop", base))).containsExactly(group);
    assertThat(groupsReached(config, record("shop", with(base, "env", "canary.eu")))).containsExactly(group);
    assertThat(groupsReached(config, record("shop", with(base, "env", "canaryXeu")))).isEmpty();
    assertThat(groupsReached(config, record("shop", with(base, "env", "stg")))).isEmpty();
    // NotIn: absent label passes, listed value is dropped, other value passes
    assertThat(groupsReached(config, record("shop", with(base, "track", "debug")))).isEmpty();
    assertThat(groupsReached(config, record("shop", with(base, "track", "debugger")))).containsExactly(group);
    // Exists app
    Map<String, String> noApp = new HashMap<>(base);
    noApp.remove("app");
    assertThat(groupsReached(config, record("shop", noApp))).isEmpty();
    // The routed tag cannot tell an empty value from an absent label (NamespaceRouting): Exists needs a value,
    // DoesNotExist accepts an empty one. Kubernetes would say the opposite for both.
    assertThat(groupsReached(config, record("shop", with(base, "app", "")))).isEmpty();
    assertThat(groupsReached(config, record("shop", with(base, "skip-logs", "")))).containsExactly(group);
    assertThat(groupsReached(config, record("shop", with(base, "skip-logs", "yes")))).isEmpty();
    assertThat(groupsReached(config, record("other", base))).isEmpty();
  }

  private static Map<String, String> with(Map<String, String> m, String k, String v) {
    Map<String, String> copy = new HashMap<>(m);
    copy.put(k, v);
    return copy;
  }
}
