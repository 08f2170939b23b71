package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.EcsLaunchType;
import dev.kaizen.operator.api.v1alpha1.cron.EventBridgeSpec;
import dev.kaizen.operator.api.v1alpha1.cron.EnvVarSpec;
import dev.kaizen.operator.cron.DesiredJobs;
import dev.kaizen.operator.cron.schedule.CronSchedule;
import dev.kaizen.operator.cron.schedule.ScheduleException;
import dev.kaizen.operator.cron.schedule.SchedulerCron;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A set's jobs as EventBridge Scheduler runs them: one schedule per job in the set's group, and the checks that
 * only this target needs (its cron dialect, the settings that mean nothing to it).
 */
public final class DesiredSchedules {
  /** Scheduler's universal target for SSM's SendCommand. */
  public static final String SSM_SEND_COMMAND = "arn:aws:scheduler:::aws-sdk:ssm:sendCommand";
  /** AWS's own retry default is 185 attempts over 24 hours; a crontab line ran once unless it says otherwise. */
  static final int DEFAULT_EVENT_AGE_SECONDS = 86400;
  static final int MIN_EVENT_AGE_SECONDS = 60;

  private DesiredSchedules() {}

  /** One sentence per problem of the EventBridge target, naming its field; empty when valid. */
  public static List<String> problems(CronJobSet set) {
    CronJobSetSpec spec = set.getSpec();
    List<String> problems = new ArrayList<>();
    EventBridgeSpec eventBridge = spec.getEventBridge();
    if (eventBridge == null) {
      return List.of("spec.eventBridge is required with target: eventbridge (the execution role and the target).");
    }
    int targets = (eventBridge.getEcs() == null ? 0 : 1) + (eventBridge.getLambda() == null ? 0 : 1)
        + (eventBridge.getSsm() == null ? 0 : 1);
    if (targets != 1) {
      problems.add("spec.eventBridge needs exactly one target: ecs, lambda or ssm.");
    }
    notForEventBridge(problems, "spec", spec.getImage(), "image", "the ECS task definition names the image");
    notForEventBridge(problems, "spec", spec.getScripts(), "scripts", "scripts are mounted into Kubernetes Jobs only");
    notForEventBridge(problems, "spec", spec.getConcurrencyPolicy(), "concurrencyPolicy",
        "EventBridge Scheduler starts every run");
    notForEventBridge(problems, "spec", spec.getActiveDeadlineSeconds(), "activeDeadlineSeconds",
        "EventBridge Scheduler does not stop runs");
    notForEventBridge(problems, "spec", spec.getServiceAccountName(), "serviceAccountName",
        "the execution role is eventBridge.executionRoleArn");
    notForEventBridge(problems, "spec", spec.getResources(), "resources", "the ECS task definition sizes the task");
    if (!spec.getEnv().isEmpty() && eventBridge.getEcs() == null) {
      problems.add("spec.env applies to the ECS target only (the container's environment).");
    }
    List<CronJobEntry> jobs = spec.getJobs();
    for (int i = 0; i < jobs.size(); i++) {
      CronJobEntry job = jobs.get(i);
      String at = "spec.jobs[" + i + "] (" + job.getName() + "): ";
      try {
        SchedulerCron.translate(DesiredJobs.schedule(job));
      } catch (ScheduleException e) {
        problems.add(at + (job.getSchedule() == null ? "" : "schedule: ") + e.getMessage());
      }
      String field = "spec.jobs[" + i + "]";
      notForEventBridge(problems, field, job.getImage(), "image", "the ECS task definition names the image");
      notForEventBridge(problems, field, job.getConcurrencyPolicy(), "concurrencyPolicy",
          "EventBridge Scheduler starts every run");
      notForEventBridge(problems, field, job.getActiveDeadlineSeconds(), "activeDeadlineSeconds",
          "EventBridge Scheduler does not stop runs");
      notForEventBridge(problems, field, job.getServiceAccountName(), "serviceAccountName",
          "the execution role is eventBridge.executionRoleArn");
      notForEventBridge(problems, field, job.getResources(), "resources", "the ECS task definition sizes the task");
      if (!job.getEnv().isEmpty() && eventBridge.getEcs() == null) {
        problems.add(at + "env applies to the ECS target only (the container's environment).");
      }
      if (job.getPayload() != null) {
        if (eventBridge.getLambda() == null) {
          problems.add(at + "payload applies to the Lambda target only.");
        } else if (!CanonicalJson.isObject(job.getPayload())) {
          problems.add(at + "payload must be one JSON object, e.g. {\"report\": \"daily\"}.");
        }
      }
      if (job.getCommand().isEmpty() && eventBridge.getLambda() == null) {
        problems.add(at + "command is empty: say what the job runs.");
      }
      Long deadline = setting(spec, job, CronJobEntry::getStartingDeadlineSeconds, CronJobSetSpec::getStartingDeadlineSeconds);
      if (deadline != null && deadline < MIN_EVENT_AGE_SECONDS) {
        problems.add(at + "startingDeadlineSeconds is at least " + MIN_EVENT_AGE_SECONDS + " with target eventbridge"
            + " (Scheduler's shortest MaximumEventAgeInSeconds).");
      }
    }
    return problems;
  }

