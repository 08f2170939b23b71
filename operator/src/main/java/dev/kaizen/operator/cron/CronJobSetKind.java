package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetStatus;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobStatus;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.api.v1alpha1.cron.ScheduleGroupStatus;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.reconcile.Waiting;
import dev.kaizen.operator.cron.eventbridge.DesiredSchedules;
import dev.kaizen.operator.cron.eventbridge.EventBridgeObservation;
import dev.kaizen.operator.cron.eventbridge.EventBridgePlanner;
import dev.kaizen.operator.cron.eventbridge.EventBridgePorts;
import dev.kaizen.operator.cron.eventbridge.EventBridgeTarget;
import dev.kaizen.operator.cron.eventbridge.GroupRuns;
import dev.kaizen.operator.cron.eventbridge.ObservedGroup;
import dev.kaizen.operator.cron.eventbridge.ScheduleDefinition;
import java.time.Duration;
import software.amazon.awssdk.services.scheduler.model.ServiceQuotaExceededException;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.AccountResolver;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
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
import java.util.stream.Collectors;

/**
 * CronJobSet's part of the reconcile loop, Kubernetes target: one CronJob per job in the set's namespace, each an
 * owned object judged on its own marker (annotations {@code kaizen.dev/cluster}, {@code owner}, {@code uid}, read
 * like AWS tags), and the health of each job from the Jobs its CronJob made; no AWS. Target eventbridge: one
 * EventBridge Scheduler schedule group per set (the owned object, judged on its tags) and one schedule per job, in the
 * set's account and region (see {@link EventBridgeTarget}), health from the group's CloudWatch run counts.
 */
public final class CronJobSetKind implements Kind<CronJobSet, CronJobSetObservation, CronJobSetPorts> {
  public static final String JOBS_HEALTHY = "JobsHealthy";
  public static final String JOBS_SUCCEEDING = "JobsSucceeding";
  public static final String JOBS_NOT_SUCCEEDING = "JobsNotSucceeding";
  private static final int NEXT_RUNS = 3;

  public static final String SCHEDULE_GROUP_DELETING = "ScheduleGroupDeleting";
  public static final String SCHEDULE_GROUP_QUOTA = "ScheduleGroupQuotaReached";
  public static final String NO_RUN_HISTORY = "NoRunHistory";
  public static final String RUNS_LOST = "RunsLost";
  public static final String RUNS_DELIVERED = "RunsDelivered";
  /** Event reason: a target switch under deletionPolicy Retain left the old target's objects in place. */
  public static final String LEFT_BEHIND = "LeftBehind";
  private static final Duration DELETING_RECHECK = Duration.ofSeconds(5);
  /** status.runHistory of the EventBridge target: why the per-job run fields stay empty. */
  static final String RUN_HISTORY = "EventBridge Scheduler keeps no per-run history, so each job's lastScheduleTime,"
      + " lastSuccessfulTime and lastResult stay empty. JobsHealthy counts the schedule group's runs (attempts, target"
      + " errors, drops, dead-letters) from CloudWatch over 24 hours, per group, not per job; each run's own outcome"
      + " is in the target's logs (ECS task, Lambda function, SSM command) and the dead-letter queue.";

  private final CronJobSetPorts ports;
  private final Clock clock;
  private final Warnings warnings;
  /** By set uid: what the last {@link #LEFT_BEHIND} event named. */
  private final Map<String, List<String>> leftBehindAnnounced = new java.util.concurrent.ConcurrentHashMap<>();
  private final Optional<EventBridgeTarget> eventBridge;

  /** What the kind has to say beside its conditions: the operator emits each as a Warning event. */
  @FunctionalInterface
  public interface Warnings {
    void warn(CronJobSet set, String reason, String message);
  }

  /**
   * A kind for the Kubernetes target only (a set with target eventbridge stalls naming what is missing).
   *
   * @param warnings told once each time the jobs that stopped succeeding ({@link #JOBS_NOT_SUCCEEDING}) or the
   *     objects a target switch left behind ({@link #LEFT_BEHIND}) change to a non-empty list
   */
  public CronJobSetKind(CronJobSetPorts ports, Clock clock, Warnings warnings) {
    this(ports, clock, warnings, Optional.empty());
  }

