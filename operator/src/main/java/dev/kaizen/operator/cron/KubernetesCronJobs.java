package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.reconcile.OwnerMarker;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CronJobSetPorts} straight on the Kubernetes API, one request per read (what {@code kaizen plan} uses; the
 * operator reads its watches instead, {@link WatchedCronJobs}). Updates are locked on the resourceVersion read,
 * never forced.
 */
public final class KubernetesCronJobs implements CronJobSetPorts {
  private final KubernetesClient client;

  public KubernetesCronJobs(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<CronJob> cronJob(String namespace, String name) {
    return Optional.ofNullable(client.batch().v1().cronjobs().inNamespace(namespace).withName(name).get());
  }

  @Override
  public List<CronJob> markedFor(String namespace, String setName) {
    return client.batch().v1().cronjobs().inNamespace(namespace).withLabel(OwnerMarker.OWNER_KIND, CronJobSet.KIND)
        .list().getItems().stream().filter(cronJob -> ownerKey(cronJob).equals(namespace + "/" + setName)).toList();
  }

  @Override
  public List<Job> jobsOf(String namespace, String cronJobName) {
    return client.batch().v1().jobs().inNamespace(namespace).withLabel(OwnerMarker.OWNER_KIND, CronJobSet.KIND)
        .withLabel(CronJobTemplates.CRONJOB_LABEL, cronJobName).list().getItems();
  }

  @Override
  public void create(CronJob cronJob) {
    created(cronJob);
  }

  @Override
  public void update(CronJob cronJob) {
    updated(cronJob);
  }

  /** Creates {@code cronJob}; the object as stored (its resourceVersion and uid). */
  CronJob created(CronJob cronJob) {
    return client.batch().v1().cronjobs().inNamespace(cronJob.getMetadata().getNamespace()).resource(cronJob).create();
  }

  /** Replaces {@code cronJob} with the resourceVersion it carries; the object as stored. */
  CronJob updated(CronJob cronJob) {
    return client.batch().v1().cronjobs().inNamespace(cronJob.getMetadata().getNamespace()).resource(cronJob).update();
  }

  @Override
  public boolean delete(String namespace, String name) {
    return !client.batch().v1().cronjobs().inNamespace(namespace).withName(name).delete().isEmpty();
  }

  /** {@code <namespace>/<set>} of the CronJobSet a CronJob is marked for, from its owner annotations; "" if none. */
  static String ownerKey(CronJob cronJob) {
    Map<String, String> annotations = Optional.ofNullable(cronJob.getMetadata().getAnnotations()).orElse(Map.of());
    String name = annotations.get(OwnerMarker.OWNER_NAME);
    String namespace = annotations.get(OwnerMarker.OWNER_NAMESPACE);
    return name == null || namespace == null ? "" : namespace + "/" + name;
  }
}
