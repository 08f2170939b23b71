package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.shared.ConfigMapKey;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Fluent Bit ConfigMap as a shared object: each namespace's pipelines own one key (web's namespace shop, api's
 * shop-2), the last one removes the ConfigMap.
 */
class FluentBitSharedConfigMapTest {
  private static final String NS = "shop";
  private static final String WEB = "shop.yaml";
  private static final String API = "shop-2.yaml";
  /** A key of the people running Fluent Bit, with odd whitespace that must survive every write. */
  private static final String FOREIGN_KEY = "parsers-extra.conf";
  private static final String FOREIGN = "[PARSER]\r\n\tName   nginx \n    Format regex  \n\n";

  private final OperatorHarness harness = new OperatorHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  private ConfigMap configMap() {
    return harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
        .withName(OperatorHarness.FLUENT_BIT_CONFIGMAP).get();
  }

  private static String namespaceOf(String name) {
    return name.equals("api") ? "shop-2" : NS;
  }

  private void createPipeline(String name) {
    String namespace = namespaceOf(name);
    harness.client().resources(LogPipeline.class).inNamespace(namespace).resource(logPipeline(namespace, name)
        .pods("app", name).deletionPolicy(DeletionPolicy.Delete).build()).create();
    harness.awaitReady(namespace, name);
  }

  private void deletePipeline(String name) {
    String namespace = namespaceOf(name);
    harness.logPipeline(namespace, name).delete();
    await().atMost(OperatorHarness.WAIT).until(() -> harness.logPipeline(namespace, name).get() == null);
  }

  @Test
  void pipelinesOfOneNamespaceShareItsFileAndTheLastOneRemovesIt() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    createPipeline("web");
    createPipeline("cart");
    await().atMost(OperatorHarness.WAIT).until(() -> configMap().getData().get(WEB).contains("kaizen.shop.cart")
        && configMap().getData().get(WEB).contains("kaizen.shop.web"));

    deletePipeline("web");
    await().atMost(OperatorHarness.WAIT).until(() -> !configMap().getData().get(WEB).contains("kaizen.shop.web"));
    assertThat(configMap().getData().get(WEB)).contains("kaizen.shop.cart", "/shop/cart");

    deletePipeline("cart");
    assertThat(configMap()).isNull();
  }

  @Test
  void deletingPipelinesRemovesOnlyTheirKeysAndKeepsAForeignKeyByteForByte() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    createPipeline("web");
    OperatorHarness.edit(harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE)
        .withName(OperatorHarness.FLUENT_BIT_CONFIGMAP), cm -> {
          cm.getData().put(FOREIGN_KEY, FOREIGN);
          cm.getMetadata().setAnnotations(Map.of("owner", "platform team "));
          return cm;
        });
    createPipeline("api");
    assertThat(configMap().getData()).containsOnlyKeys(WEB, API, FOREIGN_KEY);
    String apiConfig = configMap().getData().get(API);

    deletePipeline("web");

    ConfigMap afterWeb = configMap();
    assertThat(afterWeb.getData()).containsOnlyKeys(API, FOREIGN_KEY);
    assertThat(afterWeb.getData().get(FOREIGN_KEY)).isEqualTo(FOREIGN);
    assertThat(afterWeb.getData().get(API)).isEqualTo(apiConfig);
    assertThat(afterWeb.getMetadata().getAnnotations()).containsExactly(Map.entry("owner", "platform team "));

    deletePipeline("api");

    // Operator-created, but someone else's key remains: the ConfigMap stays, with exactly that key.
    ConfigMap afterApi = configMap();
    assertThat(afterApi).isNotNull();
    assertThat(afterApi.getData()).containsExactly(Map.entry(FOREIGN_KEY, FOREIGN));
    assertThat(afterApi.getMetadata().getLabels()).containsEntry(ConfigMapKey.MANAGED_BY, ConfigMapKey.OPERATOR);
  }

  @Test
  void theLastPipelineDeletesTheConfigMapOnlyWhenTheOperatorCreatedIt() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    createPipeline("web");
    createPipeline("api");

    deletePipeline("web");
    assertThat(configMap().getData()).containsOnlyKeys(API);

    deletePipeline("api");
    assertThat(configMap()).isNull();
  }

  @Test
  void aConfigMapSomeoneElseCreatedIsNeverDeletedOnlyEmptiedOfOurKeys() {
    harness.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(OperatorHarness.FLUENT_BIT_NAMESPACE).endMetadata().build()).create();
    harness.client().configMaps().inNamespace(OperatorHarness.FLUENT_BIT_NAMESPACE).resource(new ConfigMapBuilder()
        .withNewMetadata().withName(OperatorHarness.FLUENT_BIT_CONFIGMAP)
        .addToLabels("app.kubernetes.io/part-of", "fluent-bit").endMetadata().build()).create();
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    createPipeline("web");
    assertThat(configMap().getData()).containsOnlyKeys(WEB);

    deletePipeline("web");

    ConfigMap after = configMap();
    assertThat(after).isNotNull();
    assertThat(after.getData()).isNullOrEmpty();
    assertThat(after.getMetadata().getLabels()).containsExactly(Map.entry("app.kubernetes.io/part-of", "fluent-bit"));
  }
}