  /** Both targets: {@code eventBridge} reaches EventBridge Scheduler in a set's account and region. */
  public CronJobSetKind(CronJobSetPorts ports, Clock clock, Warnings warnings,
      Optional<EventBridgeTarget> eventBridge) {
    this.ports = ports;
    this.clock = clock;
    this.warnings = warnings;
    this.eventBridge = eventBridge;
  }

  /**
   * The account of a set: the operator's own for the Kubernetes target, which calls no AWS (so
   * {@code --require-account-binding} does not stall it); {@code accounts} decides for the EventBridge target, and
   * for a Kubernetes set whose former schedule group (from when it ran on EventBridge) is still recorded.
   */
  public static AccountResolver accountResolver(AccountResolver accounts) {
    return resource -> resource instanceof CronJobSet set && set.getSpec() != null
        && (onEventBridge(set) || formerGroup(set).isPresent()) ? accounts.resolve(resource) : AccountBinding.OPERATOR;
  }

  /** The schedule group a set with target kubernetes still records from when it ran on EventBridge. */
  private static Optional<ScheduleGroupStatus> formerGroup(CronJobSet set) {
    return onEventBridge(set) ? Optional.empty() : Optional.ofNullable(set.getStatus())
        .map(CronJobSetStatus::getScheduleGroup).filter(group -> group.getName() != null
            && group.livesIn().isPresent());
  }

  private static boolean retains(CronJobSet set) {
    return set.getSpec().effectiveDeletionPolicy() != DeletionPolicy.Delete;
  }

  private static boolean onEventBridge(CronJobSet set) {
    return set.getSpec().effectiveTarget() == CronTarget.EVENTBRIDGE;
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
    if (!onEventBridge(set)) {
      // A set moved from EventBridge: its old group is reached where it lives, to remove it or report it kept.
      return formerGroup(set).flatMap(group -> eventBridge.map(target -> (CronJobSetPorts) target.formerPorts(
          group.livesIn().orElseThrow(), account, ports))).orElse(ports);
    }
    return eventBridge.orElseThrow(() -> new InvalidSpecException("this operator was built without the EventBridge"
        + " target: use target kubernetes.")).ports(set, account, ports);
  }

  /**
   * Reads one set's objects only: each desired CronJob by name, the CronJobs marked for the set (strays), and the
   * Jobs of each desired CronJob. The operator's ports serve these from its watches, so the cost of an observe does
   * not grow with the other sets of the namespace.
   */
  @Override
  public CronJobSetObservation observe(CronJobSet set, CronJobSetPorts ports, boolean full) {
    String namespace = set.getMetadata().getNamespace();
    List<DesiredJob> desired = DesiredJobs.of(set);
    Set<String> names = desired.stream().map(DesiredJob::cronJobName).collect(Collectors.toSet());
    Map<String, CronJob> byName = new LinkedHashMap<>();
    Map<String, List<Job>> jobs = new LinkedHashMap<>();
    for (DesiredJob job : desired) {
      ports.cronJob(namespace, job.cronJobName()).ifPresent(found -> byName.put(job.cronJobName(), found));
      List<Job> made = ports.jobsOf(namespace, job.cronJobName());
      if (!made.isEmpty()) {
        jobs.put(job.cronJobName(), made);
      }
    }
    List<CronJob> strays = new ArrayList<>(ports.markedFor(namespace, set.getMetadata().getName()).stream()
        .filter(cronJob -> !names.contains(cronJob.getMetadata().getName())).toList());
    strays.sort(Comparator.comparing(c -> c.getMetadata().getName()));
    Optional<EventBridgeObservation> scheduled = onEventBridge(set) && ports instanceof EventBridgePorts aws
        ? Optional.of(eventBridge.orElseThrow().observe(set, aws, full)) : Optional.empty();
    Optional<EventBridgeObservation> former = !onEventBridge(set) && ports instanceof EventBridgePorts aws
        ? formerGroup(set).map(group -> eventBridge.orElseThrow().observeFormer(group.getName(), aws, full))
        : Optional.empty();
    return new CronJobSetObservation(desired, byName, strays, jobs, scheduled, former);
  }

  @Override
  public CronJobSetObservation emptyAccount(CronJobSet set) {
    return new CronJobSetObservation(DesiredJobs.of(set), Map.of(), List.of(), Map.of(), onEventBridge(set)
        ? Optional.of(EventBridgeObservation.empty(DesiredSchedules.group(set), DesiredSchedules.of(set)))
        : Optional.empty());
  }

