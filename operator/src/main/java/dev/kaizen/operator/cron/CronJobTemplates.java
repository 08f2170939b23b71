package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.ComputeResources;
import dev.kaizen.operator.api.v1alpha1.cron.ConcurrencyPolicy;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.EnvVarSpec;
import dev.kaizen.operator.api.v1alpha1.cron.ResourcesSpec;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.OwnerMarker;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the batch/v1 CronJob of one job: the set's settings with the job's overrides, the schedule in canonical
 * form with {@code timeZone} always set, the scripts ConfigMap mounted, and the ownership marks — on the CronJob
 * (judged like AWS tags: {@code kaizen.dev/cluster}, {@code owner}, {@code uid} annotations) and on the Jobs it makes
 * (so their completion wakes the set). Never {@code ownerReferences}: Kubernetes' garbage collector would delete the
 * CronJobs with the set, against {@code deletionPolicy: Retain}.
 */
public final class CronJobTemplates {
  /** Label on the Jobs (and their pods): the CronJob that made them. */
  public static final String CRONJOB_LABEL = "kaizen.dev/cronjob";
  /** Annotation on a CronJob: the job of the set it runs. */
  public static final String JOB_ANNOTATION = "kaizen.dev/job";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "kaizen-operator";
  public static final String CONTAINER = "job";
  public static final String SCRIPTS_VOLUME = "scripts";
  public static final String DEFAULT_SCRIPTS_PATH = "/scripts";

  private CronJobTemplates() {}

  /** The CronJob of {@code job}, without the ownership annotations (the planner adds them: see {@link #withOwner}). */
  public static CronJob build(CronJobSet set, CronJobEntry job, String schedule) {
    CronJobSetSpec spec = set.getSpec();
    String namespace = set.getMetadata().getNamespace();
    String name = CronJobNames.of(set.getMetadata().getName(), job.getName());

    ObjectMeta jobMeta = new ObjectMetaBuilder().addToLabels(CRONJOB_LABEL, name).build();
    OwnerMarker.mark(holder(jobMeta), set);

    var container = new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(setting(spec, job, s -> s.getImage()))
        .withCommand(job.getCommand())
        .withEnv(env(spec.getEnv(), job.getEnv()))
        .withResources(resources(setting(spec, job, s -> s.getResources())));
    var pod = new PodSpecBuilder().withRestartPolicy("Never")
        .withServiceAccountName(setting(spec, job, s -> s.getServiceAccountName()));
    if (spec.getScripts() != null) {
      container.addToVolumeMounts(new VolumeMountBuilder().withName(SCRIPTS_VOLUME)
          .withMountPath(Optional.ofNullable(spec.getScripts().getMountPath()).orElse(DEFAULT_SCRIPTS_PATH))
          .withReadOnly(true).build());
      // 0755: scripts are run as commands.
      pod.addToVolumes(new VolumeBuilder().withName(SCRIPTS_VOLUME).withNewConfigMap()
          .withName(spec.getScripts().getConfigMap()).withDefaultMode(0755).endConfigMap().build());
    }
    pod.addToContainers(container.build());

    CronJob cronJob = new CronJobBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
          .addToLabels(MANAGED_BY, OPERATOR)
          .addToAnnotations(JOB_ANNOTATION, job.getName())
        .endMetadata()
        .withNewSpec()
          .withSchedule(schedule)
          .withTimeZone(spec.getTimeZone())
          .withSuspend(Boolean.TRUE.equals(job.getSuspend()))
          .withConcurrencyPolicy(Optional.ofNullable(setting(spec, job, s -> s.getConcurrencyPolicy()))
              .orElse(ConcurrencyPolicy.Forbid).name())
          .withStartingDeadlineSeconds(setting(spec, job, s -> s.getStartingDeadlineSeconds()))
          .withNewJobTemplate()
            .withMetadata(jobMeta)
            .withNewSpec()
              .withBackoffLimit(Optional.ofNullable(setting(spec, job, s -> s.getRetries())).orElse(0))
              .withActiveDeadlineSeconds(setting(spec, job, s -> s.getActiveDeadlineSeconds()))
              .withNewTemplate()
                .withNewMetadata().addToLabels(CRONJOB_LABEL, name).endMetadata()
                .withSpec(pod.build())
              .endTemplate()
            .endSpec()
          .endJobTemplate()
        .endSpec()
        .build();
    OwnerMarker.mark(cronJob, set);
    return cronJob;
  }

  /** The CronJob with the resource's ownership marker ({@code kaizen.dev/cluster}, {@code owner}, {@code uid}). */
  public static CronJob withOwner(CronJob cronJob, OwnerTags mine) {
    CronJob marked = new CronJobBuilder(cronJob).build();
    Map<String, String> annotations = new LinkedHashMap<>(marked.getMetadata().getAnnotations());
    annotations.putAll(mine.asTags());
    marked.getMetadata().setAnnotations(annotations);
    return marked;
  }

  /** The job's own value, else the set's. */
  static <T> T setting(CronJobSetSpec set, CronJobEntry job, Function<dev.kaizen.operator.api.v1alpha1.cron.JobSettings, T> get) {
    T own = get.apply(job);
    return own != null ? own : get.apply(set);
  }

  /** The set's variables, then the job's; the job's value wins for a name both set, in the set's position. */
  static List<EnvVar> env(List<EnvVarSpec> set, List<EnvVarSpec> job) {
    Map<String, String> merged = new LinkedHashMap<>();
    set.forEach(v -> merged.put(v.getName(), v.getValue()));
    job.forEach(v -> merged.put(v.getName(), v.getValue()));
    return merged.entrySet().stream().map(e -> new EnvVar(e.getKey(), e.getValue(), null)).toList();
  }

  private static ResourceRequirements resources(ResourcesSpec spec) {
    if (spec == null) {
      return null;
    }
    ResourceRequirements resources = new ResourceRequirements();
    resources.setRequests(quantities(spec.getRequests()));
    resources.setLimits(quantities(spec.getLimits()));
    return resources;
  }

  private static Map<String, Quantity> quantities(ComputeResources compute) {
    Map<String, Quantity> quantities = new LinkedHashMap<>();
    if (compute != null) {
      Optional.ofNullable(compute.getCpu()).ifPresent(cpu -> quantities.put("cpu", new Quantity(cpu)));
      Optional.ofNullable(compute.getMemory()).ifPresent(memory -> quantities.put("memory", new Quantity(memory)));
    }
    return quantities;
  }

  /** {@link OwnerMarker#mark} takes an object; a Job template's metadata is marked through a stand-in Job. */
  private static io.fabric8.kubernetes.api.model.HasMetadata holder(ObjectMeta meta) {
    var stand = new io.fabric8.kubernetes.api.model.batch.v1.Job();
    stand.setMetadata(meta);
    return stand;
  }
}
