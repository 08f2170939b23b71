package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.logs.KubernetesFluentBitConfigs;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes failures as the real client raises them from the API server's answers, each answer the Status body a
 * real kube-apiserver sends (verb, resource and namespace in its message), written through the real gateway of
 * LogPipeline's Fluent Bit ConfigMap.
 */
class KubernetesFailuresTest {
  private static final String NAMESPACE = "logging";
  private static final String NAME = "kaizen-fluent-bit";
  private static final String PATH = "/api/v1/namespaces/" + NAMESPACE + "/configmaps";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private KubernetesFluentBitConfigs configs;

  @BeforeEach
  void startServer() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
    configs = new KubernetesFluentBitConfigs(client, new dev.kaizen.operator.logs.FluentBitShards(NAMESPACE, NAME, 1,
        dev.kaizen.operator.logs.fluentbit.FluentBitFormat.YAML));
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.destroy();
  }

  @Test
  void forbiddenIsOnePlainSentenceFromTheApiServersStatus() {
    String said = "configmaps \"kaizen-fluent-bit\" is forbidden: User \"system:serviceaccount:kaizen-system:"
        + "kaizen-operator\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"logging\"";
    server.expect().get().withPath(PATH + "/" + NAME).andReturn(403, status(403, "Forbidden", said,
        "{\"name\":\"kaizen-fluent-bit\",\"kind\":\"configmaps\"}")).always();

    Failure failure = failing(gateway -> gateway.read("shop.web.conf"));

    assertThat(failure.kind()).isEqualTo(FailureKind.ACCESS_DENIED);
    assertThat(failure.reason()).isEqualTo(Reasons.ACCESS_DENIED);
    assertThat(failure.message()).isEqualTo("Kubernetes refused the operator's service account: " + said + ".");
    assertThat(failure.message()).doesNotContain("Failure executing", "Status(");
    assertThat(failure.expected()).isTrue();
  }

  @Test
  void aMissingNamespaceStallsWithTheApiServersMessage() {
    server.expect().get().withPath(PATH + "/" + NAME).andReturn(404, status(404, "NotFound",
        "configmaps \"kaizen-fluent-bit\" not found", "{\"name\":\"kaizen-fluent-bit\",\"kind\":\"configmaps\"}"))
        .always();
    server.expect().post().withPath(PATH).andReturn(404, status(404, "NotFound",
        "namespaces \"logging\" not found", "{\"name\":\"logging\",\"kind\":\"namespaces\"}")).always();

    Failure failure = failing(gateway -> gateway.put("shop.web.conf", "[INPUT]\n"));

    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID);
    assertThat(failure.stalls()).isTrue();
    assertThat(failure.reason()).isEqualTo(Reasons.REJECTED_BY_KUBERNETES);
    assertThat(failure.message()).isEqualTo("the Kubernetes API rejected the request: namespaces \"logging\" not found.");
  }

  @Test
  void aConfigMapOverOneMebibyteStallsWithTheApiServersMessage() {
    existingConfigMap();
    String said = "ConfigMap \"kaizen-fluent-bit\" is invalid: []: Too long: must have at most 1048576 bytes";
    server.expect().put().withPath(PATH + "/" + NAME).andReturn(422, status(422, "Invalid", said,
        "{\"name\":\"kaizen-fluent-bit\",\"kind\":\"ConfigMap\",\"causes\":[{\"reason\":\"FieldValueTooLong\","
            + "\"message\":\"Too long: must have at most 1048576 bytes\",\"field\":\"[]\"}]}")).always();

    // Small enough for the operator's own size check, so the request reaches the (stubbed) API server.
    Failure failure = failing(gateway -> gateway.put("shop.yaml", "x".repeat(1_000)));

    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID);
    assertThat(failure.message()).isEqualTo("the Kubernetes API rejected the request: " + said + ".");
  }

  @Test
  void aBodyOverTheApiServersRequestLimitStalls() {
    existingConfigMap();
    server.expect().put().withPath(PATH + "/" + NAME).andReturn(413, status(413, "RequestEntityTooLarge",
        "Request entity too large: limit is 3145728", null)).always();

    Failure failure = failing(gateway -> gateway.put("shop.web.conf", "x".repeat(10)));

    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID);
    assertThat(failure.message()).endsWith(": Request entity too large: limit is 3145728.");
  }

  @Test
  void aConflictIsRetriedAndExpected() {
    existingConfigMap();
    server.expect().put().withPath(PATH + "/" + NAME).andReturn(409, status(409, "Conflict",
        "Operation cannot be fulfilled on configmaps \"kaizen-fluent-bit\": the object has been modified; please"
            + " apply your changes to the latest version and try again",
        "{\"name\":\"kaizen-fluent-bit\",\"kind\":\"configmaps\"}")).always();

    Failure failure = failing(gateway -> gateway.put("shop.web.conf", "[INPUT]\n"));

    assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failure.reason()).isEqualTo(Reasons.CONFLICT);
    assertThat(failure.expected()).isTrue();
    assertThat(failure.message()).doesNotContain("Status(");
  }

  @Test
  void anObjectDeletedBetweenReadAndWriteIsRetried() {
    existingConfigMap();
    server.expect().put().withPath(PATH + "/" + NAME).andReturn(404, status(404, "NotFound",
        "configmaps \"kaizen-fluent-bit\" not found", "{\"name\":\"kaizen-fluent-bit\",\"kind\":\"configmaps\"}"))
        .always();

    Failure failure = failing(gateway -> gateway.put("shop.web.conf", "[INPUT]\n"));

    assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failure.stalls()).isFalse();
  }

  private void existingConfigMap() {
    server.expect().get().withPath(PATH + "/" + NAME).andReturn(200, new ConfigMapBuilder()
        .withNewMetadata().withNamespace(NAMESPACE).withName(NAME).withResourceVersion("7").endMetadata()
        .addToData("other.conf", "[INPUT]\n").build()).always();
  }

  private Failure failing(Consumer<KubernetesFluentBitConfigs> call) {
    try {
      call.accept(configs);
    } catch (RuntimeException e) {
      return FailureClassifier.classify(e);
    }
    throw new AssertionError("the call was expected to fail");
  }

  /** The JSON of a {@code Status} exactly as kube-apiserver writes it. */
  private static String status(int code, String reason, String message, String details) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
        + quoted(message) + ",\"reason\":\"" + reason + "\"" + (details == null ? "" : ",\"details\":" + details)
        + ",\"code\":" + code + "}";
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