  @Override
  public List<OwnedObject> owned(CronJobSet set, CronJobSetObservation observed) {
    List<OwnedObject> objects = new ArrayList<>();
    observed.eventBridge().ifPresent(scheduled -> objects.add(EventBridgeTarget.owned(scheduled)));
    observed.formerGroup().ifPresent(former -> objects.add(EventBridgeTarget.owned(former)));
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
    if (observed.eventBridge().isEmpty()) {
      // The new target first, then what the old one left (a set moved from EventBridge), unless it is kept.
      List<Change<CronJobSetPorts>> changes = new ArrayList<>(CronJobSetPlanner.plan(observed, verdicts::of, mine)
          .changes());
      if (!retains(set)) {
        observed.formerGroupLeft().ifPresent(former -> changes.addAll(EventBridgePlanner.leftByTargetSwitch(former,
            verdicts.deletable(EventBridgePlanner.key(former.groupName())))));
      }
      return new Plan<>(changes);
    }
    EventBridgeObservation scheduled = observed.eventBridge().get();
    List<Change<CronJobSetPorts>> changes = new ArrayList<>(EventBridgePlanner.plan(scheduled,
        verdicts.of(EventBridgePlanner.key(scheduled.groupName())), mine));
    // CronJobs marked for a set on EventBridge are left from when it ran on Kubernetes: removed unless kept.
    changes.addAll(CronJobSetPlanner.plan(retains(set) ? observed.withoutStrays() : observed, verdicts::of, mine)
        .changes());
    Plan<CronJobSetPorts> plan = new Plan<>(changes);
    boolean recorded = Optional.ofNullable(set.getStatus()).flatMap(status -> recordedBeforeCreation(status,
        scheduled)).isPresent();
    if (scheduled.group().isEmpty() && scheduled.region().isPresent() && !changes.isEmpty() && !recorded) {
      // The group's name and region go to status before it is created: status is otherwise written from what an
      // observe saw, and a set moved to Kubernetes before any observe saw the new group would leave it behind.
      ScheduleGroupStatus record = ScheduleGroupStatus.beforeCreation(scheduled.groupName(),
          scheduled.region().get());
      return plan.committingFirst(new StatusCommit("record schedule group " + scheduled.groupName() + " in "
          + record.getRegion() + " before creating it", status -> ((CronJobSetStatus) status)
          .setScheduleGroup(record)));
    }
    return plan;
  }

