package dev.kaizen.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.cli.RunCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What kustomize renders from every kustomization under deploy/ (and from the overlay users write: their own
 * namespace and name prefix): each object in the namespace it must be in, every binding pointing at the rendered
 * service account and role, the Deployment's service account, arguments and environment resolving. Skipped without
 * kustomize 5, except under CI=true where it fails.
 */
class KustomizeRenderingTest {
  private static final String FLUENT_BIT_RBAC = "kaizen-operator-fluent-bit";
  private static final String FLUENT_BIT_NAMESPACE = "logging";
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
          "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");

  private static List<String> kustomize;

  @BeforeAll
  static void renderer() {
    kustomize = Repo.kustomizeOrSkip();
  }

  private static List<JsonNode> render(String dir) {
    return Repo.render(kustomize, Repo.path(dir));
  }

  @Test
  void theDefaultInstallationPutsTheFluentBitRoleInLoggingAndEverythingElseInKaizenSystem() {
    List<JsonNode> rendered = render("deploy");
    assertInstallation(rendered, "kaizen-system", "", true, null);
    for (var kind : Kinds.ALL) {
      assertThat(one(rendered, "CustomResourceDefinition", Kinds.crdName(kind)).path("metadata").path("annotations")
          .path("argocd.argoproj.io/sync-options").asText()).contains("Prune=false");
    }
  }

  @Test
  void theBaseAloneHoldsOnlyTheOperatorsNamespace() {
    assertInstallation(render("deploy/base"), "kaizen-system", "", false, null);
  }

  @Test
  void theExampleOverlayCombinesEveryComponentAndSetsTheClusterIdentity() {
    List<JsonNode> rendered = render("deploy/overlays/ha-irsa");
    assertInstallation(rendered, "kaizen-system", "", true, "shop-prod-eu-west-1");
    JsonNode deployment = one(rendered, "Deployment", "kaizen-operator");
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(one(rendered, "Role", "kaizen-operator-leader-election").path("rules").toString()).contains("leases");
    assertThat(one(rendered, "ServiceAccount", "kaizen-operator").path("metadata").path("annotations")
        .has("eks.amazonaws.com/role-arn")).isTrue();
    assertThat(args(deployment)).contains("--leader-election=true");
  }

  /** What users do: their own namespace and name prefix on the base, the Fluent Bit RBAC composed above it. */
  @Test
  void aUserOverlayWithItsOwnNamespaceAndPrefixKeepsEveryReferenceRight() throws IOException {
    Path user = Files.createDirectories(Path.of("target", "kustomize-user-overlay").toAbsolutePath());
    Path operator = Files.createDirectories(user.resolve("operator"));
    Files.writeString(operator.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: ops
        namePrefix: acme-
        resources: [%s]
        components: [%s]
        configMapGenerator:
          - name: kaizen-operator-identity
            behavior: merge
            literals: [cluster-id=acme-prod]
        """.formatted(operator.relativize(Repo.path("deploy/base")),
        operator.relativize(Repo.path("deploy/components/leader-election"))));
    assertInstallation(Repo.render(kustomize, operator), "ops", "acme-", false, "acme-prod");

    Files.writeString(user.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [operator]
        components: [%s]
        """.formatted(user.relativize(Repo.path("deploy/components/fluent-bit"))));
    List<JsonNode> rendered = Repo.render(kustomize, user);
    assertInstallation(rendered, "ops", "acme-", true, "acme-prod");
    assertThat(one(rendered, "Role", "acme-kaizen-operator-leader-election").path("metadata").path("namespace")
        .asText()).isEqualTo("ops");
  }

  @Test
  void theArgoCdComponentMergesOneHealthCheckPerKindIntoArgocdCm() throws IOException {
    Path argo = Files.createDirectories(Path.of("target", "argocd-render").toAbsolutePath());
    Files.writeString(argo.resolve("argocd-cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: argocd-cm\n  namespace: argocd\ndata:\n  url: https://argocd.example.com\n");
    Files.writeString(argo.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
        + "kind: Kustomization\nresources: [argocd-cm.yaml]\ncomponents: [" + argo.relativize(Repo.path("deploy/argocd"))
        + "]\n");
    JsonNode cm = Repo.render(kustomize, argo).get(0);
    String script = Repo.read("deploy/argocd/health.lua");
    for (var kind : Kinds.ALL) {
      assertThat(cm.path("data").path("resource.customizations.health." + Kinds.GROUP + "_"
          + HasMetadata.getKind(kind)).asText()).isEqualTo(script);
    }
    assertThat(cm.path("data").path("url").asText()).isEqualTo("https://argocd.example.com");
    assertThat(cm.path("metadata").path("namespace").asText()).isEqualTo("argocd");
  }

  @Test
  void theMonitoringKustomizationRendersIntoTheOperatorsNamespace() {
    assertThat(render("deploy/monitoring")).isNotEmpty().allSatisfy(o -> assertThat(namespace(o)).as(name(o))
        .isEqualTo("kaizen-system"));
  }

  /** The policy guarding kaizen.dev/* namespace labels is installed cluster-scoped, and bound, by default. */
  @Test
  void theNamespaceLabelPolicyIsRenderedClusterScopedAndBound() {
    for (String dir : List.of("deploy", "deploy/overlays/ha-irsa")) {
      List<JsonNode> rendered = render(dir);
      JsonNode policy = one(rendered, "ValidatingAdmissionPolicy", "kaizen-namespace-labels");
      assertThat(policy.path("metadata").has("namespace")).as(dir).isFalse();
      assertThat(policy.path("spec").path("validations").size()).isEqualTo(1);
      JsonNode binding = one(rendered, "ValidatingAdmissionPolicyBinding", "kaizen-namespace-labels");
      assertThat(binding.path("spec").path("policyName").asText()).isEqualTo("kaizen-namespace-labels");
      assertThat(binding.path("spec").path("validationActions").get(0).asText()).isEqualTo("Deny");
    }
  }

  /** A kustomization added under deploy/ without a case here fails, so none goes unrendered. */
  @Test
  void everyKustomizationUnderDeployIsRenderedByACase() throws IOException {
    Set<String> covered = Set.of("deploy", "deploy/base", "deploy/overlays/ha-irsa", "deploy/components/irsa",
        "deploy/components/leader-election", "deploy/components/fluent-bit", "deploy/argocd", "deploy/monitoring",
        "deploy/components/namespace-labels");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Repo.path("deploy"))) {
      files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
          .forEach(f -> found.add(Repo.ROOT.relativize(f.getParent()).toString().replace('\\', '/')));
    }
    assertThat(covered).containsAll(found);
  }

  // ---- the invariants of an installation --------------------------------------------------------------------------

  private static void assertInstallation(List<JsonNode> rendered, String namespace, String prefix, boolean fluentBit,
      String clusterId) {
    String account = prefix + "kaizen-operator";
    JsonNode serviceAccount = one(rendered, "ServiceAccount", account);
    assertThat(namespace(serviceAccount)).isEqualTo(namespace);
    one(rendered, "Namespace", namespace);

    for (JsonNode o : rendered) {
      String kind = o.path("kind").asText();
      if (CLUSTER_SCOPED.contains(kind)) {
        assertThat(namespace(o)).as("cluster-scoped %s", name(o)).isEmpty();
      } else if (name(o).equals(FLUENT_BIT_RBAC)) {
        assertThat(namespace(o)).as("%s %s", kind, name(o)).isEqualTo(FLUENT_BIT_NAMESPACE);
      } else {
        assertThat(namespace(o)).as("%s %s", kind, name(o)).isEqualTo(namespace);
      }
    }
    assertThat(rendered.stream().filter(o -> name(o).equals(FLUENT_BIT_RBAC)).map(o -> o.path("kind").asText()))
        .as("the Fluent Bit Role and RoleBinding")
        .containsExactlyInAnyOrderElementsOf(fluentBit ? List.of("Role", "RoleBinding") : List.of());

    for (JsonNode binding : rendered) {
      String kind = binding.path("kind").asText();
      if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
        continue;
      }
      JsonNode roleRef = binding.path("roleRef");
      JsonNode role = one(rendered, roleRef.path("kind").asText(), roleRef.path("name").asText());
      if (kind.equals("RoleBinding")) {
        assertThat(namespace(role)).as("role of %s", name(binding)).isEqualTo(namespace(binding));
      }
      assertThat(binding.path("subjects")).as("subjects of %s", name(binding)).singleElement().satisfies(s -> {
        assertThat(s.path("kind").asText()).isEqualTo("ServiceAccount");
        assertThat(s.path("name").asText()).isEqualTo(account);
        assertThat(s.path("namespace").asText()).isEqualTo(namespace);
      });
    }

    JsonNode deployment = one(rendered, "Deployment", account);
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo(account);
    List<String> args = args(deployment);
    assertThat(args.get(0)).isEqualTo("run");
    new CommandLine(new RunCommand()).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    JsonNode env = pod.path("containers").get(0).path("env");
    for (JsonNode variable : env) {
      JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
      if (!ref.isMissingNode()) {
        JsonNode configMap = one(rendered, "ConfigMap", ref.path("name").asText());
        assertThat(namespace(configMap)).isEqualTo(namespace);
        if (clusterId != null || !ref.path("optional").asBoolean()) {
          assertThat(configMap.path("data").path(ref.path("key").asText()).asText()).as(variable.path("name").asText())
              .isNotEmpty();
        }
      }
    }
    JsonNode identity = find(env, "KAIZEN_CLUSTER_ID");
    assertThat(identity).as("env KAIZEN_CLUSTER_ID").isNotNull();
    JsonNode identityMap = one(rendered, "ConfigMap",
        identity.path("valueFrom").path("configMapKeyRef").path("name").asText());
    if (clusterId != null) {
      assertThat(identityMap.path("data").path("cluster-id").asText()).isEqualTo(clusterId);
    }
  }

  private static List<String> args(JsonNode deployment) {
    List<String> args = new ArrayList<>();
    deployment.path("spec").path("template").path("spec").path("containers").get(0).path("args")
        .forEach(a -> args.add(a.asText()));
    return args;
  }

  private static JsonNode find(JsonNode env, String name) {
    for (JsonNode variable : env) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    return null;
  }

  private static JsonNode one(List<JsonNode> rendered, String kind, String name) {
    List<JsonNode> found = rendered.stream()
        .filter(o -> o.path("kind").asText().equals(kind) && name(o).equals(name)).toList();
    assertThat(found).as("rendered %s %s among %s", kind, name,
        rendered.stream().map(o -> o.path("kind").asText() + "/" + name(o)).toList()).hasSize(1);
    return found.get(0);
  }

  private static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  private static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText();
  }
}
