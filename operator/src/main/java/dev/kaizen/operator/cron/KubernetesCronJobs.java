package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.reconcile.OwnerMarker;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** {@link CronJobSetPorts} on the Kubernetes API: updates are locked on the resourceVersion read, never forced. */
public final class KubernetesCronJobs implements CronJobSetPorts {
  private final KubernetesClient client;

  public KubernetesCronJobs(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public List<CronJob> cronJobs(String namespace) {
    return client.batch().v1().cronjobs().inNamespace(namespace).list().getItems();
  }

  @Override
  public List<Job> jobs(String namespace) {
    return client.batch().v1().jobs().inNamespace(namespace)
        .withLabel(OwnerMarker.OWNER_KIND, CronJobSet.KIND).list().getItems();
  }

  @Override
  public void create(CronJob cronJob) {
    client.batch().v1().cronjobs().inNamespace(cronJob.getMetadata().getNamespace()).resource(cronJob).create();
  }

  @Override
  public void update(CronJob cronJob) {
    client.batch().v1().cronjobs().inNamespace(cronJob.getMetadata().getNamespace()).resource(cronJob).update();
  }

  @Override
  public boolean delete(String namespace, String name) {
    return !client.batch().v1().cronjobs().inNamespace(namespace).withName(name).delete().isEmpty();
  }
}
