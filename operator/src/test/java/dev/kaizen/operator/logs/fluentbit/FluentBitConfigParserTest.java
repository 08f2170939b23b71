package dev.kaizen.operator.logs.fluentbit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Problem;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FluentBitConfigParserTest {

  private static final String OUTPUT =
      """
      [OUTPUT]
          Name              cloudwatch_logs
          Match             kaizen.shop.web
          region            eu-west-1
          log_group_name    /shop/web
          log_stream_prefix x.
          auto_create_group Off
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "one-label.conf",
        "several-labels.conf",
        "whole-namespace.conf",
        "match-expressions.conf"
      })
  void acceptsEveryGolden(String file) throws IOException {
    FluentBitConfig config = FluentBitConfigParser.parse(FluentBitConfigRendererTest.golden(file));
    assertThat(config.problems()).isEmpty();
    assertThat(config.sections()).extracting(FluentBitConfig.Section::name).contains("FILTER", "OUTPUT");
  }

  @Test
  void acceptsAClusterStyleMainFile() {
    String text =
        """
        # cluster main file
        @SET region=eu-west-1
        [SERVICE]
        \tFlush 1
        \t# an indented comment
        \tParsers_File parsers.conf

        [INPUT]
        \tName tail
        \tTag  kube.*
        \tPath /var/log/containers/*.log

        [FILTER]
        \tName  kubernetes
        \tMatch kube.*

        @INCLUDE /fluent-bit/etc/kaizen/*.conf
        """;
    assertThat(FluentBitConfigParser.check(text)).isEmpty();
  }

  @Test
  void rejectsMixedIndentation() {
    String text = OUTPUT.replace("    Match ", "\tMatch ");
    // the rejected line also loses its Match: that follow-on problem is reported too
    assertThat(FluentBitConfigParser.check(text))
        .contains(new Problem(3, "inconsistent indentation: 1 tab where the file uses 4 spaces"));
  }

  @Test
  void rejectsADifferentIndentWidth() {
    String text = OUTPUT.replace("    region ", "  region ");
    assertThat(FluentBitConfigParser.check(text))
        .contains(new Problem(4, "inconsistent indentation: 2 spaces where the file uses 4 spaces"));
  }

  @Test
  void rejectsKeyOutsideASection() {
    String text = "    Name grep\n" + OUTPUT;
    assertThat(FluentBitConfigParser.check(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("outside of a section"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void rejectsUnindentedKey() {
    String text = OUTPUT.replace("    region ", "region ");
    assertThat(FluentBitConfigParser.check(text)).contains(new Problem(4, "key/value must be indented"));
  }

  @Test
  void rejectsUnknownCloudWatchLogsKey() {
    String text = OUTPUT + "    log_group_retention 7\n";
    assertThat(FluentBitConfigParser.check(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown cloudwatch_logs key log_group_retention"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(8));
  }

  @Test
  void cloudWatchLogsKeysAreCaseInsensitiveAndCommonOnesAllowed() {
    String text = OUTPUT.replace("region ", "Region ") + "    Retry_Limit 5\n    tls.verify On\n";
    assertThat(FluentBitConfigParser.check(text)).isEmpty();
  }

  @Test
  void rejectsCloudWatchLogsWithoutRequiredKeys() {
    String text = "[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    log_stream_name a\n"
        + "    log_stream_prefix b\n";
    assertThat(FluentBitConfigParser.check(text))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("needs region"))
        .anyMatch(m -> m.contains("needs log_group_name"))
        .anyMatch(m -> m.contains("exactly one of log_stream_name and log_stream_prefix"));
  }

  @Test
  void rejectsRewriteTagRuleWithThreeParts() {
    String text =
        """
        [FILTER]
            Name         rewrite_tag
            Match        kube.*
            Rule         $kubernetes['namespace_name'] ^shop$ kaizen.shop.web
            Emitter_Name e
        """;
    assertThat(FluentBitConfigParser.check(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("4 parts"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(4));
  }

  @Test
  void rejectsBadRewriteTagRuleParts() {
    String text =
        """
        [FILTER]
            Name  rewrite_tag
            Match kube.*
            Rule  kubernetes['namespace_name'] ^(shop$ kaizen/shop maybe
        """;
    assertThat(FluentBitConfigParser.check(text))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("not a record accessor"))
        .anyMatch(m -> m.contains("does not compile"))
        .anyMatch(m -> m.contains("invalid characters"))
        .anyMatch(m -> m.contains("KEEP must be true or false"));
  }

  @Test
  void rejectsFilterWithoutMatch() {
    String text = "[FILTER]\n    Name grep\n    Regex log ^a$\n";
    assertThat(FluentBitConfigParser.check(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no Match"))
        .satisfies(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void rejectsGrepPitfalls() {
    String legacyTwoRegex = "[FILTER]\n    Name grep\n    Match *\n    Regex a ^x$\n    Regex b ^y$\n";
    assertThat(FluentBitConfigParser.check(legacyTwoRegex))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("only evaluates the first Regex"));
    String mixed =
        "[FILTER]\n    Name grep\n    Match *\n    Logical_Op AND\n    Regex a ^x$\n    Exclude b ^y$\n";
    assertThat(FluentBitConfigParser.check(mixed))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("cannot combine"));
    String broken = "[FILTER]\n    Name grep\n    Match *\n    Regex onlykey\n    Exclude k ^(x\n";
    assertThat(FluentBitConfigParser.check(broken))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("needs KEY REGEX"))
        .anyMatch(m -> m.contains("does not compile"));
    String andOk = "[FILTER]\n    Name grep\n    Match *\n    Logical_Op and\n    Regex a ^x$\n    Regex b ^y$\n";
    assertThat(FluentBitConfigParser.check(andOk)).isEmpty();
  }

  @Test
  void rejectsOtherSyntaxErrors() {
    assertThat(FluentBitConfigParser.check("[FILTER\n    Name grep\n")).extracting(Problem::message)
        .anyMatch(m -> m.contains("closing ']'"));
    assertThat(FluentBitConfigParser.check("[FILTER]\n[OUTPUT]\n    Name stdout\n    Match *\n"))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("no entries"));
    assertThat(FluentBitConfigParser.check("[OUTPUT]\n    Name stdout\n    Match\n"))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("key without a value"));
    assertThat(FluentBitConfigParser.check("[OUTPUT]\n    Name\tstdout\n    Match *\n"))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("not a tab"));
    assertThat(FluentBitConfigParser.check("@SET novalue\n@FOO bar\n")).hasSize(2);
  }

  @Test
  void rejectsDuplicateEmitterNamesAndBadTemplates() {
    String one = FluentBitConfigRendererTest.render(FluentBitConfigRendererTest.oneLabel());
    assertThat(FluentBitConfigParser.check(one + one))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("Emitter_Name kaizen.shop.emitter already used"));
    assertThat(FluentBitConfigParser.templateProblem("$kubernetes['pod_name'].$kubernetes['container_name']"))
        .isNull();
    assertThat(FluentBitConfigParser.templateProblem("$task-$container_name")).contains("followed by");
    assertThat(FluentBitConfigParser.templateProblem("fooo/bar$container_name")).isNull();
  }
}
