package dev.kaizen.operator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Admission checks of the generated LogPipeline CRD, as the API server would apply them. */
class LogPipelineValidationTest {
  private static final ManifestValidator VALIDATOR =
      new ManifestValidator(CrdSchemas.fromClasspath("logpipelines.kaizen.dev"));
  private static final String RETENTION_MESSAGE = "retentionDays must be one of the values CloudWatch Logs accepts";
  private static final String RENAME_MESSAGE = "logGroup.name cannot change once set";

  private static final String VALID = """
      apiVersion: kaizen.dev/v1alpha1
      kind: LogPipeline
      metadata:
        name: web
        namespace: shop
      spec:
        region: eu-west-1
        mode: Apply
        deletionPolicy: Retain
        logGroup:
          name: /shop/web
          retentionDays: 30
          kmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
          tags:
            team: web
            "cost center": "Ünïcode 42"
      """;

  @Test
  void aValidManifestPasses() {
    assertThat(validate(VALID)).isEmpty();
  }

  @Test
  void aMinimalManifestPasses() {
    assertThat(validate("""
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web}
        spec:
          logGroup: {}
        """)).isEmpty();
  }

  @Test
  void retentionOutsideCloudWatchValuesIsRejectedWithTheRuleMessage() {
    List<Problem> problems = validate(VALID.replace("retentionDays: 30", "retentionDays: 8"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.logGroup.retentionDays");
      assertThat(p.message()).startsWith(RETENTION_MESSAGE);
      assertThat(p.toString()).startsWith(
          "in.yaml: LogPipeline shop/web: spec.logGroup.retentionDays: " + RETENTION_MESSAGE);
    });
  }

  @Test
  void aMalformedKmsKeyArnIsRejectedByItsPattern() {
    List<Problem> problems = validate(VALID.replace("arn:aws:kms:eu-west-1:111122223333:key/", "arn:aws:kms:key/"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.logGroup.kmsKeyArn");
      assertThat(p.message()).contains("does not match the pattern ^arn:aws");
    });
  }

