package dev.kaizen.operator.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TxtStringsTest {

  @Test
  void aShortValueIsOneQuotedString() {
    assertThat(TxtStrings.encode("v=spf1 include:amazonses.com -all")).isEqualTo("\"v=spf1 include:amazonses.com -all\"");
  }

  @Test
  void quotesAndBackslashesAreEscapedAndReadBack() {
    String text = "say \"hi\" \\ bye";

    String stored = TxtStrings.encode(text);

    assertThat(stored).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThat(TxtStrings.decode(stored)).isEqualTo(text);
  }

  @Test
  void controlAndNonAsciiOctetsAreThreeDigitOctalEscapes() {
    String stored = TxtStrings.encode("ex\u00e4mple\tx");

    assertThat(stored).isEqualTo("\"ex\\303\\244mple\\011x\"");
    assertThat(TxtStrings.decode(stored)).isEqualTo("ex\u00e4mple\tx");
  }

  @Test
  void aValueLongerThan255OctetsIsSplitIntoStringsOfAtMost255() {
    String text = "v=spf1 " + "a".repeat(600);

    String stored = TxtStrings.encode(text);

    assertThat(stored).startsWith("\"v=spf1 aaa").contains("\" \"");
    assertThat(stored.split("\" \"")).hasSize(3);
    assertThat(stored.split("\" \"")[0].length() - 1).isEqualTo(255);
    assertThat(TxtStrings.decode(stored)).isEqualTo(text);
  }

  @Test
  void splitStringsAreJoinedWithoutSeparatorWhereverTheyWereSplit() {
    assertThat(TxtStrings.decode("\"v=spf1 include:a\" \".example -all\"")).isEqualTo("v=spf1 include:a.example -all");
  }

  @Test
  void aStoredValueOver4000CharactersIsRefused() {
    assertThatThrownBy(() -> TxtStrings.encode("x".repeat(3990)))
        .isInstanceOf(SharedObjectTooLargeException.class)
        .hasMessageContaining("over its limit of 4000");
  }
}
