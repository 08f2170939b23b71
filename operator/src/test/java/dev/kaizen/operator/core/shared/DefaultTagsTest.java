package dev.kaizen.operator.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTagsTest {
  private static final Map<String, String> OWNER = Map.of("kaizen.dev/owner", "shop/LogPipeline/web",
      "kaizen.dev/cluster", "c1", "kaizen.dev/uid", "u1");

  @Test
  void anObjectMissingTheDefaultsGetsThemAdded() {
    Map<String, String> current = Map.of("kaizen.dev/owner", "shop/LogPipeline/web", "team", "shop");

    assertThat(DefaultTags.toApply(current, Map.of("cost-center", "42", "env", "prod"), OWNER))
        .containsExactlyInAnyOrderEntriesOf(Map.of("cost-center", "42", "env", "prod"));
  }

  @Test
  void aDefaultWithAnotherValueIsBroughtBack() {
    assertThat(DefaultTags.toApply(Map.of("env", "dev", "cost-center", "42"), Map.of("env", "prod",
        "cost-center", "42"), OWNER)).containsExactlyEntriesOf(Map.of("env", "prod"));
  }

  @Test
  void nothingToWriteWhenEveryDefaultIsThere() {
    Map<String, String> current = Map.of("env", "prod", "cost-center", "42", "other", "x");

    assertThat(DefaultTags.toApply(current, Map.of("env", "prod", "cost-center", "42"), OWNER)).isEmpty();
  }

  @Test
  void neverRemovesATag() {
    // "old" was a default once and is no longer: it stays, as does everything others put on the object.
    Map<String, String> current = Map.of("old", "1", "theirs", "2");

    assertThat(DefaultTags.toApply(current, Map.of(), OWNER)).isEmpty();
    assertThat(DefaultTags.toApply(current, Map.of("env", "prod"), OWNER)).containsOnlyKeys("env");
  }

  @Test
  void winningTagsAreNeverSetFromTheDefaults() {
    Map<String, String> winning = new java.util.HashMap<>(OWNER);
    winning.put("team", "shop"); // the kind's own tag from the spec
    Map<String, String> defaults = Map.of("team", "platform", "kaizen.dev/owner", "someone", "env", "prod");

    assertThat(DefaultTags.toApply(Map.of("team", "shop"), defaults, winning))
        .containsExactlyEntriesOf(Map.of("env", "prod"));
  }

  @Test
  void onCreateTheOwnTagsWinOverTheDefaultsAndTheOwnershipTagsOverBoth() {
    Map<String, String> tags = DefaultTags.onCreate(Map.of("team", "platform", "env", "prod",
        "kaizen.dev/uid", "forged"), Map.of("team", "shop"), OWNER);

    assertThat(tags).containsEntry("team", "shop").containsEntry("env", "prod").containsEntry("kaizen.dev/uid", "u1")
        .hasSize(5);
  }
}
