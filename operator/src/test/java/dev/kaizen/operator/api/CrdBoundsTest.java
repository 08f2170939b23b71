package dev.kaizen.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kaizen.operator.api.CelCostEstimator.Estimate;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every CRD a real API server is given must be accepted by it: every string, list and map bounded, and every CEL
 * rule within the API server's static cost budgets (the fabric8 mock server checks neither). Covers every kind of
 * {@link Kinds#ALL} with no code per kind.
 */
class CrdBoundsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The openAPIV3Schema of every served version of every kind, as installed (Kinds.crd). */
  private static List<Schema> schemas() {
    List<Schema> out = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      JsonNode crd = JSON.valueToTree(SERIALIZATION.unmarshal(SERIALIZATION.asJson(Kinds.crd(kind)), JsonNode.class));
      crd.path("spec").path("versions").forEach(version -> out.add(new Schema(
          Kinds.crdName(kind) + "/" + version.path("name").asText(), version.path("schema").path("openAPIV3Schema"))));
    }
    return out;
  }

  record Schema(String name, JsonNode openApiV3) {}

  @Test
  void everyStringListAndMapOfEveryKindIsBounded() {
    assertThat(schemas()).isNotEmpty().allSatisfy(schema -> assertThat(SchemaBounds.unbounded(schema.openApiV3()))
        .as("unbounded values in %s (add @Size to the model)", schema.name()).isEmpty());
  }

  @Test
  void everyRuleOfEveryKindFitsTheApiServersCostBudgets() {
    for (Schema schema : schemas()) {
      Estimate estimate = CelCostEstimator.estimate(schema.openApiV3());
      assertThat(estimate.overRuleLimit()).as("rules of %s over the per-rule budget of %,d", schema.name(),
          CelCostEstimator.PER_RULE_LIMIT).isEmpty();
      assertThat(estimate.total()).as("total estimated cost of %s's rules: %s", schema.name(), estimate.rules())
          .isLessThanOrEqualTo(CelCostEstimator.CRD_LIMIT);
      System.out.printf(Locale.ROOT, "%s: most expensive rule %.4fx of its budget, total %.4fx%n", schema.name(),
          estimate.rules().stream().mapToDouble(CelCostEstimator.RuleCost::factorOfRuleLimit).max().orElse(0),
          estimate.factorOfCrdLimit());
    }
  }

  /**
   * Calibration on the CRD a real kube-apiserver v1.32 refused: it reported 10.1x the per-rule budget for the rule
   * on tag values, 7.5x for the rule on matchLabels and 1.8x the CRD budget in total. The estimate must refuse it
   * too, by about as much.
   */
  @Test
  void theCrdARealApiServerRefusedIsRefusedByAsMuch() throws IOException {
    JsonNode refused = fixture("crds/logpipelines-refused-by-kube-apiserver-1.32.yaml")
        .path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");

    assertThat(SchemaBounds.unbounded(refused)).filteredOn(p -> p.startsWith("spec."))
        .containsExactlyInAnyOrder("spec.logGroup.tags{*}: string without maxLength",
            "spec.pods.matchLabels{*}: string without maxLength");

    Estimate estimate = CelCostEstimator.estimate(refused);
    double tagValues = estimate.at("spec.logGroup.tags", "self[k]").factorOfRuleLimit();
    double labels = estimate.at("spec.pods.matchLabels", "self[k]").factorOfRuleLimit();
    assertThat(tagValues).as("tag values rule (apiserver: 10.1x)").isBetween(10.05, 10.15);
    assertThat(labels).as("matchLabels rule (apiserver: 7.5x)").isBetween(7.45, 7.6);
    assertThat(estimate.factorOfCrdLimit()).as("total (apiserver: 1.8x)").isBetween(1.75, 1.85);
    assertThat(estimate.overRuleLimit()).extracting(CelCostEstimator.RuleCost::path)
        .containsExactlyInAnyOrder("spec.logGroup.tags", "spec.pods.matchLabels");
    System.out.printf(Locale.ROOT, "estimate of the refused CRD: tag values %.2fx, matchLabels %.2fx, total %.2fx%n",
        tagValues, labels, estimate.factorOfCrdLimit());
  }

  /** Dropping any single bound from the shipped schema is reported at that place: the check cannot miss one. */
  @Test
  void removingAnyBoundIsCaughtWhereItWasRemoved() {
    JsonNode shipped = schemaOf(LogPipeline.class);
    List<String> bounds = new ArrayList<>();
    collectBounds(shipped, "", bounds);
    assertThat(bounds).hasSizeGreaterThan(20);
    for (String bound : bounds) {
      int at = bound.lastIndexOf('#');
      String path = bound.substring(0, at);
      JsonNode copy = shipped.deepCopy();
      ObjectNode node = (ObjectNode) nodeAt(copy, path);
      node.remove(bound.substring(at + 1));
      if (node.has("enum") || "date-time".equals(node.path("format").asText())) {
        continue;
      }
      assertThat(SchemaBounds.unbounded(copy)).as("without %s", bound)
          .anySatisfy(p -> assertThat(p).startsWith((path.isEmpty() ? "<root>" : path) + ": "));
    }
  }

  @Test
  void withoutTheTagValueBoundTheTagRuleIsOverBudgetAgain() {
    JsonNode copy = schemaOf(LogPipeline.class).deepCopy();
    ((ObjectNode) nodeAt(copy, "spec.logGroup.tags{*}")).remove("maxLength");
    Estimate estimate = CelCostEstimator.estimate(copy);
    assertThat(estimate.overRuleLimit()).extracting(CelCostEstimator.RuleCost::path)
        .containsExactly("spec.logGroup.tags");
  }

  @Test
  void costsFollowKubernetesRulesOnSmallCases() {
    JsonNode string63 = JSON.createObjectNode().put("type", "string").put("maxLength", 63);
    // size(self) = 1 (call) + 1 (self)
    assertThat(CelCostEstimator.cost("size(self) <= 10", string63)).isEqualTo(3);
    // matches: ceil((63*4 + 1) * 0.1) = 26 traversal, ceil(len("^a+$") * 0.25) = 1, plus self
    assertThat(CelCostEstimator.cost("self.matches('^a+$')", string63)).isEqualTo(26 + 1);
    JsonNode list = JSON.createObjectNode().put("type", "array").put("maxItems", 10).set("items", string63);
    // all: 10 x (loop condition 2 + step (1 accumulator + startsWith ceil(1*0.1)=1 + x 1)) + self 1 + result 1
    assertThat(CelCostEstimator.cost("self.all(x, x.startsWith('a'))", list)).isEqualTo(10 * (2 + 3) + 2);
  }

  private static JsonNode schemaOf(Class<? extends HasMetadata> kind) {
    JsonNode crd = JSON.valueToTree(SERIALIZATION.unmarshal(SERIALIZATION.asJson(Kinds.crd(kind)), JsonNode.class));
    return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
  }

  private static void collectBounds(JsonNode s, String path, List<String> out) {
    for (String bound : List.of("maxLength", "maxItems", "maxProperties")) {
      if (s.has(bound)) {
        out.add(path + "#" + bound);
      }
    }
    s.path("properties").properties().forEach(p -> collectBounds(p.getValue(),
        path.isEmpty() ? p.getKey() : path + "." + p.getKey(), out));
    if (s.has("items")) {
      collectBounds(s.get("items"), path + "[*]", out);
    }
    if (s.path("additionalProperties").isObject()) {
      collectBounds(s.get("additionalProperties"), path + "{*}", out);
    }
  }

  // Paths as SchemaBounds writes them: a.b, a[*] for list items, a{*} for map values.
  private static JsonNode nodeAt(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
      String name = part.replaceAll("(\\[\\*]|\\{\\*})+$", "");
      node = node.path("properties").path(name);
      for (String suffix : part.substring(name.length()).split("(?<=[]}])")) {
        if (suffix.equals("[*]")) {
          node = node.path("items");
        } else if (suffix.equals("{*}")) {
          node = node.path("additionalProperties");
        }
      }
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("no schema at " + path);
    }
    return node;
  }

  private static JsonNode fixture(String resource) throws IOException {
    try (InputStream in = CrdBoundsTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing");
      }
      return new YAMLMapper().readTree(in);
    }
  }
}
