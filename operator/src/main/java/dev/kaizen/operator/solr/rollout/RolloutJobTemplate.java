package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.reconcile.OwnerMarker;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Job a rollout step runs, from the spec's template: one container, never restarted in place, with the colour's
 * endpoint in its env. Named {@code <cluster>-<step>-<revision>-<attempt>} (at most 63 characters), so a retry is a new
 * Job and the failed one stays for inspection. Owned by the SolrCluster (garbage-collected with it); labelled so
 * {@code kubectl get jobs -l kaizen.dev/owner-name=<cluster>} lists them.
 */
public final class RolloutJobTemplate {
  public static final String OWNER_KIND_LABEL = "kaizen.dev/owner-kind";
  public static final String OWNER_NAME_LABEL = "kaizen.dev/owner-name";

  private RolloutJobTemplate() {}

  /** {@code step} is {@code reindex} or {@code catchup}. */
  public static String name(String cluster, String step, String revision, int attempt) {
    String suffix = "-" + step + "-" + revision + "-" + attempt;
    String base = cluster.length() > 63 - suffix.length() ? cluster.substring(0, 63 - suffix.length()) : cluster;
    return (base.endsWith("-") ? base.substring(0, base.length() - 1) : base) + suffix;
  }

  public static Job job(RolloutObservation.JobContext context, String name, RolloutJobSpec spec,
      Map<String, String> operatorEnv) {
    Map<String, String> env = new LinkedHashMap<>(spec.getEnv());
    env.putAll(operatorEnv);
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((key, value) -> vars.add(new EnvVar(key, value, null)));
    Job job = new JobBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(context.namespace())
            .addToLabels("app.kubernetes.io/managed-by", "kaizen-operator")
            .addToLabels(OWNER_KIND_LABEL, SolrCluster.KIND)
            .addToLabels(OWNER_NAME_LABEL, context.cluster())
            .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("kaizen.dev/v1alpha1")
                .withKind(SolrCluster.KIND).withName(context.cluster()).withUid(context.uid()).build())
            .build())
        .withNewSpec()
          .withBackoffLimit(spec.effectiveBackoffLimit())
          .withActiveDeadlineSeconds(spec.effectiveActiveDeadlineSeconds())
          .withNewTemplate()
            .withNewMetadata().addToLabels(OWNER_KIND_LABEL, SolrCluster.KIND)
                .addToLabels(OWNER_NAME_LABEL, context.cluster()).endMetadata()
            .withNewSpec()
              .withRestartPolicy("Never")
              .withServiceAccountName(spec.getServiceAccountName())
              .addNewContainer()
                .withName("job")
                .withImage(spec.getImage())
                .withCommand(spec.getCommand().isEmpty() ? null : spec.getCommand())
                .withArgs(spec.getArgs().isEmpty() ? null : spec.getArgs())
                .withEnv(vars)
              .endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
    // The owner mark the SolrCluster controller's Job watch selects and maps back by: a finished Job wakes its
    // cluster at once instead of at the next recheck.
    SolrCluster owner = new SolrCluster();
    owner.setMetadata(new ObjectMetaBuilder().withName(context.cluster()).withNamespace(context.namespace())
        .withUid(context.uid()).build());
    OwnerMarker.mark(job, owner);
    return job;
  }
}
