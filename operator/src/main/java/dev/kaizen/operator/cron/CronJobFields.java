package dev.kaizen.operator.cron;

import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.OwnerMarker;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a CronJob that a CronJobSet decides, each as one comparable string, read the same way from what the
 * set wants and from what the API server holds. Only these are compared: the server fills in defaults of its own
 * (dnsPolicy, terminationMessagePath, history limits ...), which are not drift. An unset value reads as the server's
 * default where it has one (suspend false, concurrencyPolicy Allow, backoffLimit 6).
 */
final class CronJobFields {
  private static final List<String> MARK_LABELS = List.of(CronJobTemplates.MANAGED_BY, OwnerMarker.OWNER_KIND,
      OwnerMarker.OWNER_UID);
  private static final List<String> MARK_ANNOTATIONS = List.of(OwnerTags.CLUSTER, OwnerTags.OWNER, OwnerTags.UID,
      CronJobTemplates.JOB_ANNOTATION, OwnerMarker.OWNER_NAME, OwnerMarker.OWNER_NAMESPACE, OwnerMarker.OWNER_TYPE);
  private static final List<String> JOB_LABELS = List.of(CronJobTemplates.CRONJOB_LABEL, OwnerMarker.OWNER_KIND,
      OwnerMarker.OWNER_UID);
  private static final List<String> JOB_ANNOTATIONS = List.of(OwnerMarker.OWNER_NAME, OwnerMarker.OWNER_NAMESPACE,
      OwnerMarker.OWNER_TYPE);

  private CronJobFields() {}

  static Map<String, String> of(CronJob cronJob) {
    Map<String, String> fields = new LinkedHashMap<>();
    CronJobSpec spec = Optional.ofNullable(cronJob.getSpec()).orElseGet(CronJobSpec::new);
    fields.put("schedule", spec.getSchedule());
    fields.put("timeZone", spec.getTimeZone());
    fields.put("suspend", String.valueOf(Boolean.TRUE.equals(spec.getSuspend())));
    fields.put("concurrencyPolicy", Optional.ofNullable(spec.getConcurrencyPolicy()).orElse("Allow"));
    fields.put("startingDeadlineSeconds", String.valueOf(spec.getStartingDeadlineSeconds()));
    Optional<JobSpec> job = Optional.ofNullable(spec.getJobTemplate()).map(t -> t.getSpec());
    fields.put("backoffLimit", String.valueOf(job.map(JobSpec::getBackoffLimit).orElse(6)));
    fields.put("activeDeadlineSeconds", String.valueOf(job.map(JobSpec::getActiveDeadlineSeconds).orElse(null)));
    Optional<PodSpec> pod = job.map(JobSpec::getTemplate).map(t -> t.getSpec());
    fields.put("serviceAccountName", pod.map(PodSpec::getServiceAccountName).orElse(null));
    fields.put("restartPolicy", pod.map(PodSpec::getRestartPolicy).orElse(null));
    fields.put("volumes", pod.map(PodSpec::getVolumes).orElse(List.of()).stream()
        .map(CronJobFields::volume).collect(Collectors.joining(", ")));
    Optional<Container> container = pod.map(PodSpec::getContainers).orElse(List.of()).stream().findFirst();
    fields.put("containers", String.valueOf(pod.map(PodSpec::getContainers).map(List::size).orElse(0)));
    fields.put("image", container.map(Container::getImage).orElse(null));
    fields.put("command", container.map(Container::getCommand).map(String::valueOf).orElse("[]"));
    fields.put("env", container.map(Container::getEnv).orElse(List.of()).stream()
        .map(CronJobFields::env).collect(Collectors.joining(", ", "[", "]")));
    fields.put("resources", container.map(Container::getResources).map(CronJobFields::resources).orElse("{}"));
    fields.put("volumeMounts", container.map(Container::getVolumeMounts).orElse(List.of()).stream()
        .map(m -> m.getName() + ":" + m.getMountPath() + (Boolean.TRUE.equals(m.getReadOnly()) ? ":ro" : ""))
        .collect(Collectors.joining(", ")));
    fields.put("labels", marks(cronJob.getMetadata(), ObjectMeta::getLabels, MARK_LABELS));
    fields.put("annotations", marks(cronJob.getMetadata(), ObjectMeta::getAnnotations, MARK_ANNOTATIONS));
    Optional<ObjectMeta> jobMeta = Optional.ofNullable(spec.getJobTemplate()).map(t -> t.getMetadata());
    fields.put("jobTemplate.labels", marks(jobMeta.orElse(null), ObjectMeta::getLabels, JOB_LABELS));
    fields.put("jobTemplate.annotations", marks(jobMeta.orElse(null), ObjectMeta::getAnnotations, JOB_ANNOTATIONS));
    return fields;
  }

  /** The fields that differ, by name: value in {@code observed} -> value in {@code desired}. */
  static Map<String, String[]> differences(CronJob observed, CronJob desired) {
    Map<String, String> was = of(observed);
    Map<String, String> wanted = of(desired);
    Map<String, String[]> differences = new LinkedHashMap<>();
    wanted.forEach((field, value) -> {
      if (!Objects.equals(was.get(field), value)) {
        differences.put(field, new String[] {was.get(field), value});
      }
    });
    return differences;
  }

  private static String volume(Volume volume) {
    return volume.getName() + ":" + (volume.getConfigMap() == null ? "?"
        : "configMap/" + volume.getConfigMap().getName() + "/" + volume.getConfigMap().getDefaultMode());
  }

  private static String env(EnvVar variable) {
    return variable.getName() + "=" + (variable.getValueFrom() != null ? "(from " + variable.getValueFrom() + ")"
        : Optional.ofNullable(variable.getValue()).orElse(""));
  }

  /** Quantities compared by amount: the server may write 0.5 as 500m. */
  private static String resources(ResourceRequirements resources) {
    return "requests" + quantities(resources.getRequests()) + " limits" + quantities(resources.getLimits());
  }

  private static String quantities(Map<String, Quantity> quantities) {
    Map<String, String> amounts = new TreeMap<>();
    Optional.ofNullable(quantities).orElse(Map.of()).forEach((name, quantity) ->
        amounts.put(name, Quantity.getAmountInBytes(quantity).stripTrailingZeros().toPlainString()));
    return amounts.toString();
  }

  private static String marks(ObjectMeta meta, Function<ObjectMeta, Map<String, String>> get, List<String> keys) {
    Map<String, String> all = meta == null ? Map.of() : Optional.ofNullable(get.apply(meta)).orElse(Map.of());
    Map<String, String> ours = new TreeMap<>();
    keys.forEach(key -> Optional.ofNullable(all.get(key)).ifPresent(value -> ours.put(key, value)));
    return ours.toString();
  }
}
