package dev.kaizen.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.cli.RunCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/: the files themselves (always), and what kustomize renders from them when kustomize 5 is installed
 * (kubectl kustomize or kustomize on the PATH; CI has neither, so those checks are skipped there, saying so).
 */
class DeployManifestsTest {

  @Test
  void crdsKustomizationListsEveryKind() {
    JsonNode kustomization = Repo.yamlFile("crds/kustomization.yaml").get(0);
    List<String> listed = new ArrayList<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        Kinds.ALL.stream().map(k -> Kinds.crdName(k) + ".yaml").toList());
  }

  @Test
  void deploymentIsHardenedAndProbed() {
    JsonNode deployment = Repo.yamlFile("deploy/base/deployment.yaml").get(0);
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    JsonNode container = pod.path("containers").get(0);
    JsonNode security = container.path("securityContext");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.path("capabilities").path("drop").toString()).contains("ALL");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
    assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();
    assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
    assertThat(container.path("volumeMounts").toString()).contains("/tmp");
  }

  @Test
  void containerArgumentsAreAcceptedByRun() {
    List<String> args = new ArrayList<>();
    Repo.yamlFile("deploy/base/deployment.yaml").get(0).path("spec").path("template").path("spec")
        .path("containers").get(0).path("args").forEach(a -> args.add(a.asText()));
    assertThat(args.get(0)).isEqualTo("run");
    new CommandLine(new RunCommand()).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
  }

  @Test
  void leaderElectionVariantArgumentsAreAcceptedByRun() throws Exception {
    String component = java.nio.file.Files.readString(Repo.path("deploy/components/leader-election/kustomization.yaml"));
    List<String> args = java.util.regex.Pattern.compile("value: (--\\S+)").matcher(component).results()
        .map(m -> m.group(1)).toList();
    assertThat(args).contains("--leader-election=true");
    new CommandLine(new RunCommand()).parseArgs(args.toArray(String[]::new));
  }

  @Test
  void everyVariantRendersWithKustomize() throws Exception {
    var kustomize = Repo.kustomizeCommand();
    assumeTrue(kustomize.isPresent(), "kustomize 5 not installed: rendering not checked");
    List<JsonNode> base = Repo.render(kustomize.get(), Repo.path("deploy"));
    assertThat(base).extracting(d -> d.path("kind").asText())
        .contains("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment");
    for (var kind : Kinds.ALL) {
      JsonNode crd = base.stream().filter(d -> d.path("metadata").path("name").asText().equals(Kinds.crdName(kind)))
          .findFirst().orElseThrow();
      assertThat(crd.path("metadata").path("annotations").path("argocd.argoproj.io/sync-options").asText())
          .contains("Prune=false");
    }
    // The only namespaced Role of the base is Fluent Bit's ConfigMap; the Lease Role comes with leader election.
    assertThat(base).filteredOn(d -> d.path("kind").asText().equals("Role"))
        .extracting(d -> d.path("metadata").path("name").asText()).containsExactly("kaizen-operator-fluent-bit");

    List<JsonNode> ha = Repo.render(kustomize.get(), Repo.path("deploy/overlays/ha-irsa"));
    JsonNode deployment = ha.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst()
        .orElseThrow();
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(ha.stream().filter(d -> d.path("kind").asText().equals("Role")
        && d.path("metadata").path("name").asText().equals("kaizen-operator-leader-election")).findFirst()
        .orElseThrow().path("rules").toString()).contains("leases");
    assertThat(ha.stream().filter(d -> d.path("kind").asText().equals("ServiceAccount")).findFirst().orElseThrow()
        .path("metadata").path("annotations").has("eks.amazonaws.com/role-arn")).isTrue();

    Path argo = Files.createDirectories(Path.of("target", "argocd-render").toAbsolutePath());
    Files.writeString(argo.resolve("argocd-cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: argocd-cm\n  namespace: argocd\ndata:\n  url: https://argocd.example.com\n");
    Files.writeString(argo.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
        + "kind: Kustomization\nresources: [argocd-cm.yaml]\ncomponents: [" + argo.relativize(Repo.path("deploy/argocd"))
        + "]\n");
    JsonNode cm = Repo.render(kustomize.get(), argo).get(0);
    String script = Repo.read("deploy/argocd/health.lua");
    for (var kind : Kinds.ALL) {
      assertThat(cm.path("data").path("resource.customizations.health." + Kinds.GROUP + "_"
          + io.fabric8.kubernetes.api.model.HasMetadata.getKind(kind)).asText()).isEqualTo(script);
    }
    assertThat(cm.path("data").path("url").asText()).isEqualTo("https://argocd.example.com");
  }
}
