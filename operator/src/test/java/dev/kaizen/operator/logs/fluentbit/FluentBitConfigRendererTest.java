package dev.kaizen.operator.logs.fluentbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FluentBitConfigRendererTest {

  /** Set -Dfluentbit.updateGoldens=true to rewrite the golden files from the renderer. */
  private static final boolean UPDATE = Boolean.getBoolean("fluentbit.updateGoldens");

  static FluentBitPipeline oneLabel() {
    return FluentBitPipeline.of("shop", "web", Map.of("app", "web"), "eu-west-1", "/kaizen/shop/web");
  }

  static FluentBitPipeline severalLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("tier", "front-end");
    labels.put("app.kubernetes.io/name", "web.shop");
    labels.put("version", "v1.2.3-rc_1");
    return FluentBitPipeline.of("shop", "web.api", labels, "eu-west-1", "/kaizen/shop/web-api")
        .withLogStreamPrefix("api/");
  }

  static FluentBitPipeline wholeNamespace() {
    return FluentBitPipeline.of("shop-2", "all", Map.of(), "us-east-1", "/kaizen/shop-2/all");
  }

  static FluentBitPipeline expressions() {
    return FluentBitPipeline.of("shop", "batch", Map.of("team", "checkout"), "eu-west-1", "/shop/batch")
        .withMatchExpressions(
            List.of(
                LabelRequirement.in("env", "prod", "canary.eu"),
                LabelRequirement.notIn("track", "debug"),
                LabelRequirement.exists("app"),
                LabelRequirement.doesNotExist("skip-logs")))
        .withInputTagMatch("kube.var.log.containers.*");
  }

  @Test
  void oneLabelMatchesGolden() throws IOException {
    assertGolden("one-label.conf", oneLabel());
  }

  @Test
  void severalLabelsMatchGolden() throws IOException {
    assertGolden("several-labels.conf", severalLabels());
  }

  @Test
  void emptySelectorMatchesGolden() throws IOException {
    assertGolden("whole-namespace.conf", wholeNamespace());
  }

  @Test
  void matchExpressionsMatchGolden() throws IOException {
    assertGolden("match-expressions.conf", expressions());
  }

  @Test
  void renderingIsDeterministic() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("b", "2");
    a.put("a", "1");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("a", "1");
    b.put("b", "2");
    String first = FluentBitConfigRenderer.render(FluentBitPipeline.of("ns", "x", a, "eu-west-1", "/g"));
    String second = FluentBitConfigRenderer.render(FluentBitPipeline.of("ns", "x", b, "eu-west-1", "/g"));
    assertThat(first).isEqualTo(second);
    assertThat(FluentBitConfigRenderer.render(severalLabels()))
        .isEqualTo(FluentBitConfigRenderer.render(severalLabels()));
  }

  @Test
  void everyRenderingPassesTheChecker() {
    for (FluentBitPipeline p : List.of(oneLabel(), severalLabels(), wholeNamespace(), expressions())) {
      assertThat(FluentBitConfigParser.check(FluentBitConfigRenderer.render(p))).isEmpty();
    }
  }

  @Test
  void snippetsOfSeveralPipelinesTogetherStayValid() {
    String all =
        FluentBitConfigRenderer.render(oneLabel())
            + FluentBitConfigRenderer.render(severalLabels())
            + FluentBitConfigRenderer.render(wholeNamespace());
    assertThat(FluentBitConfigParser.check(all)).isEmpty();
  }

  @Test
  void regexEscapingKeepsValuesLiteral() {
    String nasty = "a.b*c+d?e(f)g[h]i{j}k|l^m$n\\o/p";
    String regex = FluentBitConfigRenderer.anchored(nasty);
    assertThat(Pattern.compile(regex).matcher(nasty).find()).isTrue();
    assertThat(Pattern.compile(regex).matcher("aXb*c+d?e(f)g[h]i{j}k|l^m$n\\o/p").find()).isFalse();
    assertThat(FluentBitConfigRenderer.anchored("web.shop")).isEqualTo("^web\\.shop$");
    assertThat(Pattern.compile(FluentBitConfigRenderer.anchored("web.shop")).matcher("webXshop").find())
        .isFalse();
  }

  @Test
  void configMapKeys() {
    Pattern allowed = Pattern.compile("[-._a-zA-Z0-9]+");
    assertThat(FluentBitConfigRenderer.key("shop", "web")).isEqualTo("shop.web.conf");
    String longName = "a".repeat(200) + "." + "b".repeat(52);
    String ns = "n".repeat(63);
    String key = FluentBitConfigRenderer.key(ns, longName);
    assertThat(key).hasSizeLessThanOrEqualTo(253).matches(allowed).startsWith(ns + ".").endsWith(".conf");
    assertThat(key).isEqualTo(FluentBitConfigRenderer.key(ns, longName));
    assertThat(FluentBitConfigRenderer.key(ns, longName.replace('b', 'c'))).isNotEqualTo(key);
    // the namespace has no dot, so namespace.name pairs cannot collide
    assertThat(FluentBitConfigRenderer.key("a", "b.c")).isNotEqualTo(FluentBitConfigRenderer.key("a-b", "c"));
  }

  @Test
  void rejectsInvalidInput() {
    assertThatThrownBy(() -> FluentBitPipeline.of("Shop", "web", Map.of(), "eu-west-1", "/g"))
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> FluentBitPipeline.of("shop", "web", Map.of("app", "a b"), "eu-west-1", "/g"))
        .hasMessageContaining("invalid value");
    assertThatThrownBy(() -> FluentBitPipeline.of("shop", "web", Map.of("a'b", "x"), "eu-west-1", "/g"))
        .hasMessageContaining("invalid label key");
    assertThatThrownBy(() -> FluentBitPipeline.of("shop", "web", Map.of(), "eu-west-1", "/g:x"))
        .hasMessageContaining("group name");
    assertThatThrownBy(() -> oneLabel().withLogStreamPrefix("$x"))
        .hasMessageContaining("prefix");
    // an input pattern that also matches our own tag would loop rewrite_tag forever
    assertThatThrownBy(() -> oneLabel().withInputTagMatch("*")).hasMessageContaining("loop");
    assertThatThrownBy(() -> oneLabel().withInputTagMatch("kaizen.*")).hasMessageContaining("loop");
    assertThatThrownBy(() -> new LabelRequirement("a", LabelRequirement.Operator.In, List.of()))
        .hasMessageContaining("at least one value");
  }

  private static void assertGolden(String file, FluentBitPipeline p) throws IOException {
    String rendered = FluentBitConfigRenderer.render(p);
    if (UPDATE) {
      Path path = Path.of("src/test/resources/fluentbit", file);
      Files.writeString(path, rendered, StandardCharsets.UTF_8);
    }
    assertThat(rendered).isEqualTo(golden(file));
    assertThat(FluentBitConfigParser.check(rendered)).isEmpty();
  }

  static String golden(String file) throws IOException {
    try (InputStream in = FluentBitConfigRendererTest.class.getResourceAsStream("/fluentbit/" + file)) {
      if (in == null) {
        throw new IOException("missing golden file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
