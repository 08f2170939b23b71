package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a CronJobSet's jobs run. */
public enum CronTarget {
  /** One batch/v1 CronJob per job, in the set's namespace. */
  @JsonProperty("kubernetes")
  KUBERNETES,
  /** One EventBridge Scheduler schedule group per set (in its account and region), one schedule per job. */
  @JsonProperty("eventbridge")
  EVENTBRIDGE
}
