package dev.kaizen.operator.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.core.manifest.CrdSchemas;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.ManifestValidator;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The bad-input corpus (src/test/resources/bad-input, one invalid manifest per file — first, followed by what it
 * refers to, if anything — its header naming the field at fault): every manifest is reported by {@code kaizen validate} at that field; each is refused by the CRDs in
 * crds/ as a real API server would, or else the operator drives it to Stalled — and no manifest of the corpus ever
 * causes a mutating AWS call.
 */
@org.junit.jupiter.api.extension.ExtendWith(Figures.class)
class BadInputCorpusTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");
  private static final String EXPECT_FIELD = "# expect-field: ";

  /** One corpus file: the manifest, and the field a person must be pointed at. */
  record Case(Path file, String field, Manifest manifest) {
    String name() {
      return CORPUS.relativize(file).toString();
    }
  }

  static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String field = Files.readAllLines(file).stream().filter(l -> l.startsWith(EXPECT_FIELD))
            .map(l -> l.substring(EXPECT_FIELD.length()).strip()).findFirst()
            .orElseThrow(() -> new AssertionError(file + " has no '" + EXPECT_FIELD + "' line"));
        List<Manifest> manifests = new ManifestReader().read(file).manifests();
        // The first document is the bad one; any others are what it refers to (an AwsAccount, say).
        assertThat(manifests).as(file.toString()).isNotEmpty();
        cases.add(new Case(file, field, manifests.get(0)));
      }
    }
    return cases;
  }

  @Test
  void theCorpusCoversEveryKindWithAtLeastSixtyManifests() throws IOException {
    List<Case> cases = corpus();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(cases.stream().map(c -> c.manifest().object().path("kind").asText()).distinct())
        .containsExactlyInAnyOrder("LogPipeline", "MailRoute", "CronJobSet", "SolrCluster", "AwsAccount");
  }

  @Test
  void kaizenValidateReportsEveryManifestAtItsField() throws IOException {
    // One run over the whole corpus, as CI runs it over a repository.
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("validate", CORPUS.toString());
    List<String> lines = err.toString().lines().toList();

    assertThat(exit).isEqualTo(1);
    List<String> missed = new ArrayList<>();
    for (Case bad : corpus()) {
      String expected = bad.manifest().resource() + ": " + bad.field();
      boolean reported = lines.stream().anyMatch(line -> line.startsWith(bad.file().toString() + ":")
          && line.contains(expected));
      if (!reported) {
        missed.add(bad.name() + ": no line with '" + expected + "'");
      }
    }
    assertThat(missed).as(err.toString()).isEmpty();
  }

  /**
   * Those the CRDs let through (the API server knows only their schema and CEL rules) reach the operator: each must
   * end Stalled with a plain sentence, stay so after rechecks and a restart, and never cost a mutating AWS call.
   */
  @Test
  void whatTheCrdsAdmitTheOperatorStallsWithNoMutatingAwsCall() throws IOException {
    ManifestValidator apiServer = new ManifestValidator(CrdSchemas.fromDirectory(Path.of("..", "crds")));
    List<Case> admitted = corpus().stream().filter(c -> apiServer.validate(c.manifest(), Optional.empty()).isEmpty())
        .toList();
    assertThat(admitted).as("cases only the operator can catch").isNotEmpty();

    try (OperatorHarness harness = new OperatorHarness()) {
      harness.start(OperatorHarness.fastTimings(Duration.ofMillis(500)));
      for (String namespace : List.of("shop", "search")) {
        harness.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
            .endMetadata().build()).create();
      }
      List<GenericKubernetesResource> applied = new ArrayList<>();
      for (Case bad : admitted) {
        GenericKubernetesResource resource = harness.client().getKubernetesSerialization()
            .convertValue(bad.manifest().object(), GenericKubernetesResource.class);
        // One namespace per kind may hold several: give each case its own name.
        resource.getMetadata().setName(bad.file().getFileName().toString().replace(".yaml", ""));
        applied.add(harness.client().resource(resource).create());
      }

      awaitAllStalled(harness, applied, admitted);
      harness.restart();
      // Several rechecks of the new operator (resync 500 ms), still Stalled, still no write.
      await().pollDelay(Duration.ofSeconds(3)).atMost(OperatorHarness.WAIT).until(() -> true);
      awaitAllStalled(harness, applied, admitted);
      assertThat(mutatingAwsCalls(harness)).isEmpty();
      assertThat(harness.client().batch().v1().cronjobs().inAnyNamespace().list().getItems()).isEmpty();
      Figures.add("bad inputs: manifests", corpus().size());
      Figures.add("bad inputs: refused by the CRDs", corpus().size() - admitted.size());
      Figures.add("bad inputs: stalled by the operator", admitted.size());
      Figures.add("bad inputs: mutating AWS calls", mutatingAwsCalls(harness).size());
      System.out.printf("bad-input corpus: %d manifests, %d refused by the CRDs, %d stalled by the operator (%s),"
          + " 0 mutating AWS calls%n", corpus().size(), corpus().size() - admitted.size(), admitted.size(),
          admitted.stream().map(Case::name).toList());

      // Positive control: a valid resource in the same operator does make mutating calls, so the count can fail.
      harness.client().resource(harness.client().getKubernetesSerialization().unmarshal("""
          apiVersion: kaizen.dev/v1alpha1
          kind: LogPipeline
          metadata: {name: control, namespace: shop}
          spec: {region: eu-west-1, logGroup: {retentionDays: 30}}
          """, GenericKubernetesResource.class)).create();
      harness.awaitReady("shop", "control");
      assertThat(mutatingAwsCalls(harness)).isNotEmpty();
    }
  }

  private static void awaitAllStalled(OperatorHarness harness, List<GenericKubernetesResource> applied,
      List<Case> cases) {
    await().atMost(OperatorHarness.WAIT.multipliedBy(2)).untilAsserted(() -> {
      List<String> notStalled = new ArrayList<>();
      for (int i = 0; i < applied.size(); i++) {
        GenericKubernetesResource now = harness.client().resource(applied.get(i)).get();
        Optional<Map<String, Object>> stalled = condition(now, "Stalled");
        boolean plain = stalled.map(c -> "True".equals(c.get("status")) && c.get("message") instanceof String m
            && !m.isBlank()).orElse(false);
        if (!plain) {
          notStalled.add(cases.get(i).name() + " -> " + (now == null ? "gone" : now.getAdditionalProperties()
              .get("status")));
        }
      }
      assertThat(notStalled).isEmpty();
    });
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> condition(HasMetadata resource, String type) {
    if (!(resource instanceof GenericKubernetesResource generic)
        || !(generic.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
        || !(status.get("conditions") instanceof List<?> conditions)) {
      return Optional.empty();
    }
    return conditions.stream().map(c -> (Map<String, Object>) c).filter(c -> type.equals(c.get("type")))
        .findFirst();
  }

  private static List<String> mutatingAwsCalls(OperatorHarness harness) {
    List<FakeAwsService> fakes = List.of(harness.logs(), harness.cloudWatch(), harness.ses(), harness.route53(),
        harness.ec2(), harness.elb(), harness.autoScaling(), harness.ssm(), harness.sts(), harness.scheduler(),
        harness.eventBridge());
    return fakes.stream().flatMap(fake -> fake.mutatingCalls().stream()).map(FakeAwsService.Call::operation)
        .toList();
  }
}
