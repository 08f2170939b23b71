package dev.kaizen.operator.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validator behaviour the generated CRDs do not exercise yet, against a hand-written CRD
 * ({@code src/test/resources/manifest/crds/widgets.kaizen.dev.yaml}) loaded from a directory.
 */
class CustomRulesTest {
  private static ManifestValidator validator;

  private static final String WIDGET = """
      apiVersion: kaizen.dev/v1alpha1
      kind: Widget
      metadata: {name: w-one, namespace: shop}
      spec:
        size: 4
        divisor: 2
        ports:
          - {name: http, port: 80}
        extra:
          anything: [1, 2]
      """;

  @BeforeAll
  static void loadCrds() throws URISyntaxException {
    Path crds = Path.of(CustomRulesTest.class.getResource("/manifest/crds").toURI());
    CrdSchemas schemas = CrdSchemas.fromDirectory(crds);
    assertThat(schemas.loadProblems()).isEmpty();
    validator = new ManifestValidator(schemas);
  }

  // Every widget trips the rule that does not compile; the tests look past it.
  private static final String NOT_COMPILING = "rule does not compile";

  @Test
  void aRuleThatDoesNotCompileIsReportedAndTheOthersStillRun() {
    List<Problem> problems = validate(WIDGET);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("spec");
      assertThat(p.message()).startsWith(NOT_COMPILING).contains("noSuchFunction");
    });
  }

  @Test
  void aRuleThatFailsToEvaluateIsReportedNotThrown() {
    assertThat(messages(WIDGET.replace("divisor: 2", "divisor: 0")))
        .anySatisfy(m -> assertThat(m).startsWith("rule could not be evaluated").contains("/ by zero"));
  }

  @Test
  void defaultsAreAppliedBeforeRulesRun() {
    // replicas defaults to 1, which must not exceed size.
    assertThat(messages(WIDGET.replace("size: 4", "size: 0")))
        .contains("replicas 1 exceed size 0");
  }

  @Test
  void messageExpressionAndFieldPathShapeTheProblem() {
    List<Problem> problems = validate(WIDGET.replace("divisor: 2", "divisor: 2\n  replicas: 9"));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("spec.replicas");
      assertThat(p.message()).isEqualTo("replicas 9 exceed size 4");
    });
  }

  @Test
  void reservedWordsAreEscapedAsInKubernetes() {
    assertThat(messages(WIDGET.replace("divisor: 2", "divisor: 2\n  namespace: kube-system")))
        .contains("namespace kube-system is not allowed");
  }

  @Test
  void numbersAreDoublesEvenWithoutAFraction() {
    assertThat(messages(WIDGET.replace("divisor: 2", "divisor: 2\n  ratio: 1"))).containsOnly(notCompiling());
    assertThat(messages(WIDGET.replace("divisor: 2", "divisor: 2\n  ratio: 3"))).contains("ratio must be at most 1");
  }

  @Test
  void nullIsDefaultedOrPrunedUnlessTheFieldIsNullable() {
    assertThat(messages(WIDGET.replace("divisor: 2", "divisor: 2\n  replicas: null\n  note: null")))
        .containsOnly(notCompiling());
  }

  @Test
  void durationsAreGoDurationsAsInKubernetes() {
    assertThat(messages(WIDGET.replace("divisor: 2", "divisor: 2\n  interval: 1h30m"))).containsOnly(notCompiling());
    assertThat(validate(WIDGET.replace("divisor: 2", "divisor: 2\n  interval: PT5M"))).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("spec.interval");
      assertThat(p.message()).startsWith("\"PT5M\" is not a valid duration");
    });
  }

  @Test
  void rootRulesSeeTheName() {
    assertThat(messages(WIDGET.replace("name: w-one", "name: one"))).contains("Widget names start with w-");
  }

  @Test
  void optionalOldSelfRulesRunOnCreateAndOnUpdate() {
    Manifest old = LogPipelineValidationTest.manifest(WIDGET);
    Manifest shrunk = LogPipelineValidationTest.manifest(WIDGET.replace("size: 4", "size: 3"));
    assertThat(messages(validator.validate(shrunk, Optional.empty()))).doesNotContain("size cannot shrink");
    assertThat(messages(validator.validate(shrunk, Optional.of(old)))).contains("size cannot shrink");
  }

  @Test
  void itemsOfAMapListAreMatchedWithTheirOldSelfByKey() {
    Manifest old = LogPipelineValidationTest.manifest(WIDGET);
    Manifest reordered = LogPipelineValidationTest.manifest(
        WIDGET.replace("- {name: http, port: 80}", "- {name: https, port: 443}\n    - {name: http, port: 80}"));
    Manifest renumbered = LogPipelineValidationTest.manifest(WIDGET.replace("port: 80", "port: 8080"));

    assertThat(messages(validator.validate(reordered, Optional.of(old)))).containsOnly(notCompiling());
    assertThat(validator.validate(renumbered, Optional.of(old))).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("spec.ports[0]");
      assertThat(p.message()).isEqualTo("a named port keeps its number");
    });
  }

  @Test
  void preservedFieldsAreNotUnknownButOthersAre() {
    assertThat(validate(WIDGET.replace("anything:", "whatever: 1\n    anything:")))
        .extracting(Problem::path)
        .doesNotContain("spec.extra.whatever");
    assertThat(validate(WIDGET.replace("{name: http, port: 80}", "{name: http, port: 80, proto: TCP}")))
        .extracting(Problem::path, Problem::message)
        .contains(tuple("spec.ports[0].proto",
            "unknown field (not declared in the schema); known fields here: name, port"));
  }

  @Test
  void mapListKeysMustBeUnique() {
    String twice = "- {name: http, port: 80}\n    - {name: http, port: 81}";
    assertThat(validate(WIDGET.replace("- {name: http, port: 80}", twice)))
        .extracting(Problem::path, Problem::message)
        .contains(tuple("spec.ports[1]", "duplicate entry with keys {\"name\":\"http\"}"));
  }

  @Test
  void errorsInListItemsNameTheIndex() {
    assertThat(validate(WIDGET.replace("port: 80", "port: 0")))
        .extracting(Problem::path)
        .contains("spec.ports[0].port");
  }

  private static String notCompiling() {
    return validate(WIDGET).get(0).message();
  }

  private static List<Problem> validate(String yaml) {
    return validator.validate(LogPipelineValidationTest.manifest(yaml));
  }

  private static List<String> messages(String yaml) {
    return messages(validate(yaml));
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).toList();
  }
}
