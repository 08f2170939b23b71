package dev.kaizen.operator.core.shared;

import static dev.kaizen.operator.core.shared.TxtRecordValues.SPF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.ownership.Ownership;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TxtRecordValuesTest {
  private static final String GOOGLE = "\"google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ\"";
  /** Someone else's long value, split by them at 200 characters, with escaped quotes and a backslash. */
  private static final String LONG_FOREIGN = "\"" + "k".repeat(200) + "\" \"" + "say \\\"hi\\\" \\\\" + "m".repeat(90)
      + "\"";
  private static final String OUR_SPF = "v=spf1 include:amazonses.com ~all";

  @Test
  void addingOurSpfKeepsEveryForeignValueByteForByteAndInOrder() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of(GOOGLE, LONG_FOREIGN)), SPF, Ownership.UNOWNED,
        Optional.of(OUR_SPF));

    assertThat(outcome.conflict()).isEmpty();
    assertThat(TxtRecordValues.values(outcome.edit()))
        .containsExactly(GOOGLE, LONG_FOREIGN, "\"v=spf1 include:amazonses.com ~all\"");
  }

  @Test
  void changingOurSpfReplacesItInPlace() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of(GOOGLE, "\"v=spf1 -all\"", LONG_FOREIGN)), SPF,
        Ownership.OWNED, Optional.of(OUR_SPF));

    assertThat(outcome.edit()).isInstanceOf(SharedEdit.Update.class);
    assertThat(TxtRecordValues.values(outcome.edit()))
        .containsExactly(GOOGLE, "\"v=spf1 include:amazonses.com ~all\"", LONG_FOREIGN);
  }

  @Test
  void noWriteWhenOurSpfIsAlreadyThereEvenSplitElsewhere() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of(GOOGLE, "\"v=spf1 include:amazon\" \"ses.com ~all\"")),
        SPF, Ownership.OWNED, Optional.of(OUR_SPF));

    assertThat(outcome.edit()).isEqualTo(new SharedEdit.Unchanged<>());
    assertThat(outcome.conflict()).isEmpty();
  }

  @Test
  void anSpfWeDoNotOwnIsAConflictAndNothingIsWritten() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of(GOOGLE, "\"v=spf1 mx -all\"")), SPF, Ownership.UNOWNED,
        Optional.of(OUR_SPF));

    assertThat(outcome.conflict()).get().asString().contains("does not own", "v=spf1 mx -all");
    assertThat(outcome.edit().writes()).isFalse();
  }

  @Test
  void anSpfOfAnotherOwnerIsLeftAloneWhenWeWantNone() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of("\"v=spf1 mx -all\"")), SPF, Ownership.FOREIGN,
        Optional.empty());

    assertThat(outcome.conflict()).isEmpty();
    assertThat(outcome.edit().writes()).isFalse();
  }

  @Test
  void twoSpfValuesAreAConflictEvenIfOneIsOurs() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of("\"v=spf1 mx -all\"", "\"v=spf1 a -all\"")), SPF,
        Ownership.OWNED, Optional.of(OUR_SPF));

    assertThat(outcome.conflict()).get().asString().contains("2 values");
    assertThat(outcome.edit().writes()).isFalse();
  }

  @Test
  void removingOurSpfLeavesTheOthersAndNeverDeletesTheRecordSet() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of(GOOGLE, "\"v=spf1 -all\"", LONG_FOREIGN)), SPF,
        Ownership.OWNED, Optional.empty());

    assertThat(outcome.edit()).isInstanceOf(SharedEdit.Update.class);
    assertThat(TxtRecordValues.values(outcome.edit())).containsExactly(GOOGLE, LONG_FOREIGN);
  }

  @Test
  void removingTheLastValueDeletesTheRecordSet() {
    var outcome = TxtRecordValues.edit(Optional.of(List.of("\"v=spf1 -all\"")), SPF, Ownership.OWNED,
        Optional.empty());

    assertThat(outcome.edit()).isEqualTo(new SharedEdit.Delete<>());
  }

  @Test
  void anAbsentRecordSetIsCreated() {
    var outcome = TxtRecordValues.edit(Optional.empty(), SPF, Ownership.UNOWNED, Optional.of(OUR_SPF));

    assertThat(outcome.edit()).isInstanceOf(SharedEdit.Create.class);
    assertThat(TxtRecordValues.values(outcome.edit())).containsExactly("\"v=spf1 include:amazonses.com ~all\"");
  }

  @Test
  void spfIsRecognisedByItsVersionSection() {
    assertThat(SPF).accepts("v=spf1", "v=spf1 -all").rejects("v=spf10 -all", "xv=spf1", "v=DMARC1; p=none");
  }
}
