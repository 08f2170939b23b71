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

  static String render(FluentBitPipeline... pipelines) {
    return FluentBitConfigRenderer.render(List.of(pipelines), FluentBitFormat.CLASSIC);
  }

  static String renderYaml(FluentBitPipeline... pipelines) {
    return FluentBitConfigRenderer.render(List.of(pipelines), FluentBitFormat.YAML);
  }

  /** A namespace with three pipelines, overlapping selectors and one with expressions. */
  static List<FluentBitPipeline> shopNamespace() {
    return List.of(oneLabel(), severalLabels(),
        FluentBitPipeline.of("shop", "batch", Map.of("team", "checkout"), "eu-west-1", "/shop/batch")
            .withMatchExpressions(expressions().matchExpressions()));
  }

  @Test
  void oneLabelMatchesGolden() throws IOException {
    assertGoldens("one-label", List.of(oneLabel()));
  }

  @Test
  void severalLabelsMatchGolden() throws IOException {
    assertGoldens("several-labels", List.of(severalLabels()));
  }

  @Test
  void emptySelectorMatchesGolden() throws IOException {
    assertGoldens("whole-namespace", List.of(wholeNamespace()));
  }

  @Test
  void matchExpressionsMatchGolden() throws IOException {
    assertGoldens("match-expressions", List.of(expressions()));
  }

  @Test
  void aNamespaceOfSeveralPipelinesMatchesGolden() throws IOException {
    assertGoldens("shop-namespace", shopNamespace());
  }

  @Test
  void renderingIsDeterministic() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("b", "2");
    a.put("a", "1");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("a", "1");
    b.put("b", "2");
    String first = render(FluentBitPipeline.of("ns", "x", a, "eu-west-1", "/g"));
    String second = render(FluentBitPipeline.of("ns", "x", b, "eu-west-1", "/g"));
    assertThat(first).isEqualTo(second);
    List<FluentBitPipeline> reversed = new java.util.ArrayList<>(shopNamespace());
    java.util.Collections.reverse(reversed);
    assertThat(FluentBitConfigRenderer.render(reversed, FluentBitFormat.YAML))
        .isEqualTo(FluentBitConfigRenderer.render(shopNamespace(), FluentBitFormat.YAML));
  }

  @Test
  void everyRenderingPassesTheCheckers() {
    for (FluentBitPipeline p : List.of(oneLabel(), severalLabels(), wholeNamespace(), expressions())) {
      assertThat(FluentBitConfigParser.check(render(p))).isEmpty();
      assertThat(FluentBitYamlParser.check(renderYaml(p))).isEmpty();
    }
  }

  @Test
  void filesOfSeveralNamespacesTogetherStayValid() {
    String all = FluentBitConfigRenderer.render(shopNamespace(), FluentBitFormat.CLASSIC) + render(wholeNamespace());
    assertThat(FluentBitConfigParser.check(all)).isEmpty();
  }

  @Test
  void bothFormatsSayTheSame() {
    FluentBitConfig classic = FluentBitConfigParser.parse(
        FluentBitConfigRenderer.render(shopNamespace(), FluentBitFormat.CLASSIC));
    FluentBitConfig yaml = FluentBitYamlParser.parse(
        FluentBitConfigRenderer.render(shopNamespace(), FluentBitFormat.YAML));
    assertThat(yaml.problems()).isEmpty();
    assertThat(yaml.sections()).hasSameSizeAs(classic.sections());
    for (int i = 0; i < classic.sections().size(); i++) {
      var c = classic.sections().get(i);
      var y = yaml.sections().get(i);
      assertThat(y.name()).isEqualTo(c.name());
      assertThat(y.entries()).extracting(e -> e.key().toLowerCase() + "=" + e.value())
          .containsExactlyElementsOf(c.entries().stream().map(e -> e.key().toLowerCase() + "=" + e.value()).toList());
    }
  }

  @Test
  void mixingNamespacesOrDuplicatesIsRefused() {
    assertThatThrownBy(() -> render(oneLabel(), wholeNamespace())).hasMessageContaining("share a namespace");
    assertThatThrownBy(() -> render(oneLabel(), oneLabel())).hasMessageContaining("twice");
    assertThatThrownBy(() -> FluentBitConfigRenderer.render(List.of(), FluentBitFormat.YAML))
        .hasMessageContaining("at least one");
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
  void configMapKeysAreOnePerNamespaceAndFormat() {
    assertThat(FluentBitConfigRenderer.key("shop", FluentBitFormat.YAML)).isEqualTo("shop.yaml");
    assertThat(FluentBitConfigRenderer.key("shop", FluentBitFormat.CLASSIC)).isEqualTo("shop.conf");
    assertThat(FluentBitConfigRenderer.key("n".repeat(63), FluentBitFormat.YAML)).matches("[-._a-zA-Z0-9]+");
    assertThatThrownBy(() -> FluentBitConfigRenderer.key("Shop", FluentBitFormat.YAML))
        .hasMessageContaining("namespace");
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

  private static void assertGoldens(String name, List<FluentBitPipeline> pipelines) throws IOException {
    for (FluentBitFormat format : FluentBitFormat.values()) {
      String file = name + "." + format.extension();
      String rendered = FluentBitConfigRenderer.render(pipelines, format);
      if (UPDATE) {
        Files.writeString(Path.of("src/test/resources/fluentbit", file), rendered, StandardCharsets.UTF_8);
      }
      assertThat(rendered).isEqualTo(golden(file));
      assertThat(format == FluentBitFormat.YAML ? FluentBitYamlParser.check(rendered)
          : FluentBitConfigParser.check(rendered)).isEmpty();
    }
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