  @Override
  public void describe(CronJobSet set, CronJobSetObservation observed) {
    CronJobSetStatus status = (CronJobSetStatus) initStatus(set);
    describeLeftBehind(set, status, observed);
    if (observed.eventBridge().isPresent()) {
      describeSchedules(set, status, observed.eventBridge().get());
      return;
    }
    status.setRunHistory(null);
    // Kept while the former group exists (the next reconcile removes it, or reports it kept); gone with it.
    status.setScheduleGroup(observed.formerGroupLeft().flatMap(CronJobSetKind::groupStatus).orElse(null));
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

  /**
   * What a target switch left in place under deletionPolicy Retain: the CronJobs of a set now on EventBridge, or
   * the schedule group of a set now on Kubernetes. Both keep running; a Warning event when the list changes.
   */
  private void describeLeftBehind(CronJobSet set, CronJobSetStatus status, CronJobSetObservation observed) {
    List<String> left = new ArrayList<>();
    if (retains(set)) {
      if (observed.eventBridge().isPresent()) {
        observed.strays().forEach(cronJob -> left.add("CronJob " + cronJob.getMetadata().getNamespace() + "/"
            + cronJob.getMetadata().getName() + " (target kubernetes) still runs: deletionPolicy Retain keeps it;"
            + " delete it by hand, or set deletionPolicy Delete."));
      }
      observed.formerGroupLeft().ifPresent(former -> left.add("Schedule group " + former.groupName() + " (target"
          + " eventbridge) and its schedules still run: deletionPolicy Retain keeps them; delete the group by hand,"
          + " or set deletionPolicy Delete."));
    }
    List<String> kept = List.copyOf(left.subList(0, Math.min(left.size(), 200)));
    // Remembered here as well as in status: a status write can fail after the event went out (a stale patch).
    String uid = Optional.ofNullable(set.getMetadata().getUid())
        .orElse(set.getMetadata().getNamespace() + "/" + set.getMetadata().getName());
    List<String> announced = kept.isEmpty() ? leftBehindAnnounced.remove(uid) : leftBehindAnnounced.put(uid, kept);
    if (!kept.isEmpty() && !kept.equals(announced) && !kept.equals(status.getLeftBehind())) {
      warnings.warn(set, LEFT_BEHIND, "The target changed; left in place: " + String.join(" ", kept));
    }
    status.setLeftBehind(new ArrayList<>(kept));
  }

  /** Each job's schedule (group/name, Scheduler's expression) and next runs by Scheduler's daylight-saving rule. */
  private void describeSchedules(CronJobSet set, CronJobSetStatus status, EventBridgeObservation observed) {
    ZoneId zone = ZoneId.of(set.getSpec().getTimeZone());
    Instant now = clock.instant();
    List<CronJobStatus> jobs = new ArrayList<>();
    for (CronJobEntry entry : set.getSpec().getJobs()) {
      ScheduleDefinition schedule = observed.desired().stream().filter(s -> s.name().equals(entry.getName()))
          .findFirst().orElseThrow();
      CronJobStatus described = new CronJobStatus();
      described.setName(entry.getName());
      described.setEventBridgeSchedule(observed.schedules().containsKey(schedule.name())
          ? schedule.group() + "/" + schedule.name() : null);
      described.setSchedule(schedule.expression());
      described.setSuspended(schedule.enabled() ? null : true);
      if (schedule.enabled()) {
        described.setNextRuns(NextRuns.after(DesiredJobs.schedule(entry), zone, now, NEXT_RUNS,
            DaylightSavingRule.FIRST_OCCURRENCE_ONLY).stream().map(CronJobSetKind::format).toList());
      }
      jobs.add(described);
    }
    status.setJobs(jobs);
    status.setRunHistory(RUN_HISTORY);
    status.setScheduleGroup(groupStatus(observed).or(() -> recordedBeforeCreation(status, observed)).orElse(null));
  }

  /** The group's name and region as recorded before its creation, while it is still absent (a create refused, say). */
  private static Optional<ScheduleGroupStatus> recordedBeforeCreation(CronJobSetStatus status,
      EventBridgeObservation observed) {
    return Optional.ofNullable(status.getScheduleGroup()).filter(group -> group.getArn() == null
        && observed.groupName().equals(group.getName()) && group.livesIn().equals(observed.region()));
  }

  private static Optional<ScheduleGroupStatus> groupStatus(EventBridgeObservation observed) {
    return observed.group().map(g -> new ScheduleGroupStatus(g.name(), g.arn(), observed.region().orElse(null),
        g.state()));
  }

  private static String format(ZonedDateTime time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
  }

  @Override
  public Plan<CronJobSetPorts> deletionPlan(CronJobSet set, CronJobSetObservation observed, Verdicts verdicts) {
    Plan<CronJobSetPorts> kubernetes = CronJobSetPlanner.deletion(observed, verdicts::of);
    if (observed.eventBridge().isEmpty()) {
      List<Change<CronJobSetPorts>> changes = new ArrayList<>(kubernetes.changes());
      observed.formerGroupLeft().ifPresent(former -> changes.addAll(EventBridgePlanner.deletion(former,
          verdicts.deletable(EventBridgePlanner.key(former.groupName())))));
      return new Plan<>(changes);
    }
    EventBridgeObservation scheduled = observed.eventBridge().get();
    List<Change<CronJobSetPorts>> changes = new ArrayList<>(EventBridgePlanner.deletion(scheduled,
        verdicts.deletable(EventBridgePlanner.key(scheduled.groupName()))));
    changes.addAll(kubernetes.changes());
    return new Plan<>(changes);
  }

  /** A group being deleted (by someone, or by a set of the same name before) must be gone before it is made again. */
  @Override
  public Optional<Waiting> waiting(CronJobSet set, CronJobSetObservation observed) {
    return observed.eventBridge().flatMap(EventBridgeObservation::group).filter(ObservedGroup::deleting)
        .map(group -> new Waiting(SCHEDULE_GROUP_DELETING, "The schedule group " + group.name() + " is being deleted"
            + " by EventBridge Scheduler; it is created again once it is gone.", DELETING_RECHECK));
  }

  /** The account's schedule groups are at Scheduler's quota: a person must free one or ask for more. */
  @Override
  public Optional<Failure> classify(Throwable error) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof ServiceQuotaExceededException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return Optional.empty();
    }
    return Optional.of(new Failure(FailureKind.INVALID, SCHEDULE_GROUP_QUOTA, "The account has reached EventBridge"
        + " Scheduler's quota of schedule groups in this region (500 by default), so this set's group cannot be"
        + " created: delete unused schedule groups, or ask AWS for a higher \"Number of schedule groups\" quota.",
        Optional.empty()));
  }

  /**
   * JobsHealthy: False naming each job whose CronJob exists and that has not succeeded within two periods (see
   * {@link JobHealth}); a Warning event when that list becomes non-empty or changes.
   */
  @Override
  public List<DetailCondition> details(CronJobSet set, Optional<CronJobSetObservation> observed,
      Optional<Failure> failure) {
    if (onEventBridge(set)) {
      return List.of(scheduledRunsHealth(set, observed.flatMap(CronJobSetObservation::eventBridge)
          .flatMap(EventBridgeObservation::runs)));
    }
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
      warnings.warn(set, JOBS_NOT_SUCCEEDING, message);
    }
    return List.of(DetailCondition.of(JOBS_HEALTHY, false, JOBS_NOT_SUCCEEDING, message));
  }

  /**
   * JobsHealthy of the EventBridge target, from the group's CloudWatch run counts (read on full observes only;
   * between them the last reading stands). Scheduler counts per group, so a lost run cannot be pinned on one job.
   */
  private DetailCondition scheduledRunsHealth(CronJobSet set, Optional<GroupRuns> runs) {
    Optional<io.fabric8.kubernetes.api.model.Condition> earlier = Optional.ofNullable(set.getStatus())
        .flatMap(status -> Conditions.find(status.getConditions(), JOBS_HEALTHY))
        .filter(c -> RUNS_LOST.equals(c.getReason()) || RUNS_DELIVERED.equals(c.getReason()));
    if (runs.isEmpty()) {
      return earlier.map(c -> "False".equals(c.getStatus())
              ? DetailCondition.of(JOBS_HEALTHY, false, c.getReason(), c.getMessage())
              : DetailCondition.of(JOBS_HEALTHY, true, c.getReason(), c.getMessage()))
          .orElse(DetailCondition.unknown(JOBS_HEALTHY, NO_RUN_HISTORY, "EventBridge Scheduler keeps no run history;"
              + " its CloudWatch run counts are read at the next full observe."));
    }
    GroupRuns counted = runs.get();
    String window = counted.window().toHours() + " hours";
    if (counted.runsLost()) {
      String message = "In the last " + window + " EventBridge Scheduler gave up " + counted.dropped() + " run(s) and"
          + " sent " + counted.deadLettered() + " to the dead-letter queue after " + counted.targetErrors()
          + " target error(s), in " + counted.attempts() + " attempt(s); Scheduler counts per schedule group, not per"
          + " job: see the dead-letter queue and the target's own logs.";
      boolean alreadySaid = earlier.filter(c -> "False".equals(c.getStatus())).isPresent();
      if (!alreadySaid) {
        warnings.warn(set, JOBS_NOT_SUCCEEDING, message);
      }
      return DetailCondition.of(JOBS_HEALTHY, false, RUNS_LOST, message);
    }
    return DetailCondition.of(JOBS_HEALTHY, true, RUNS_DELIVERED, "In the last " + window + " no run was dropped or"
        + " dead-lettered (" + counted.attempts() + " attempt(s), " + counted.targetErrors() + " target error(s)"
        + " retried).");
  }

  /** Whether an earlier message named the same jobs (their times may differ): no second event for them. */
  private static boolean sameJobs(String earlier, List<String> overdue) {
    return earlier != null && overdue.stream().allMatch(entry -> earlier.contains(entry.substring(0,
        entry.indexOf(" (") + 2))) && earlier.split("; ").length == overdue.size();
  }

  @Override
  public void changed(CronJobSet set) {}
}
