package dev.kaizen.operator.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedObjectTest {
  private static final Part<String> A = new Part<>("a", "alpha  \n");
  private static final Part<String> B = new Part<>("b", "beta");

  @Test
  void ourPartIsReplacedInPlaceAndOthersAreTheSameValuesAtTheSamePositions() {
    var object = SharedObject.of(List.of(A, new Part<>("ours", "old"), B));

    var edit = object.edit("ours", Optional.of("new"));

    assertThat(edit).isEqualTo(new SharedEdit.Update<>(List.of(A, new Part<>("ours", "new"), B)));
    var parts = ((SharedEdit.Update<String>) edit).parts();
    assertThat(parts.get(0).value()).isSameAs(A.value());
    assertThat(parts.get(2).value()).isSameAs(B.value());
  }

  @Test
  void ourMissingPartIsAppended() {
    assertThat(SharedObject.of(List.of(A, B)).edit("ours", Optional.of("v")))
        .isEqualTo(new SharedEdit.Update<>(List.of(A, B, new Part<>("ours", "v"))));
  }

  @Test
  void noWriteWhenOurPartIsAlreadyRightOrAlreadyAbsent() {
    var object = SharedObject.of(List.of(A, new Part<>("ours", "v")));

    assertThat(object.edit("ours", Optional.of("v"))).isEqualTo(new SharedEdit.Unchanged<>());
    assertThat(object.edit("ours", Optional.of("v"))).returns(false, SharedEdit::writes);
    assertThat(SharedObject.of(List.of(A)).edit("ours", Optional.empty())).isEqualTo(new SharedEdit.Unchanged<>());
    assertThat(SharedObject.<String>absent().edit("ours", Optional.empty())).isEqualTo(new SharedEdit.Unchanged<>());
  }

  @Test
  void alreadyRightMayBeJudgedByTheForm() {
    var object = SharedObject.of(List.of(new Part<>("ours", "V")));

    assertThat(object.edit("ours", Optional.of("v"), String::equalsIgnoreCase)).isEqualTo(new SharedEdit.Unchanged<>());
    assertThat(object.edit("ours", Optional.of("v"))).isInstanceOf(SharedEdit.Update.class);
  }

  @Test
  void removingOursWhileOthersRemainUpdatesAndNeverDeletes() {
    var edit = SharedObject.of(List.of(A, new Part<>("ours", "v"), B)).edit("ours", Optional.empty());

    assertThat(edit).isEqualTo(new SharedEdit.Update<>(List.of(A, B)));
  }

  @Test
  void theLastOwnerDeletesTheObject() {
    assertThat(SharedObject.of(List.of(new Part<>("ours", "v"))).edit("ours", Optional.empty()))
        .isEqualTo(new SharedEdit.Delete<>());
  }

  @Test
  void anAbsentObjectIsCreatedWithOurPartOnly() {
    assertThat(SharedObject.<String>absent().edit("ours", Optional.of("v")))
        .isEqualTo(new SharedEdit.Create<>(List.of(new Part<>("ours", "v"))));
  }

  @Test
  void anExistingEmptyObjectIsNeverDeletedByAnOwnerWithoutAPart() {
    assertThat(SharedObject.<String>of(List.of()).edit("ours", Optional.empty())).isEqualTo(new SharedEdit.Unchanged<>());
  }

  @Test
  void keysMustTellPartsApart() {
    assertThatThrownBy(() -> SharedObject.of(List.of(A, new Part<>("a", "again"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
