package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.manifest.CrdSchemas;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.ManifestValidator;
import dev.kaizen.operator.core.manifest.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The committed CRD's rule on a pool's scaling mode, as the API server runs it on an update: SES converts STANDARD to
 * MANAGED (PutDedicatedIpPoolScalingAttributes) and refuses the other way, so only MANAGED -> STANDARD is refused —
 * also when STANDARD is meant by leaving the mode out.
 */
class DedicatedIpPoolScalingTransitionTest {
  private static final String FIELD = "spec.configurationSet.dedicatedIpPool.scalingMode";
  private final ManifestValidator apiServer = new ManifestValidator(CrdSchemas.fromDirectory(Path.of("..", "crds")));

  private static Manifest route(String scalingModeLine) {
    List<Manifest> read = new ManifestReader().readString("route.yaml", """
        apiVersion: kaizen.dev/v1alpha1
        kind: MailRoute
        metadata:
          name: shop
          namespace: shop
        spec:
          domain: shop.example.com
          dns:
            manual: true
          configurationSet:
            name: shop-mail
            dedicatedIpPool:
              name: shop-pool
        """ + scalingModeLine).manifests();
    assertThat(read).hasSize(1);
    return read.get(0);
  }

  private List<Problem> update(String from, String to) {
    return apiServer.validate(route(to), Optional.of(route(from)));
  }

  @Test
  void standardMayBecomeManagedButManagedNeverBecomesStandard() {
    String standard = "      scalingMode: STANDARD\n";
    String managed = "      scalingMode: MANAGED\n";
    String absent = "";
    assertThat(update(standard, managed)).isEmpty();
    assertThat(update(absent, managed)).isEmpty();
    assertThat(update(managed, managed)).isEmpty();
    assertThat(update(standard, absent)).isEmpty();
    assertThat(update(managed, standard)).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo(FIELD);
      assertThat(problem.message()).contains("cannot change from MANAGED to STANDARD");
    });
    assertThat(update(managed, absent)).singleElement().satisfies(problem -> assertThat(problem.path())
        .isEqualTo(FIELD));
  }
}
