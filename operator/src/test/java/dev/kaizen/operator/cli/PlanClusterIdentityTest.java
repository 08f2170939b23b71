package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The identity {@code kaizen plan} judges with is found where the running operator finds its own. */
@EnableKubernetesMockClient(crud = true)
class PlanClusterIdentityTest {
  KubernetesClient client;

  private void kubeSystem() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata()
        .build()).create();
  }

  private void installedIdentity(String id) {
    client.configMaps().inNamespace("kaizen-system").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("kaizen-operator-identity").endMetadata().withData(Map.of("cluster-id", id)).build()).create();
  }

  @Test
  void theOptionWinsThenTheInstalledConfigMapThenKubeSystem() {
    kubeSystem();
    String uid = client.namespaces().withName("kube-system").get().getMetadata().getUid();
    assertThat(uid).isNotBlank();
    assertThat(PlanClusterIdentity.resolve(null, Optional.of(client), "kaizen-system", "").identity().orElseThrow()
        .id()).isEqualTo(uid);

    installedIdentity("prod-eu");
    var installed = PlanClusterIdentity.resolve(" ", Optional.of(client), "kaizen-system", "");
    assertThat(installed.identity().orElseThrow().id()).isEqualTo("prod-eu");
    assertThat(installed.sentence()).contains("ConfigMap kaizen-system/kaizen-operator-identity key cluster-id");

    assertThat(PlanClusterIdentity.resolve("given", Optional.of(client), "kaizen-system", "").identity()
        .orElseThrow().id()).isEqualTo("given");
  }

  @Test
  void withoutAnyItSaysOwnershipCannotBeJudgedAndWhatIsAssumed() {
    var none = PlanClusterIdentity.resolve(null, Optional.empty(), "kaizen-system", "no kubeconfig was found");

    assertThat(none.identity()).isEmpty();
    assertThat(none.sentence()).isEqualTo("Ownership by cluster cannot be judged: no --cluster-id, and no kubeconfig"
        + " was found. Assumed: an object tagged by the same resource (namespace/kind/name) belongs to the"
        + " operator's cluster; give --cluster-id to judge exactly as the operator does.");
    // A reachable cluster without kube-system (nor an installed identity) is said so too.
    assertThat(PlanClusterIdentity.resolve(null, Optional.of(client), "kaizen-system", "").sentence())
        .contains("has no kube-system namespace");
  }
}
