package dev.kaizen.operator.cron;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/** What a CronJobSet reads and writes in Kubernetes: the CronJobs of its namespace and the Jobs they made. */
public interface CronJobSetPorts {
  /** Every CronJob of the namespace: ours, and others' (a name taken by someone else is a conflict, not an error). */
  List<CronJob> cronJobs(String namespace);

  /** The Jobs of the namespace made from CronJobSets' CronJobs (selected by the owner-kind label). */
  List<Job> jobs(String namespace);

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
