package dev.kaizen.operator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problems a person can act on without reading a regular expression or the schema. */
class ReadableMessagesTest {
  private static final CrdSchemas CRDS = CrdSchemas.fromClasspath("logpipelines.kaizen.dev");
  private static final ManifestValidator VALIDATOR = new ManifestValidator(CRDS,
      FieldFormats.none().with(Kinds.GROUP, LogPipeline.KIND, LogPipelineFormats.BY_FIELD));

  private static List<Problem> validate(String spec) {
    return VALIDATOR.validate(LogPipelineValidationTest.manifest("""
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec:
        %s""".formatted(spec.indent(2))));
  }

  @Test
  void aPatternMismatchSaysWhatTheFieldExpectsInWords() {
    assertThat(validate("logGroup: {kmsKeyArn: \"arn:aws:kms:eu-west-1:111122223333:alias/shop\"}")).singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("spec.logGroup.kmsKeyArn");
          assertThat(p.message()).isEqualTo("\"arn:aws:kms:eu-west-1:111122223333:alias/shop\" is not valid here:"
              + " expected a KMS key ARN (arn:aws:kms:<region>:<account id>:key/<key id>), not an alias ARN");
        });
    // Items of lists are found by their schema path.
    assertThat(validate("""
        logGroup: {}
        metricFilters:
          - name: errors
            pattern: ERROR
            metric: {namespace: Shop/Web, name: Errors}
            alarm: {threshold: 1, actions: ["arn:aws:sns:eu-west-1:oncall"]}
        """)).singleElement().satisfies(p -> {
          assertThat(p.path()).isEqualTo("spec.metricFilters[0].alarm.actions[0]");
          assertThat(p.message())
              .endsWith("expected an SNS topic ARN (arn:aws:sns:<region>:<account id>:<topic name>)");
        });
  }

  @Test
  void everyPatternOfTheCrdHasWords() {
    CrdVersion crd = CRDS.find(LogPipelineValidationTest.manifest("""
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web}
        """)).orElseThrow();
    List<String> patterned = new ArrayList<>();
    collectPatterns(crd.schema(), "", patterned);

    assertThat(patterned).contains("spec.logGroup.kmsKeyArn", "spec.metricFilters[*].alarm.actions[*]");
    assertThat(LogPipelineFormats.BY_FIELD.keySet()).containsExactlyInAnyOrderElementsOf(patterned);
  }

  /** The paths of every field of {@code schema} with a pattern ({@code [*]} for list items and map values). */
  static void collectPatterns(JsonNode schema, String path, List<String> out) {
    if (schema.has("pattern")) {
      out.add(path);
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      collectPatterns(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), out);
    }
    if (schema.has("items")) {
      collectPatterns(schema.get("items"), path + "[*]", out);
    }
    if (schema.path("additionalProperties").isObject()) {
      collectPatterns(schema.get("additionalProperties"), path + "[*]", out);
    }
  }

  @Test
  void anUnknownFieldSuggestsTheNearestKnownOne() {
    assertThat(validate("logGroup: {retention: 30}")).extracting(Problem::path, Problem::message)
        .contains(tuple("spec.logGroup.retention",
            "unknown field; did you mean retentionDays?"));
    assertThat(validate("logGroup: {kmsKeyARN: x}")).extracting(Problem::message)
        .contains("unknown field; did you mean kmsKeyArn?");
    assertThat(validate("logGroup: {}\nsubscripton: {}")).extracting(Problem::message)
        .contains("unknown field; did you mean subscription?");
    // Nothing near: the fields there are, rather than a wild guess.
    assertThat(validate("logGroup: {colour: blue}")).extracting(Problem::message)
        .contains("unknown field (not declared in the schema); known fields here: kmsKeyArn, name, retentionDays,"
            + " tags");
  }

  @Test
  void aBadLabelSelectorNamesTheKeyOrValue() {
    List<Problem> problems = validate("""
        logGroup: {}
        pods:
          matchLabels:
            -app: web
            tier: "front end"
            example.com/: x
            Example.com/role: api
        """);

    assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
        "in.yaml: LogPipeline shop/web: spec.pods.matchLabels[-app]: label key \"-app\" is not valid: the name part"
            + " must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        "in.yaml: LogPipeline shop/web: spec.pods.matchLabels[tier]: label value \"front end\" is not valid: a label"
            + " value must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        "in.yaml: LogPipeline shop/web: spec.pods.matchLabels[example.com/]: label key \"example.com/\" is not"
            + " valid: the name part is empty",
        "in.yaml: LogPipeline shop/web: spec.pods.matchLabels[Example.com/role]: label key \"Example.com/role\" is"
            + " not valid: the prefix \"Example.com\" must be a DNS subdomain (at most 253 lower case letters,"
            + " digits, '-' and '.', e.g. example.com)");
    assertThat(validate("logGroup: {}\npods: {matchLabels: {app.kubernetes.io/name: web, empty: \"\"}}")).isEmpty();
  }

  @Test
  void nearestNameIsNeverAWildGuess() {
    List<String> known = List.of("name", "retentionDays", "kmsKeyArn", "tags");
    assertThat(NearestName.among(known, "retentionDay")).contains("retentionDays");
    assertThat(NearestName.among(known, "nmae")).contains("name");
    assertThat(NearestName.among(known, "tag")).contains("tags");
    assertThat(NearestName.among(known, "region")).isEmpty();
    assertThat(NearestName.among(known, "x")).isEmpty();
  }
}
