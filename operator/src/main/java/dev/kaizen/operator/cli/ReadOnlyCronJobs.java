package dev.kaizen.operator.cli;

import dev.kaizen.operator.cron.CronJobSetPorts;
import dev.kaizen.operator.cron.KubernetesCronJobs;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * CronJobSets' CronJobs as {@code kaizen plan} sees them: read from the current kubeconfig's cluster as the operator
 * reads them, or none at all without a cluster; never written.
 */
final class ReadOnlyCronJobs implements CronJobSetPorts {
  private final Optional<KubernetesCronJobs> cluster;

  ReadOnlyCronJobs(Optional<KubernetesClient> client) {
    this.cluster = client.map(KubernetesCronJobs::new);
  }

  @Override
  public Optional<CronJob> cronJob(String namespace, String name) {
    return cluster.flatMap(c -> c.cronJob(namespace, name));
  }

  @Override
  public List<CronJob> markedFor(String namespace, String setName) {
    return cluster.map(c -> c.markedFor(namespace, setName)).orElse(List.of());
  }

  @Override
  public List<Job> jobsOf(String namespace, String cronJobName) {
    return cluster.map(c -> c.jobsOf(namespace, cronJobName)).orElse(List.of());
  }

  @Override
  public void create(CronJob cronJob) {
    throw new IllegalStateException("kaizen plan never writes to a cluster");
  }

  @Override
  public void update(CronJob cronJob) {
    throw new IllegalStateException("kaizen plan never writes to a cluster");
  }

  @Override
  public boolean delete(String namespace, String name) {
    throw new IllegalStateException("kaizen plan never writes to a cluster");
  }
}
