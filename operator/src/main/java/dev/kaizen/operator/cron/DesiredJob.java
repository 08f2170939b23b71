package dev.kaizen.operator.cron;

import dev.kaizen.operator.cron.schedule.CronSchedule;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

/**
 * One job of a set as the Kubernetes target runs it.
 *
 * @param name the job's name in the spec
 * @param schedule the parsed schedule
 * @param cronJob the CronJob the set wants, ownership marks included (no resourceVersion)
 */
public record DesiredJob(String name, CronSchedule schedule, CronJob cronJob) {
  public String cronJobName() {
    return cronJob.getMetadata().getName();
  }

  public boolean suspended() {
    return Boolean.TRUE.equals(cronJob.getSpec().getSuspend());
  }
}
