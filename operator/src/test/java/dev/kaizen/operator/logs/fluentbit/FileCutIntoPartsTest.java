package dev.kaizen.operator.logs.fluentbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A namespace's file cut into its pipelines' parts: a change to one pipeline shows in its part only. */
class FileCutIntoPartsTest {

  private static FluentBitPipeline pipeline(String name, String region) {
    return FluentBitPipeline.of("shop", name, Map.of("app", name), region, "/shop/" + name);
  }

  private static List<String> differing(Map<String, String> a, Map<String, String> b) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys.stream().filter(key -> !Objects.equals(a.get(key), b.get(key))).toList();
  }

  @ParameterizedTest
  @EnumSource(FluentBitFormat.class)
  void eachPipelineOwnsItsHeaderLineAndItsOutput(FluentBitFormat format) {
    var before = FluentBitConfigRenderer.parts(FluentBitConfigRenderer.render(List.of(pipeline("web", "eu-west-1"),
        pipeline("web.api", "eu-west-1"), pipeline("cart", "eu-west-1")), format));
    var moved = FluentBitConfigRenderer.parts(FluentBitConfigRenderer.render(List.of(pipeline("web", "eu-west-1"),
        pipeline("web.api", "us-east-1"), pipeline("cart", "eu-west-1")), format));
    var withoutCart = FluentBitConfigRenderer.parts(FluentBitConfigRenderer.render(List.of(
        pipeline("web", "eu-west-1"), pipeline("web.api", "eu-west-1")), format));

    assertThat(before).containsOnlyKeys(FluentBitConfigRenderer.SHARED_PART, "cart", "web", "web.api");
    assertThat(before.get("web.api")).contains("web.api: pods app=web.api", "kaizen.shop.web.api", "/shop/web.api");
    assertThat(before.get(FluentBitConfigRenderer.SHARED_PART)).contains("rewrite_tag").doesNotContain("cloudwatch");
    assertThat(differing(before, moved)).containsExactly("web.api");
    assertThat(differing(before, withoutCart)).containsExactly("cart");
    // The parts joined again, one left out, read as that part gone (how a test edits a file by hand).
    String joined = before.entrySet().stream().filter(part -> !part.getKey().equals("web"))
        .map(Map.Entry::getValue).reduce("", String::concat);
    assertThat(differing(before, FluentBitConfigRenderer.parts(joined))).containsExactly("web");
  }

  @Test
  void aBlockWithoutOneOfOurAliasesIsShared() {
    var parts = FluentBitConfigRenderer.parts(FluentBitConfigRenderer.render(List.of(pipeline("web", "eu-west-1")),
        FluentBitFormat.CLASSIC) + "\n[OUTPUT]\n    Name  stdout\n    Alias mine\n");
    assertThat(parts.get(FluentBitConfigRenderer.SHARED_PART)).contains("stdout");
    assertThat(parts.get("web")).doesNotContain("stdout");
  }
}
