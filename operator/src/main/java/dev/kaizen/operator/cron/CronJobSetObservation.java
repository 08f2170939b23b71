package dev.kaizen.operator.cron;

import dev.kaizen.operator.cron.eventbridge.EventBridgeObservation;
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
 * @param eventBridge with target eventbridge: its schedule group and schedules (the CronJob fields then hold only
 *     strays: CronJobs left from when the set ran on Kubernetes, removed under deletionPolicy Delete, kept under
 *     Retain)
 * @param formerGroup with target kubernetes: the schedule group left from when the set ran on EventBridge (named by
 *     {@code status.scheduleGroup}), removed under deletionPolicy Delete, kept under Retain
 */
public record CronJobSetObservation(List<DesiredJob> desired, Map<String, CronJob> byName, List<CronJob> strays,
    Map<String, List<Job>> jobs, Optional<EventBridgeObservation> eventBridge,
    Optional<EventBridgeObservation> formerGroup) {

  public CronJobSetObservation(List<DesiredJob> desired, Map<String, CronJob> byName, List<CronJob> strays,
      Map<String, List<Job>> jobs, Optional<EventBridgeObservation> eventBridge) {
    this(desired, byName, strays, jobs, eventBridge, Optional.empty());
  }

  public CronJobSetObservation(List<DesiredJob> desired, Map<String, CronJob> byName, List<CronJob> strays,
      Map<String, List<Job>> jobs) {
    this(desired, byName, strays, jobs, Optional.empty());
  }

  /** The same observation with no strays: what to plan when they are to be kept. */
  public CronJobSetObservation withoutStrays() {
    return new CronJobSetObservation(desired, byName, List.of(), jobs, eventBridge, formerGroup);
  }

  /** The former group, when it still exists and is not being deleted already. */
  public Optional<EventBridgeObservation> formerGroupLeft() {
    return formerGroup.filter(former -> former.group().filter(g -> !g.deleting()).isPresent());
  }

  public Optional<CronJob> found(DesiredJob job) {
    return Optional.ofNullable(byName.get(job.cronJobName()));
  }

  public List<Job> jobsOf(String cronJobName) {
    return jobs.getOrDefault(cronJobName, List.of());
  }
}
