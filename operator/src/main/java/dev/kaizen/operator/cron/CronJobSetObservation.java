package dev.kaizen.operator.cron;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one observe of a CronJobSet saw.
 *
 * @param desired the CronJobs the spec asks for
 * @param byName the CronJobs found at the desired names, whoever owns them
 * @param strays CronJobs marked as this set's that the spec no longer names (pruned when ours)
 * @param jobs the Jobs made from this set's CronJobs, by CronJob name
 */
public record CronJobSetObservation(List<DesiredJob> desired, Map<String, CronJob> byName, List<CronJob> strays,
    Map<String, List<Job>> jobs) {

  public Optional<CronJob> found(DesiredJob job) {
    return Optional.ofNullable(byName.get(job.cronJobName()));
  }

  public List<Job> jobsOf(String cronJobName) {
    return jobs.getOrDefault(cronJobName, List.of());
  }
}