  private static void notForEventBridge(List<String> problems, String path, Object value, String field, String why) {
    if (value != null) {
      problems.add(path + "." + field + " does not apply to target eventbridge (" + why + "): remove it.");
    }
  }

  private static <T> T setting(CronJobSetSpec spec, CronJobEntry job, Function<CronJobEntry, T> ofJob,
      Function<CronJobSetSpec, T> ofSet) {
    return Optional.ofNullable(ofJob.apply(job)).orElseGet(() -> ofSet.apply(spec));
  }

  /** The set's group name. */
  public static String group(CronJobSet set) {
    return ScheduleGroupNames.of(set.getMetadata().getNamespace(), set.getMetadata().getName());
  }

  /** The schedules the set wants, in spec order (the spec is valid: {@link #problems} found nothing). */
  public static List<ScheduleDefinition> of(CronJobSet set) {
    CronJobSetSpec spec = set.getSpec();
    EventBridgeSpec eventBridge = spec.getEventBridge();
    String group = group(set);
    List<ScheduleDefinition> schedules = new ArrayList<>();
    for (CronJobEntry job : spec.getJobs()) {
      CronSchedule schedule = DesiredJobs.schedule(job);
      int retries = Optional.ofNullable(setting(spec, job, CronJobEntry::getRetries, CronJobSetSpec::getRetries))
          .orElse(0);
      Long deadline = setting(spec, job, CronJobEntry::getStartingDeadlineSeconds,
          CronJobSetSpec::getStartingDeadlineSeconds);
      int eventAge = deadline == null ? DEFAULT_EVENT_AGE_SECONDS : deadline.intValue();
      String targetArn;
      String input;
      ScheduleDefinition.EcsRun ecs = null;
      if (eventBridge.getEcs() != null) {
        var e = eventBridge.getEcs();
        targetArn = e.getClusterArn();
        ecs = new ScheduleDefinition.EcsRun(e.getTaskDefinitionArn(),
            Optional.ofNullable(e.getLaunchType()).orElse(EcsLaunchType.FARGATE).name(), e.getSubnets(),
            e.getSecurityGroups(), Boolean.TRUE.equals(e.getAssignPublicIp()));
        input = ecsOverrides(e.getContainerName(), job.getCommand(), env(spec.getEnv(), job.getEnv()));
      } else if (eventBridge.getLambda() != null) {
        targetArn = eventBridge.getLambda().getFunctionArn();
        input = job.getPayload() != null ? CanonicalJson.canonical(job.getPayload())
            : CanonicalJson.of(Map.of("job", job.getName(), "command", job.getCommand()));
      } else {
        var ssm = eventBridge.getSsm();
        targetArn = SSM_SEND_COMMAND;
        input = CanonicalJson.of(Map.of("DocumentName", ssm.effectiveDocumentName(),
            "Targets", List.of(Map.of("Key", "tag:" + ssm.getTagKey(), "Values", List.of(ssm.getTagValue()))),
            "Parameters", Map.of("commands", List.of(ShellWords.join(job.getCommand())))));
      }
      schedules.add(new ScheduleDefinition(job.getName(), group, SchedulerCron.translate(schedule), spec.getTimeZone(),
          !Boolean.TRUE.equals(job.getSuspend()), eventBridge.getFlexibleWindowMinutes(), retries, eventAge,
          eventBridge.getDeadLetterQueueArn(), eventBridge.getExecutionRoleArn(), targetArn, input, ecs));
    }
    return schedules;
  }

  /** RunTask's overrides: the container's command, and its environment when the set has one. */
  static String ecsOverrides(String container, List<String> command, Map<String, String> env) {
    Map<String, Object> override = new LinkedHashMap<>();
    override.put("name", container);
    override.put("command", command);
    if (!env.isEmpty()) {
      override.put("environment", env.entrySet().stream()
          .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
    }
    return CanonicalJson.of(Map.of("containerOverrides", List.of(override)));
  }

  /** The set's variables, then the job's (the job's value wins for the same name). */
  static Map<String, String> env(List<EnvVarSpec> set, List<EnvVarSpec> job) {
    Map<String, String> env = new LinkedHashMap<>();
    set.forEach(v -> env.put(v.getName(), v.getValue() == null ? "" : v.getValue()));
    job.forEach(v -> env.put(v.getName(), v.getValue() == null ? "" : v.getValue()));
    return env.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, LinkedHashMap::new));
  }
}
