package dev.kaizen.operator.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigMapKeyTest {
  private static final String NS = "logging";
  private static final String NAME = "kaizen-fluent-bit";
  /** A foreign key with odd whitespace: tabs, trailing spaces, CRLF, no final newline. */
  private static final String FOREIGN = "[FILTER]\r\n\tName   grep \n    Match  *   \n\n";

  private static ConfigMap configMap(boolean operatorCreated, Map<String, String> data) {
    var metadata = new ConfigMapBuilder().withNewMetadata().withNamespace(NS).withName(NAME).withResourceVersion("42")
        .addToLabels("team", "logging").addToAnnotations("note", " keep  me ");
    if (operatorCreated) {
      metadata.addToLabels(ConfigMapKey.MANAGED_BY, ConfigMapKey.OPERATOR);
    }
    return metadata.endMetadata().withData(new java.util.LinkedHashMap<>(data)).build();
  }

  private static ConfigMapKey.Write edit(ConfigMap current, String key, String value) {
    return ConfigMapKey.edit(current, NS, NAME, key, Optional.ofNullable(value));
  }

  @Test
  void puttingOurKeyKeepsForeignKeysLabelsAnnotationsAndTheResourceVersion() {
    ConfigMap current = configMap(false, Map.of("zz-theirs.conf", FOREIGN));

    var write = edit(current, "shop.web.conf", "[OUTPUT]\n");

    assertThat(write).isInstanceOf(ConfigMapKey.Write.Update.class);
    ConfigMap next = ((ConfigMapKey.Write.Update) write).configMap();
    assertThat(next.getData()).containsExactly(Map.entry("zz-theirs.conf", FOREIGN),
        Map.entry("shop.web.conf", "[OUTPUT]\n"));
    assertThat(next.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(next.getMetadata().getLabels()).isEqualTo(current.getMetadata().getLabels());
    assertThat(next.getMetadata().getAnnotations()).containsExactly(Map.entry("note", " keep  me "));
    assertThat(current.getData()).doesNotContainKey("shop.web.conf");
  }

  @Test
  void noWriteWhenOurKeyIsAlreadyRightOrAlreadyAbsent() {
    ConfigMap current = configMap(true, Map.of("shop.web.conf", "[OUTPUT]\n", "theirs.conf", FOREIGN));

    assertThat(edit(current, "shop.web.conf", "[OUTPUT]\n")).isEqualTo(new ConfigMapKey.Write.Unchanged());
    assertThat(edit(current, "shop.api.conf", null)).isEqualTo(new ConfigMapKey.Write.Unchanged());
    assertThat(edit(null, "shop.api.conf", null)).isEqualTo(new ConfigMapKey.Write.Unchanged());
  }

  @Test
  void removingOurKeyWhileOthersRemainNeverDeletes() {
    ConfigMap current = configMap(true, Map.of("shop.web.conf", "[OUTPUT]\n", "theirs.conf", FOREIGN));

    var write = edit(current, "shop.web.conf", null);

    assertThat(write).isInstanceOf(ConfigMapKey.Write.Update.class);
    assertThat(((ConfigMapKey.Write.Update) write).configMap().getData()).containsExactly(
        Map.entry("theirs.conf", FOREIGN));
  }

  @Test
  void binaryDataOfOthersKeepsTheConfigMapAlive() {
    ConfigMap current = configMap(true, Map.of("shop.web.conf", "[OUTPUT]\n"));
    current.setBinaryData(Map.of("lua.bin", "AAEC"));

    var write = edit(current, "shop.web.conf", null);

    assertThat(write).isInstanceOf(ConfigMapKey.Write.Update.class);
    ConfigMap next = ((ConfigMapKey.Write.Update) write).configMap();
    assertThat(next.getData()).isEmpty();
    assertThat(next.getBinaryData()).containsExactly(Map.entry("lua.bin", "AAEC"));
  }

  @Test
  void theLastOwnerDeletesAConfigMapTheOperatorCreated() {
    ConfigMap current = configMap(true, Map.of("shop.web.conf", "[OUTPUT]\n"));

    assertThat(edit(current, "shop.web.conf", null)).isEqualTo(new ConfigMapKey.Write.Delete(current));
  }

  @Test
  void theLastOwnerOnlyEmptiesAConfigMapSomeoneElseCreated() {
    ConfigMap current = configMap(false, Map.of("shop.web.conf", "[OUTPUT]\n"));

    var write = edit(current, "shop.web.conf", null);

    assertThat(write).isInstanceOf(ConfigMapKey.Write.Update.class);
    assertThat(((ConfigMapKey.Write.Update) write).configMap().getData()).isEmpty();
  }

  @Test
  void anAbsentConfigMapIsCreatedMarkedAsTheOperators() {
    var write = edit(null, "shop.web.conf", "[OUTPUT]\n");

    assertThat(write).isInstanceOf(ConfigMapKey.Write.Create.class);
    ConfigMap created = ((ConfigMapKey.Write.Create) write).configMap();
    assertThat(created.getMetadata().getLabels()).containsExactly(
        Map.entry(ConfigMapKey.MANAGED_BY, ConfigMapKey.OPERATOR));
    assertThat(created.getData()).containsExactly(Map.entry("shop.web.conf", "[OUTPUT]\n"));
  }
}
