package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetStatus;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.reconcile.OwnerMarker;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.cron.schedule.DaylightSavingRule;
import dev.kaizen.operator.cron.schedule.NextRuns;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * CronJobSet's part of the reconcile loop, Kubernetes target: one CronJob per job in the set's namespace, each an
 * owned object judged on its own marker (annotations {@code kaizen.dev/cluster}, {@code owner}, {@code uid}, read
 * like AWS tags), and the health of each job from the Jobs its CronJob made. No AWS: the account is not used.
 */
public final class CronJobSetKind implements Kind<CronJobSet, CronJobSetObservation, CronJobSetPorts> {
  public static final String JOBS_HEALTHY = "JobsHealthy";
  public static final String JOBS_SUCCEEDING = "JobsSucceeding";
  public static final String JOBS_NOT_SUCCEEDING = "JobsNotSucceeding";
  private static final int NEXT_RUNS = 3;

  private final CronJobSetPorts ports;
  private final Clock clock;
  private final BiConsumer<CronJobSet, String> notSucceeding;

  /**
   * @param notSucceeding told once each time the set of jobs that stopped succeeding changes to a non-empty one
   *     (the operator emits a Warning event)
   */
  public CronJobSetKind(CronJobSetPorts ports, Clock clock, BiConsumer<CronJobSet, String> notSucceeding) {
    this.ports = ports;
    this.clock = clock;
    this.notSucceeding = notSucceeding;
  }

  @Override
  public KaizenStatus initStatus(CronJobSet set) {
    if (set.getStatus() == null) {
      set.setStatus(new CronJobSetStatus());
    }
    return set.getStatus();
  }

  @Override
  public List<String> problems(CronJobSet set) {
    return DesiredJobs.problems(set);
  }

  @Override
  public CronJobSetPorts gateway(CronJobSet set, AccountBinding account) {
    return ports;
  }

  @Override
  public CronJobSetObservation observe(CronJobSet set, CronJobSetPorts ports, boolean full) {
    String namespace = set.getMetadata().getNamespace();
    List<DesiredJob> desired = DesiredJobs.of(set);
    Set<String> names = desired.stream().map(DesiredJob::cronJobName).collect(Collectors.toSet());
    Map<String, CronJob> byName = new LinkedHashMap<>();
    List<CronJob> strays = new ArrayList<>();
    for (CronJob cronJob : ports.cronJobs(namespace)) {
      String name = cronJob.getMetadata().getName();
      if (names.contains(name)) {
        byName.put(name, cronJob);
      } else if (markedFor(cronJob, set)) {
        strays.add(cronJob);
      }
    }
    strays.sort(Comparator.comparing(c -> c.getMetadata().getName()));
    Map<String, List<Job>> jobs = ports.jobs(namespace).stream()
        .filter(job -> names.contains(cronJobOf(job)))
        .collect(Collectors.groupingBy(CronJobSetKind::cronJobOf));
    return new CronJobSetObservation(desired, byName, strays, jobs);
  }

  /** Marked by {@link OwnerMarker} as made for this set (by name: a set deleted and made again still finds them). */
  private static boolean markedFor(CronJob cronJob, CronJobSet set) {
    Map<String, String> labels = Optional.ofNullable(cronJob.getMetadata().getLabels()).orElse(Map.of());
    Map<String, String> annotations = Optional.ofNullable(cronJob.getMetadata().getAnnotations()).orElse(Map.of());
    return CronJobSet.KIND.equals(labels.get(OwnerMarker.OWNER_KIND))
        && set.getMetadata().getName().equals(annotations.get(OwnerMarker.OWNER_NAME))
        && set.getMetadata().getNamespace().equals(annotations.get(OwnerMarker.OWNER_NAMESPACE));
  }

  private static String cronJobOf(Job job) {
    return Optional.ofNullable(job.getMetadata().getLabels()).map(l -> l.get(CronJobTemplates.CRONJOB_LABEL))
        .orElse("");
  }

  @Override
  public CronJobSetObservation emptyAccount(CronJobSet set) {
    return new CronJobSetObservation(DesiredJobs.of(set), Map.of(), List.of(), Map.of());
  }

  @Override
  public List<OwnedObject> owned(CronJobSet set, CronJobSetObservation observed) {
    List<OwnedObject> objects = new ArrayList<>();
    for (DesiredJob job : observed.desired()) {
      objects.add(object(job.cronJobName(), observed.found(job)));
    }
    observed.strays().forEach(stray -> objects.add(object(stray.getMetadata().getName(), Optional.of(stray))));
    return objects;
  }

  private static OwnedObject object(String name, Optional<CronJob> found) {
    return new OwnedObject(CronJobSetPlanner.key(name), "CronJob " + name, found.isPresent(),
        found.map(c -> OwnerTags.read(Optional.ofNullable(c.getMetadata().getAnnotations()).orElse(Map.of()))),
        found.map(c -> c.getMetadata().getUid()));
  }

