package dev.kaizen.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.cli.RunCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** deploy/: the files themselves. What kustomize renders from them is checked by {@link KustomizeRenderingTest}. */
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
}
