package dev.kaizen.operator.api.v1alpha1;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Every kind of the API, and the CRDs the build generates for them (on the classpath under META-INF/fabric8). */
public final class Kinds {
  public static final String GROUP = "kaizen.dev";
  public static final String VERSION = "v1alpha1";
  public static final List<Class<? extends HasMetadata>> ALL = List.of(LogPipeline.class, AwsAccount.class,
      MailRoute.class, CronJobSet.class, SolrCluster.class);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Kinds() {}

  /** The CRD's name, e.g. {@code logpipelines.kaizen.dev}. */
  public static String crdName(Class<? extends HasMetadata> kind) {
    return HasMetadata.getPlural(kind) + "." + GROUP;
  }

  /**
   * The CRD as committed under {@code crds/} and installed: the generated one with its printer columns in the
   * order the class declares them (the generator sorts them by JSON path, which puts Age first).
   */
  public static CustomResourceDefinition crd(Class<? extends HasMetadata> kind) {
    String resource = "/META-INF/fabric8/" + crdName(kind) + "-v1.yml";
    try (InputStream in = Kinds.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: the build generates it (mvn process-classes)");
      }
      CustomResourceDefinition crd = SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
      List<String> declared = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::name).toList();
      for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
        version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(c -> declared.indexOf(c.getName())));
      }
      return crd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String crdYaml(Class<? extends HasMetadata> kind) {
    return "# Generated from the Java model by the build; do not edit. See docs/architecture.md.\n"
        + SERIALIZATION.asYaml(crd(kind));
  }
}
