package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.cron.CronJobSetPorts;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ports of a set with target eventbridge for one reconcile: Scheduler in its account and region, and Kubernetes
 * (to prune the CronJobs left from when the set ran there). Carries the account's default tags for the group, the
 * region Scheduler is reached in, and what this reconcile's light observe read ({@link LightRead}).
 */
public record EventBridgePorts(CronJobSetPorts kubernetes, ScheduleGateway scheduler, Map<String, String> accountTags,
    String region, LightRead lightRead) implements CronJobSetPorts {

  /** Ports for a new reconcile: nothing read yet. */
  public EventBridgePorts(CronJobSetPorts kubernetes, ScheduleGateway scheduler, Map<String, String> accountTags,
      String region) {
    this(kubernetes, scheduler, accountTags, region, new LightRead());
  }

  @Override
  public Optional<CronJob> cronJob(String namespace, String name) {
    return kubernetes.cronJob(namespace, name);
  }

  @Override
  public List<CronJob> markedFor(String namespace, String setName) {
    return kubernetes.markedFor(namespace, setName);
  }

  @Override
  public List<Job> jobsOf(String namespace, String cronJobName) {
    return kubernetes.jobsOf(namespace, cronJobName);
  }

  @Override
  public void create(CronJob cronJob) {
    kubernetes.create(cronJob);
  }

  @Override
  public void update(CronJob cronJob) {
    kubernetes.update(cronJob);
  }

  @Override
  public boolean delete(String namespace, String name) {
    return kubernetes.delete(namespace, name);
  }
}
