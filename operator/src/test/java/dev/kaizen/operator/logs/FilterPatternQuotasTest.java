package dev.kaizen.operator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterPatternQuotasTest {
  private static final String GROUP = "/shop/web";

  private static MetricFilterDefinition filter(String name, String pattern) {
    return new MetricFilterDefinition(GROUP, "kaizen/" + name, pattern, "Shop/Web", name, "1", null, null);
  }

  private static SubscriptionDefinition subscription(String pattern) {
    return new SubscriptionDefinition(GROUP, SubscriptionDefinition.NAME, "arn:aws:lambda:eu-west-1:1:function:f",
        null, pattern);
  }

  @Test
  void regexTermsAreCountedOutsideQuotedTerms() {
    assertThat(FilterPatternQuotas.regexTerms("ERROR")).isZero();
    assertThat(FilterPatternQuotas.regexTerms("%ERR(OR)?%")).isEqualTo(1);
    assertThat(FilterPatternQuotas.regexTerms("[ip=%10\\..*%, user, msg=%fail%]")).isEqualTo(2);
    assertThat(FilterPatternQuotas.regexTerms("\"disk 100% full\" %a%")).isEqualTo(1);
  }

  @Test
  void atMostTwoRegularExpressionsInOnePattern() {
    FilterPatternQuotas.check(List.of(filter("two", "[a=%x%, b=%y%]")), Optional.empty());
    assertThatThrownBy(() -> FilterPatternQuotas.check(List.of(filter("three", "[a=%x%, b=%y%, c=%z%]")),
        Optional.empty()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("The pattern of metric filter kaizen/three holds 3 regular expressions (%...%): CloudWatch Logs"
            + " allows at most 2 in one filter pattern.");
  }

  @Test
  void atMostFivePatternsWithRegularExpressionsPerLogGroupSubscriptionIncluded() {
    List<MetricFilterDefinition> five = IntStream.range(0, 5).mapToObj(i -> filter("re" + i, "%E" + i + "%")).toList();
    List<MetricFilterDefinition> fourAndPlain = new ArrayList<>(five.subList(0, 4));
    fourAndPlain.add(filter("plain", "ERROR"));
    FilterPatternQuotas.check(five, Optional.of(subscription("WARN")));
    FilterPatternQuotas.check(fourAndPlain, Optional.of(subscription("%WARN%")));

    assertThatThrownBy(() -> FilterPatternQuotas.check(five, Optional.of(subscription("%WARN%"))))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("6 filter patterns contain regular expressions (metric filter kaizen/re0,")
        .hasMessageEndingWith("subscription filter kaizen/subscription): CloudWatch Logs allows at most 5 per log"
            + " group.");
  }
}
