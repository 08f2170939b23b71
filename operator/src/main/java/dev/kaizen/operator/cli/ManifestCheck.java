package dev.kaizen.operator.cli;

import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.MailRouteFormats;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountFormats;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetFormats;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineFormats;
import dev.kaizen.operator.core.manifest.CrdSchemas;
import dev.kaizen.operator.core.manifest.CrdVersion;
import dev.kaizen.operator.core.manifest.DuplicateCheck;
import dev.kaizen.operator.core.manifest.FieldFormats;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.core.manifest.ManifestValidator;
import dev.kaizen.operator.core.manifest.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code kaizen validate} and {@code kaizen plan} both do first: read the manifests, check them against the
 * CRDs (schema and CEL rules, transition rules against a baseline when given) and the kinds' semantic checks, then
 * across manifests: the same object defined twice, or one AWS object claimed by two resources.
 */
final class ManifestCheck {
  /** Where a manifest without {@code metadata.namespace} lands when nothing else is said: kubectl's default. */
  static final String DEFAULT_NAMESPACE = "default";

  /**
   * The manifests that passed, every problem found, how many documents of other API groups were skipped, and
   * notices that are not problems by themselves (an empty file).
   */
  /**
   * @param namespaces the v1 Namespaces the set defines: their labels bind its resources to accounts
   * @param configMaps the set's ConfigMaps (namespace defaulted), which kinds may read (a SolrCluster's configset)
   */
  record Result(List<Manifest> valid, List<Problem> problems, int checked, int skipped, List<Problem> notices,
      List<Manifest> namespaces, ManifestConfigMaps.Found configMaps) {
    Result(List<Manifest> valid, List<Problem> problems, int checked, int skipped, List<Problem> notices) {
      this(valid, problems, checked, skipped, notices, List.of(), ManifestConfigMaps.Found.NONE);
    }
  }

  private final ManifestReader reader;
  private final CrdSchemas crds =
      CrdSchemas.fromClasspath(Kinds.ALL.stream().map(Kinds::crdName).toArray(String[]::new));
  private final ManifestValidator validator = new ManifestValidator(crds, FieldFormats.none()
      .with(Kinds.GROUP, LogPipeline.KIND, LogPipelineFormats.BY_FIELD)
      .with(Kinds.GROUP, CronJobSet.KIND, CronJobSetFormats.BY_FIELD)
      .with(Kinds.GROUP, MailRoute.KIND, MailRouteFormats.BY_FIELD)
      .with(Kinds.GROUP, AwsAccount.KIND, AwsAccountFormats.BY_FIELD)
      .with(Kinds.GROUP, dev.kaizen.operator.api.v1alpha1.solr.SolrCluster.KIND,
          dev.kaizen.operator.api.v1alpha1.solr.SolrClusterFormats.BY_FIELD));
  private final Map<String, PlannableKind<?, ?, ?>> kinds;
  private final String defaultNamespace;
  private final Optional<String> defaultRegion;

  ManifestCheck(Map<String, PlannableKind<?, ?, ?>> kinds) {
    this(kinds, DEFAULT_NAMESPACE, Optional.empty(), new ManifestReader());
  }

  /**
   * @param defaultNamespace the namespace of manifests that name none (kubectl's {@code -n}, or an Argo CD
   *     application's destination namespace)
   * @param defaultRegion the operator's region, where resources without {@code spec.region} land; when empty, they
   *     are only known to land in the same region as each other
   */
  ManifestCheck(Map<String, PlannableKind<?, ?, ?>> kinds, String defaultNamespace, Optional<String> defaultRegion,
      ManifestReader reader) {
    this.kinds = kinds;
    this.defaultNamespace = defaultNamespace;
    this.defaultRegion = defaultRegion;
    this.reader = reader;
  }

  Result check(List<Path> paths, Optional<Path> baseline) {
    ManifestReader.Result read = reader.read(paths);
    Map<String, Manifest> before = new HashMap<>();
    baseline.ifPresent(dir -> reader.read(dir).manifests().forEach(m -> before.put(key(m), m)));
    List<Problem> problems = new ArrayList<>(read.problems());
    List<Manifest> valid = new ArrayList<>();
    for (Manifest manifest : read.manifests()) {
      List<Problem> found = new ArrayList<>(validator.validate(manifest, Optional.ofNullable(before.get(key(manifest)))));
      if (found.isEmpty()) {
        found.addAll(semanticProblems(manifest));
      }
      problems.addAll(found);
      if (found.isEmpty()) {
        valid.add(manifest);
      }
    }
    DuplicateCheck duplicates = new DuplicateCheck(this::namespaceOf);
    List<Problem> twice = new ArrayList<>(duplicates.sameObject(read.manifests()));
    twice.addAll(duplicates.sameClaim(valid, m -> ClaimedAwsObjects.of(m, namespaceOf(m), defaultRegion)));
    problems.addAll(twice);
    problems.addAll(dev.kaizen.operator.accounts.AccountReferenceCheck.check(read.manifests()));
    problems.addAll(dev.kaizen.operator.accounts.NamespaceBindingCheck.check(read.manifests(), read.namespaces(),
        this::namespaceOf));
    return new Result(valid, problems, read.manifests().size(), read.skipped(), read.notices(), read.namespaces(),
        ManifestConfigMaps.Found.of(read.configMaps(), defaultNamespace));
  }

  /** The namespace a manifest lands in; null for a cluster-scoped kind. */
  private String namespaceOf(Manifest manifest) {
    boolean namespaced = crds.find(manifest).map(CrdVersion::namespaced).orElse(true);
    if (!namespaced) {
      return null;
    }
    return manifest.namespace() != null ? manifest.namespace() : defaultNamespace;
  }

  private List<Problem> semanticProblems(Manifest manifest) {
    PlannableKind<?, ?, ?> kind = kinds.get(manifest.kind());
    if (kind == null) {
      return List.of();
    }
    return problemsOf(kind, manifest);
  }

  private static List<Problem> problemsOf(
      PlannableKind<?, ?, ?> kind, Manifest manifest) {
    return kind.problemsOf(manifest.object()).stream()
        .map(message -> {
          // A problem that starts with its field ("spec.jobs[1] (report): ...") is reported at that field.
          var field = FIELD_FIRST.matcher(message);
          return field.matches() ? new Problem(manifest.file(), manifest.resource(), field.group(1), field.group(2))
              : new Problem(manifest.file(), manifest.resource(), "spec", message);
        })
        .toList();
  }

  private static final java.util.regex.Pattern FIELD_FIRST = java.util.regex.Pattern.compile("(spec[.\\[][^:]*): (.+)",
      java.util.regex.Pattern.DOTALL);

  private static String key(Manifest manifest) {
    return manifest.kind() + "/" + manifest.namespace() + "/" + manifest.name();
  }
}