  @Override
  public Plan<CronJobSetPorts> plan(CronJobSet set, CronJobSetObservation observed, Verdicts verdicts,
      OwnerTags mine) {
    return CronJobSetPlanner.plan(observed, verdicts::of, mine);
  }

  @Override
  public void describe(CronJobSet set, CronJobSetObservation observed) {
    CronJobSetStatus status = (CronJobSetStatus) initStatus(set);
    ZoneId zone = ZoneId.of(set.getSpec().getTimeZone());
    Instant now = clock.instant();
    List<CronJobStatus> jobs = new ArrayList<>();
    for (DesiredJob job : observed.desired()) {
      CronJobStatus described = new CronJobStatus();
      described.setName(job.name());
      described.setCronJob(job.cronJobName());
      described.setSchedule(job.cronJob().getSpec().getSchedule());
      described.setSuspended(job.suspended() ? true : null);
      if (!job.suspended()) {
        described.setNextRuns(NextRuns.after(job.schedule(), zone, now, NEXT_RUNS,
            DaylightSavingRule.EVERY_MATCHING_INSTANT).stream().map(CronJobSetKind::format).toList());
      }
      JobHistory history = JobHistory.of(observed.jobsOf(job.cronJobName()));
      described.setLastScheduleTime(history.lastScheduleTime().map(Instant::toString).orElse(null));
      described.setLastSuccessfulTime(history.lastSuccessfulTime().map(Instant::toString).orElse(null));
      described.setLastResult(history.lastResult().orElse(null));
      jobs.add(described);
    }
    status.setJobs(jobs);
  }

  private static String format(ZonedDateTime time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
  }

  @Override
  public Plan<CronJobSetPorts> deletionPlan(CronJobSet set, CronJobSetObservation observed, Verdicts verdicts) {
    return CronJobSetPlanner.deletion(observed, verdicts::of);
  }

  /**
   * JobsHealthy: False naming each job whose CronJob exists and that has not succeeded within two periods (see
   * {@link JobHealth}); a Warning event when that list becomes non-empty or changes.
   */
  @Override
  public List<DetailCondition> details(CronJobSet set, Optional<CronJobSetObservation> observed,
      Optional<Failure> failure) {
    if (observed.isEmpty()) {
      return List.of(DetailCondition.unknown(JOBS_HEALTHY, "NotObserved",
          failure.map(Failure::message).orElse("The jobs were not observed in this reconcile.")));
    }
    ZoneId zone = ZoneId.of(set.getSpec().getTimeZone());
    Instant now = clock.instant();
    List<String> overdue = new ArrayList<>();
    for (DesiredJob job : observed.get().desired()) {
      Optional<CronJob> found = observed.get().found(job);
      if (job.suspended() || found.isEmpty() || found.get().getMetadata().getCreationTimestamp() == null) {
        continue;
      }
      JobHistory history = JobHistory.of(observed.get().jobsOf(job.cronJobName()));
      Instant since = history.lastSuccessfulTime()
          .orElse(Instant.parse(found.get().getMetadata().getCreationTimestamp()));
      JobHealth.overdueSince(job.schedule(), zone, since, now, DaylightSavingRule.EVERY_MATCHING_INSTANT)
          .ifPresent(due -> overdue.add(job.name() + " (" + history.lastSuccessfulTime()
              .map(t -> "last succeeded " + t).orElse("never succeeded") + ", runs due by " + format(due) + ")"));
    }
    if (overdue.isEmpty()) {
      return List.of(DetailCondition.of(JOBS_HEALTHY, true, JOBS_SUCCEEDING,
          "Every job has succeeded within its last two periods (or has not yet had two runs)."));
    }
    String message = "Not succeeded within two periods: " + String.join("; ", overdue) + ".";
    boolean alreadySaid = set.getStatus() != null && Conditions.find(set.getStatus().getConditions(), JOBS_HEALTHY)
        .filter(c -> "False".equals(c.getStatus()) && sameJobs(c.getMessage(), overdue)).isPresent();
    if (!alreadySaid) {
      notSucceeding.accept(set, message);
    }
    return List.of(DetailCondition.of(JOBS_HEALTHY, false, JOBS_NOT_SUCCEEDING, message));
  }

  /** Whether an earlier message named the same jobs (their times may differ): no second event for them. */
  private static boolean sameJobs(String earlier, List<String> overdue) {
    return earlier != null && overdue.stream().allMatch(entry -> earlier.contains(entry.substring(0,
        entry.indexOf(" (") + 2))) && earlier.split("; ").length == overdue.size();
  }

  @Override
  public void changed(CronJobSet set) {}
}
