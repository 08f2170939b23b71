package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.cron.eventbridge.DesiredSchedules;
import dev.kaizen.operator.cron.schedule.CronSchedule;
import dev.kaizen.operator.cron.schedule.ScheduleException;
import dev.kaizen.operator.cron.schedule.ScheduleParser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A set's jobs as the Kubernetes target runs them, and the semantic checks that point at the job at fault. */
public final class DesiredJobs {
  private DesiredJobs() {}

  /** One sentence per problem, each naming its field ({@code spec.jobs[2] (report): ...}); empty when valid. */
  public static List<String> problems(CronJobSet set) {
    List<String> problems = new ArrayList<>();
    CronJobSetSpec spec = set.getSpec();
    if (spec == null) {
      return List.of("spec is required.");
    }
    String zone = spec.getTimeZone();
    if (zone == null || zone.isBlank()) {
      problems.add("spec.timeZone is required: name the IANA time zone the schedules are read in (e.g. Europe/Berlin"
          + " or UTC); no job runs in the operator's or the cluster's time zone.");
    } else if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      problems.add("spec.timeZone: \"" + zone + "\" is not a known IANA time zone (e.g. Europe/Berlin, America/New_York,"
          + " UTC).");
    }
    if (spec.effectiveTarget() == CronTarget.EVENTBRIDGE) {
      problems.addAll(DesiredSchedules.problems(set));
      return problems;
    }
    if (spec.getEventBridge() != null) {
      problems.add("spec.eventBridge applies only to target: eventbridge: set the target, or remove the block.");
    }
    List<CronJobEntry> jobs = spec.getJobs();
    for (int i = 0; i < jobs.size(); i++) {
      CronJobEntry job = jobs.get(i);
      String at = "spec.jobs[" + i + "] (" + job.getName() + "): ";
      try {
        schedule(job);
      } catch (ScheduleException e) {
        problems.add(at + (job.getSchedule() == null ? "" : "schedule: ") + e.getMessage());
      }
      if (CronJobTemplates.setting(spec, job, s -> s.getImage()) == null) {
        problems.add(at + "no image: set spec.image for every job, or the job's own image.");
      }
      if (job.getCommand().isEmpty()) {
        problems.add(at + "command is empty: say what the job runs.");
      }
      if (job.getPayload() != null) {
        problems.add(at + "payload applies to target eventbridge with a Lambda target only.");
      }
    }
    return problems;
  }

  /** The job's parsed schedule, from {@code schedule} or from {@code every} / {@code at}. */
  public static CronSchedule schedule(CronJobEntry job) {
    if (job.getSchedule() != null && job.getEvery() != null) {
      throw new ScheduleException("set either schedule or every, not both.");
    }
    if (job.getSchedule() != null) {
      return ScheduleParser.parse(job.getSchedule());
    }
    if (job.getEvery() != null) {
      return ScheduleParser.every(job.getEvery(), job.getAt());
    }
    throw new ScheduleException("no schedule: set schedule (cron) or every.");
  }

  /**
   * The CronJobs the set wants, in spec order; a set with problems has none (the loop stalls on them first), and
   * neither has a set with target eventbridge.
   */
  public static List<DesiredJob> of(CronJobSet set) {
    List<String> problems = problems(set);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(String.join(" ", problems));
    }
    if (set.getSpec().effectiveTarget() == CronTarget.EVENTBRIDGE) {
      return List.of();
    }
    List<DesiredJob> desired = new ArrayList<>();
    for (CronJobEntry job : set.getSpec().getJobs()) {
      CronSchedule schedule = schedule(job);
      desired.add(new DesiredJob(job.getName(), schedule,
          CronJobTemplates.build(set, job, schedule.toStandard())));
    }
    return desired;
  }
}
