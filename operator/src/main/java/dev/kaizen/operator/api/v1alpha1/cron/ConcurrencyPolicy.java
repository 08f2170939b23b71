package dev.kaizen.operator.api.v1alpha1.cron;

/** What a CronJob does when a run is due while the previous one still runs (Kubernetes' concurrencyPolicy). */
public enum ConcurrencyPolicy {
  Allow,
  Forbid,
  Replace
}
