package dev.kaizen.operator.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.manifest.CrdSchemas;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.ManifestValidator;
import dev.kaizen.operator.core.manifest.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad-transition corpus (src/test/resources/bad-transitions, one file per case: the object as stored, then the
 * update a person tries): fields that name an AWS object cannot change once set. The CRDs' transition rules
 * ({@code self == oldSelf}) must refuse each update at the named field, as a real API server does on an update —
 * and only the transition: the stored object and the new one are each valid on their own (on a create).
 */
@ExtendWith(Figures.class)
class ImmutableFieldCorpusTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "bad-transitions");
  private static final String EXPECT_FIELD = "# expect-field: ";
  private final ManifestValidator apiServer = new ManifestValidator(CrdSchemas.fromDirectory(Path.of("..", "crds")));

  record Transition(Path file, String field, Manifest stored, Manifest update) {}

  static List<Transition> corpus() throws IOException {
    List<Transition> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String field = Files.readAllLines(file).stream().filter(l -> l.startsWith(EXPECT_FIELD))
            .map(l -> l.substring(EXPECT_FIELD.length()).strip()).findFirst()
            .orElseThrow(() -> new AssertionError(file + " has no '" + EXPECT_FIELD + "' line"));
        List<Manifest> manifests = new ManifestReader().read(file).manifests();
        assertThat(manifests).as(file + ": the stored object, then the update").hasSize(2);
        cases.add(new Transition(file, field, manifests.get(0), manifests.get(1)));
      }
    }
    return cases;
  }

  @Test
  void everyImmutableFieldChangeIsRefusedAtItsFieldAndOnlyAsAChange() throws IOException {
    List<Transition> cases = corpus();
    assertThat(cases.stream().map(c -> c.stored().object().path("kind").asText()).distinct())
        .containsExactlyInAnyOrder("LogPipeline", "MailRoute", "AwsAccount");
    List<String> wrong = new ArrayList<>();
    for (Transition t : cases) {
      String name = CORPUS.relativize(t.file()).toString();
      List<Problem> onCreate = new ArrayList<>(apiServer.validate(t.stored(), Optional.empty()));
      onCreate.addAll(apiServer.validate(t.update(), Optional.empty()));
      List<Problem> unchanged = apiServer.validate(t.stored(), Optional.of(t.stored()));
      List<Problem> onUpdate = apiServer.validate(t.update(), Optional.of(t.stored()));
      if (!onCreate.isEmpty() || !unchanged.isEmpty()) {
        wrong.add(name + ": not valid on its own: " + onCreate + unchanged);
      } else if (onUpdate.isEmpty()) {
        wrong.add(name + ": the update was accepted");
      } else if (onUpdate.stream().noneMatch(p -> p.path().equals(t.field()) && p.message().contains("cannot"))) {
        wrong.add(name + ": refused elsewhere than " + t.field() + ": " + onUpdate);
      }
    }
    assertThat(wrong).isEmpty();
    Figures.add("bad transitions (immutable fields) refused by the CRDs", cases.size());
  }
}