  @Test
  void aLogGroupNameWithASpaceOrAStarIsRejected() {
    for (String name : List.of("\"/shop/my web\"", "\"/shop/*\"")) {
      assertThat(validate(VALID.replace("name: /shop/web", "name: " + name)))
          .as(name)
          .singleElement()
          .satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.logGroup.name");
            assertThat(p.message()).contains("does not match the pattern");
          });
    }
  }

  @Test
  void anUnknownFieldUnderSpecIsRejected() {
    List<Problem> problems = validate(VALID.replace("  mode: Apply", "  mode: Apply\n  retentionDay: 7"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.retentionDay");
      assertThat(p.message()).startsWith("unknown field");
    });
  }

  @Test
  void anUnknownFieldAtTheTopIsRejectedButApiVersionKindAndMetadataAreNot() {
    assertThat(validate(VALID + "extra: 1\n")).extracting(Problem::path).containsExactly("extra");
  }

  @Test
  void aModeOutsideTheEnumIsRejected() {
    List<Problem> problems = validate(VALID.replace("mode: Apply", "mode: DryRun"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.mode");
      assertThat(p.message()).isEqualTo("unsupported value \"DryRun\": must be one of \"Apply\", \"Plan\"");
    });
  }

  @Test
  void aMissingRequiredFieldIsRejectedAndRulesAreNotChecked() {
    List<Problem> problems = validate("""
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec:
          mode: Plan
          metricFilters:
            - {name: errors, pattern: ERROR}
        """);
    assertThat(problems).extracting(Problem::path, Problem::message).containsExactly(
        tuple("spec.metricFilters[0].metric", "required field is missing"),
        tuple("", "validation rules were not checked because of the errors above;"
            + " fix them to check the rules"));
  }

  @Test
  void logGroupMayBeOmittedButRemovingItDoesNotRenameTheGroup() {
    String withoutLogGroup = """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec:
          mode: Plan
        """;
    assertThat(validate(withoutLogGroup)).isEmpty();
    // The schema default {} is filled in, so the rename rule sees the block removed as the name removed.
    assertThat(VALIDATOR.validate(manifest(withoutLogGroup), Optional.of(manifest(VALID))))
        .extracting(Problem::path, Problem::message)
        .singleElement().satisfies(t -> assertThat(t.toList()).containsExactly(
            "spec.logGroup", "logGroup.name cannot change once set: to rename, create a new LogPipeline with the"
                + " new name and delete this one (with deletionPolicy Retain the old group is kept)."));
  }

  @Test
  void aWrongTypeIsReportedByFieldName() {
    List<Problem> problems = validate(VALID.replace("retentionDays: 30", "retentionDays: thirty"));
    assertThat(problems).first().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.logGroup.retentionDays");
      assertThat(p.message()).isEqualTo("must be of type integer, not string");
    });
  }

  @Test
  void renamingTheLogGroupIsRejectedWithTheRuleMessage() {
    Manifest old = manifest(VALID);
    Manifest renamed = manifest(VALID.replace("name: /shop/web", "name: /shop/web-2"));
    assertThat(VALIDATOR.validate(renamed, Optional.of(old))).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.logGroup");
      assertThat(p.message()).startsWith(RENAME_MESSAGE);
    });
  }

  @Test
  void removingAnExplicitLogGroupNameIsRejectedToo() {
    Manifest old = manifest(VALID);
    Manifest unnamed = manifest(VALID.replace("    name: /shop/web\n", ""));
    assertThat(VALIDATOR.validate(unnamed, Optional.of(old)))
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .startsWith(RENAME_MESSAGE);
  }

  @Test
  void keepingTheLogGroupNameOrSettingItForTheFirstTimePasses() {
    Manifest old = manifest(VALID);
    Manifest changed = manifest(VALID.replace("retentionDays: 30", "retentionDays: 60"));
    assertThat(VALIDATOR.validate(changed, Optional.of(old))).isEmpty();

    Manifest unnamed = manifest(VALID.replace("    name: /shop/web\n", ""));
    assertThat(VALIDATOR.validate(old, Optional.of(unnamed))).isEmpty();
  }

  @Test
  void theRenameRuleDoesNotRunOnCreate() {
    assertThat(VALIDATOR.validate(manifest(VALID), Optional.empty())).isEmpty();
  }

  @Test
  void reservedTagKeysAreRejected() {
    for (String key : List.of("aws:createdBy", "kaizen.dev/owner")) {
      assertThat(validate(VALID.replace("team: web", "\"" + key + "\": x")))
          .as(key)
          .singleElement()
          .satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.logGroup.tags");
            assertThat(p.message()).startsWith("tag keys must be 1-128 letters");
          });
    }
  }

  @Test
  void aTagValueWithAForbiddenCharacterIsRejected() {
    assertThat(validate(VALID.replace("team: web", "team: \"web;drop\"")))
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .startsWith("tag values must be at most 256");
  }

  @Test
  void aNonStringTagValueIsATypeErrorAtItsKey() {
    assertThat(validate(VALID.replace("team: web", "team: 42")))
        .extracting(Problem::path)
        .contains("spec.logGroup.tags[team]");
  }

  @Test
  void tooManyTagsAreRejected() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 41; i++) {
      tags.append("      t").append(i).append(": v\n");
    }
    String manifest = VALID.replace("      team: web\n", tags.toString());
    assertThat(validate(manifest)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec.logGroup.tags");
      assertThat(p.message()).contains("40");
    });
  }

  @Test
  void nullInANonNullableFieldIsPrunedAsTheApiServerDoes() {
    assertThat(validate(VALID.replace("mode: Apply", "mode: null"))).isEmpty();
  }

  @Test
  void statusIsIgnoredBecauseItIsASubresource() {
    assertThat(validate(VALID + "status:\n  bogus: true\n  observedGeneration: one\n")).isEmpty();
  }

  @Test
  void metadataNameAndNamespaceMustBeDnsNames() {
    String bad = VALID.replace("name: web\n", "name: Web_1\n").replace("namespace: shop", "namespace: Shop.x");
    assertThat(validate(bad)).extracting(Problem::path).containsExactly("metadata.name", "metadata.namespace");
    assertThat(validate(VALID.replace("  name: web\n", ""))).extracting(Problem::path, Problem::message)
        .containsExactly(tuple("metadata.name", "name is required"));
  }

  @Test
  void anUnknownKindOrVersionOfOurGroupIsAProblem() {
    assertThat(validate(VALID.replace("kind: LogPipeline", "kind: LogPipe")))
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .startsWith("no kind LogPipe in kaizen.dev/v1alpha1 (known kinds: kaizen.dev/LogPipeline)");
    assertThat(validate(VALID.replace("v1alpha1", "v1")))
        .singleElement()
        .extracting(Problem::message)
        .isEqualTo("no version v1 of LogPipeline (known versions: v1alpha1)");
  }

  private static List<Problem> validate(String yaml) {
    return VALIDATOR.validate(manifest(yaml));
  }

  static Manifest manifest(String yaml) {
    ManifestReader.Result read = new ManifestReader().readString("in.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests()).hasSize(1);
    return read.manifests().get(0);
  }
}
