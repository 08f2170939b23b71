package dev.kaizen.operator.cron;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;

/**
 * What a CronJobSet reads and writes in Kubernetes: CronJobs by name and by owner mark, and the Jobs they made. Reads
 * name one set's objects, never a whole namespace, so the operator can serve them from its watches (see
 * {@link WatchedCronJobs}) instead of listing the namespace once per set and reconcile.
 */
public interface CronJobSetPorts {
  /** The CronJob {@code namespace/name}, whoever owns it (a name taken by someone else is a conflict to judge). */
  Optional<CronJob> cronJob(String namespace, String name);

  /** The CronJobs marked ({@code OwnerMarker}) as made for the CronJobSet {@code namespace/setName}. */
  List<CronJob> markedFor(String namespace, String setName);

  /** The Jobs the CronJob {@code namespace/cronJobName} made (they carry its name in a label from its template). */
  List<Job> jobsOf(String namespace, String cronJobName);

  void create(CronJob cronJob);

  /** Replaces a CronJob in place, with the resourceVersion read: a concurrent change conflicts (409) instead. */
  void update(CronJob cronJob);

  /** Deletes a CronJob (its Jobs go with it, as Kubernetes does); false when it was already gone. */
  boolean delete(String namespace, String name);

  /** EventBridge Scheduler in the set's account and region (target eventbridge only). */
  default dev.kaizen.operator.cron.eventbridge.ScheduleGateway scheduler() {
    throw new IllegalStateException("these ports reach Kubernetes only: no EventBridge Scheduler");
  }
}
