package dev.kaizen.operator.cron.eventbridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One EventBridge Scheduler schedule, as the set wants it or as GetSchedule shows it: the same record either way,
 * so "in sync" is equality (lists that AWS treats as sets are kept sorted, Input as canonical JSON).
 *
 * @param name the schedule's name in its group (the job's name)
 * @param group the set's schedule group
 * @param expression Scheduler's {@code cron(...)} form
 * @param timeZone the IANA zone the expression is read in
 * @param enabled false for a suspended job (State DISABLED)
 * @param flexibleWindowMinutes null: FlexibleTimeWindow OFF
 * @param retryAttempts MaximumRetryAttempts
 * @param maximumEventAgeSeconds MaximumEventAgeInSeconds
 * @param deadLetterQueueArn null: none
 * @param roleArn the execution role
 * @param targetArn the ECS cluster, the Lambda function, or Scheduler's universal target for SSM SendCommand
 * @param input what the target receives (canonical JSON)
 * @param ecs the ECS RunTask parameters, null for other targets
 */
public record ScheduleDefinition(String name, String group, String expression, String timeZone, boolean enabled,
    Integer flexibleWindowMinutes, int retryAttempts, int maximumEventAgeSeconds, String deadLetterQueueArn,
    String roleArn, String targetArn, String input, EcsRun ecs) {

  /** ECS RunTask parameters (awsvpc networking). */
  public record EcsRun(String taskDefinitionArn, String launchType, List<String> subnets, List<String> securityGroups,
      boolean assignPublicIp) {
    public EcsRun {
      subnets = subnets.stream().sorted().toList();
      securityGroups = securityGroups.stream().sorted().toList();
    }
  }

  /** The fields that differ from {@code wanted}, each with its value here and there (for the plan's line). */
  public Map<String, String[]> differences(ScheduleDefinition wanted) {
    Map<String, String[]> differences = new LinkedHashMap<>();
    compare(differences, "expression", expression, wanted.expression);
    compare(differences, "timeZone", timeZone, wanted.timeZone);
    compare(differences, "state", enabled ? "ENABLED" : "DISABLED", wanted.enabled ? "ENABLED" : "DISABLED");
    compare(differences, "flexibleWindow", window(flexibleWindowMinutes), window(wanted.flexibleWindowMinutes));
    compare(differences, "retryAttempts", retryAttempts, wanted.retryAttempts);
    compare(differences, "maximumEventAge", maximumEventAgeSeconds, wanted.maximumEventAgeSeconds);
    compare(differences, "deadLetterQueue", deadLetterQueueArn, wanted.deadLetterQueueArn);
    compare(differences, "roleArn", roleArn, wanted.roleArn);
    compare(differences, "target", targetArn, wanted.targetArn);
    compare(differences, "input", input, wanted.input);
    compare(differences, "ecs", ecs, wanted.ecs);
    return differences;
  }

  private static String window(Integer minutes) {
    return minutes == null ? "OFF" : minutes + " min";
  }

  private static void compare(Map<String, String[]> differences, String field, Object here, Object there) {
    if (!Objects.equals(here, there)) {
      differences.put(field, new String[] {String.valueOf(here), String.valueOf(there)});
    }
  }

  static List<String> copy(List<String> list) {
    return list == null ? List.of() : new ArrayList<>(list);
  }
}
