package dev.kaizen.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.manifest.CrdSchemas;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.ManifestValidator;
import dev.kaizen.operator.core.manifest.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The CRDs as committed under crds/ (what a cluster is given) accept the examples and reject bad input at
 * admission — the mock API server does not validate, so this is where admission is tested.
 */
class CrdValidationTest {
  private final ManifestValidator validator = new ManifestValidator(CrdSchemas.fromDirectory(Path.of("..", "crds")));
  private final ManifestReader reader = new ManifestReader();

  private List<Problem> validate(String yaml) {
    var read = reader.readString("test.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    return validator.validateAll(read.manifests());
  }

  private static String logGroup(String fields) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec:
          logGroup:
        %s
        """.formatted(fields.indent(4).stripTrailing());
  }

  @Test
  void examplesAreAccepted() {
    var read = reader.read(Path.of("..", "examples"));
    assertThat(read.manifests()).isNotEmpty();
    assertThat(validator.validateAll(read.manifests())).isEmpty();
  }

  @Test
  void retentionCloudWatchDoesNotAcceptIsRejected() {
    assertThat(validate(logGroup("retentionDays: 8"))).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("retentionDays must be one of the values CloudWatch"));
    assertThat(validate(logGroup("retentionDays: 1096"))).isEmpty();
  }

  @Test
  void malformedKmsArnIsRejected() {
    assertThat(validate(logGroup("kmsKeyArn: arn:aws:kms:eu-west-1:111122223333:alias/x")))
        .extracting(Problem::path).containsExactly("spec.logGroup.kmsKeyArn");
  }

  @Test
  void logGroupNameWithCharactersCloudWatchRejectsIsRejected() {
    for (String name : List.of("/shop/web*", "/shop/web logs", "/shop/ü", "")) {
      assertThat(validate(logGroup("name: \"" + name + "\""))).as(name)
          .extracting(Problem::path).isNotEmpty().containsOnly("spec.logGroup.name");
    }
    assertThat(validate(logGroup("name: /shop/web.2_x-y#z"))).isEmpty();
  }

  @Test
  void renamingTheGroupIsRejectedButKeepingItIsNot() {
    var before = reader.readString("old.yaml", logGroup("name: /shop/web")).manifests().get(0);
    var renamed = reader.readString("new.yaml", logGroup("name: /shop/api")).manifests().get(0);
    var removed = reader.readString("new.yaml", logGroup("retentionDays: 30")).manifests().get(0);

    assertThat(validator.validate(renamed, Optional.of(before))).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("logGroup.name cannot change once set"));
    assertThat(validator.validate(removed, Optional.of(before))).hasSize(1);
    assertThat(validator.validate(before, Optional.of(before))).isEmpty();
  }

  private static String metricFilter(String filter) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec:
          logGroup: {}
          metricFilters:
        %s
        """.formatted(filter.indent(4).stripTrailing());
  }

  @Test
  void metricFilterWithoutMetricNameIsRejected() {
    assertThat(validate(metricFilter("""
        - name: errors
          pattern: ERROR
          metric: {namespace: Shop/Web}
        """))).extracting(Problem::path).contains("spec.metricFilters[0].metric.name");
  }

  @Test
  void patternLongerThanAwsAcceptsIsRejected() {
    String tooLong = "x".repeat(1025);
    assertThat(validate(metricFilter("""
        - name: errors
          pattern: %s
          metric: {namespace: Shop/Web, name: Errors}
        """.formatted(tooLong)))).extracting(Problem::path).containsExactly("spec.metricFilters[0].pattern");
    assertThat(validate(metricFilter("""
        - name: errors
          pattern: %s
          metric: {namespace: Shop/Web, name: Errors}
        """.formatted("x".repeat(1024))))).isEmpty();
  }

  @Test
  void alarmWithoutThresholdIsRejected() {
    assertThat(validate(metricFilter("""
        - name: errors
          pattern: ERROR
          metric: {namespace: Shop/Web, name: Errors}
          alarm: {periodSeconds: 60}
        """))).extracting(Problem::path).contains("spec.metricFilters[0].alarm.threshold");
  }

  @Test
  void malformedSnsArnAndBadPeriodAreRejected() {
    var problems = validate(metricFilter("""
        - name: errors
          pattern: ERROR
          metric: {namespace: Shop/Web, name: Errors}
          alarm:
            threshold: 5
            periodSeconds: 45
            actions: ["arn:aws:sqs:eu-west-1:111122223333:queue"]
        """));
    assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
        "spec.metricFilters[0].alarm.actions[0]", "spec.metricFilters[0].alarm.periodSeconds");
  }

  private List<Problem> validateAlarm(String alarmFields) {
    return validate(metricFilter("""
        - name: errors
          pattern: ERROR
          metric: {namespace: Shop/Web, name: Errors}
          alarm: {threshold: 5, %s}
        """.formatted(alarmFields)));
  }

  @Test
  void periodsCloudWatchAcceptsAreAccepted() {
    for (int period : List.of(10, 20, 30, 60, 300, 3600, 86400, 604800)) {
      assertThat(validateAlarm("periodSeconds: " + period)).as("period %d", period).isEmpty();
    }
    for (int period : List.of(15, 40, 90, 604860)) {
      assertThat(validateAlarm("periodSeconds: " + period)).as("period %d", period)
          .extracting(Problem::path).contains("spec.metricFilters[0].alarm.periodSeconds");
    }
  }

  @Test
  void evaluationWindowIsOneDayUnderAnHourPeriodAndSevenDaysFromAnHour() {
    assertThat(validateAlarm("periodSeconds: 60, evaluationPeriods: 1440")).isEmpty();
    assertThat(validateAlarm("periodSeconds: 20, evaluationPeriods: 4320")).isEmpty();
    assertThat(validateAlarm("periodSeconds: 3600, evaluationPeriods: 25")).isEmpty();
    assertThat(validateAlarm("periodSeconds: 3600, evaluationPeriods: 168")).isEmpty();
    assertThat(validateAlarm("evaluationPeriods: 1440")).as("default period 60").isEmpty();

    for (String tooLong : List.of("periodSeconds: 60, evaluationPeriods: 1441", "evaluationPeriods: 1441",
        "periodSeconds: 3540, evaluationPeriods: 25", "periodSeconds: 3600, evaluationPeriods: 169",
        "periodSeconds: 10, evaluationPeriods: 8641")) {
      assertThat(validateAlarm(tooLong)).as(tooLong).anySatisfy(p -> {
        assertThat(p.path()).startsWith("spec.metricFilters[0].alarm");
        assertThat(p.message()).contains("periodSeconds x evaluationPeriods");
      });
    }
  }

  @Test
  void duplicateFilterNamesAreRejected() {
    assertThat(validate(metricFilter("""
        - {name: errors, pattern: ERROR, metric: {namespace: A, name: B}}
        - {name: errors, pattern: FATAL, metric: {namespace: A, name: C}}
        """))).singleElement().satisfies(p -> assertThat(p.message()).contains("unique names"));
  }

  @Test
  void reservedTagKeysAreRejected() {
    assertThat(validate(logGroup("tags: {\"kaizen.dev/owner\": me}"))).hasSize(1);
    assertThat(validate(logGroup("tags: {\"aws:cloudformation\": x}"))).hasSize(1);
  }
}
