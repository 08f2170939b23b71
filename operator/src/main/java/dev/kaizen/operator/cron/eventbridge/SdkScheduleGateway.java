package dev.kaizen.operator.cron.eventbridge;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.AssignPublicIp;
import software.amazon.awssdk.services.scheduler.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.scheduler.model.DeadLetterConfig;
import software.amazon.awssdk.services.scheduler.model.EcsParameters;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.NetworkConfiguration;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.Target;

/** {@link ScheduleGateway} over the SDK's SchedulerClient; every call through {@link AwsCalls}. */
public final class SdkScheduleGateway implements ScheduleGateway {
  public static final String SERVICE = "Scheduler";
  /** ListSchedules' largest page. */
  private static final int PAGE = 100;

  private final SchedulerClient client;
  private final SchedulerMetrics metrics;
  private final AwsCalls calls;
  private final AwsTarget target;

  public SdkScheduleGateway(SchedulerClient client, SchedulerMetrics metrics, AwsCalls calls, AwsTarget target) {
    this.client = client;
    this.metrics = metrics;
    this.calls = calls;
    this.target = target;
  }

  @Override
  public GroupRuns runs(String group, java.time.Duration window) {
    return metrics.runs(group, window);
  }

  private <T> T call(String operation, java.util.function.Supplier<T> call) {
    return calls.call(target, SERVICE, operation, call);
  }

  @Override
  public Optional<ObservedGroup> group(String name) {
    try {
      var found = call("GetScheduleGroup", () -> client.getScheduleGroup(r -> r.name(name)));
      return Optional.of(new ObservedGroup(found.name(), found.arn(), found.stateAsString(), found.creationDate()));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, String> tags(String groupArn) {
    Map<String, String> tags = new TreeMap<>();
    call("ListTagsForResource", () -> client.listTagsForResource(r -> r.resourceArn(groupArn))).tags()
        .forEach(tag -> tags.put(tag.key(), tag.value()));
    return tags;
  }

  @Override
  public List<String> scheduleNames(String group) {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListSchedulesResponse page = call("ListSchedules", () -> client.listSchedules(r -> r.groupName(group)
          .maxResults(PAGE).nextToken(next)));
      page.schedules().stream().map(ScheduleSummary::name).forEach(names::add);
      token = page.nextToken();
    } while (token != null);
    return names;
  }

  @Override
  public Optional<ScheduleDefinition> schedule(String group, String name) {
    GetScheduleResponse found;
    try {
      found = call("GetSchedule", () -> client.getSchedule(r -> r.groupName(group).name(name)));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    Target t = found.target();
    FlexibleTimeWindow window = found.flexibleTimeWindow();
    RetryPolicy retry = t.retryPolicy();
    ScheduleDefinition.EcsRun ecs = null;
    if (t.ecsParameters() != null) {
      EcsParameters p = t.ecsParameters();
      AwsVpcConfiguration vpc = p.networkConfiguration() == null ? null : p.networkConfiguration().awsvpcConfiguration();
      ecs = new ScheduleDefinition.EcsRun(p.taskDefinitionArn(), p.launchTypeAsString(),
          vpc == null ? List.of() : vpc.subnets(), vpc == null ? List.of() : vpc.securityGroups(),
          vpc != null && vpc.assignPublicIp() == AssignPublicIp.ENABLED);
    }
    return Optional.of(new ScheduleDefinition(found.name(), found.groupName(), found.scheduleExpression(),
        found.scheduleExpressionTimezone(), found.state() != ScheduleState.DISABLED,
        window != null && window.mode() == FlexibleTimeWindowMode.FLEXIBLE ? window.maximumWindowInMinutes() : null,
        retry == null || retry.maximumRetryAttempts() == null ? 185 : retry.maximumRetryAttempts(),
        retry == null || retry.maximumEventAgeInSeconds() == null ? 86400 : retry.maximumEventAgeInSeconds(),
        t.deadLetterConfig() == null ? null : t.deadLetterConfig().arn(), t.roleArn(), t.arn(),
        CanonicalJson.canonical(t.input()), ecs));
  }

  @Override
  public String createGroup(String name, Map<String, String> tags) {
    return call("CreateScheduleGroup", () -> client.createScheduleGroup(r -> r.name(name)
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())))
        .scheduleGroupArn();
  }

  @Override
  public void tag(String groupArn, Map<String, String> tags) {
    call("TagResource", () -> client.tagResource(r -> r.resourceArn(groupArn)
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
  }

  @Override
  public void create(ScheduleDefinition s) {
    call("CreateSchedule", () -> client.createSchedule(r -> r.name(s.name()).groupName(s.group())
        .scheduleExpression(s.expression()).scheduleExpressionTimezone(s.timeZone())
        .state(s.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED)
        .flexibleTimeWindow(window(s)).target(target(s))));
  }

  @Override
  public void update(ScheduleDefinition s) {
    call("UpdateSchedule", () -> client.updateSchedule(r -> r.name(s.name()).groupName(s.group())
        .scheduleExpression(s.expression()).scheduleExpressionTimezone(s.timeZone())
        .state(s.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED)
        .flexibleTimeWindow(window(s)).target(target(s))));
  }

  @Override
  public boolean delete(String group, String name) {
    try {
      call("DeleteSchedule", () -> client.deleteSchedule(r -> r.groupName(group).name(name)));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean deleteGroup(String name) {
    try {
      call("DeleteScheduleGroup", () -> client.deleteScheduleGroup(r -> r.name(name)));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static FlexibleTimeWindow window(ScheduleDefinition s) {
    return s.flexibleWindowMinutes() == null ? FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build()
        : FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.FLEXIBLE)
            .maximumWindowInMinutes(s.flexibleWindowMinutes()).build();
  }

  private static Target target(ScheduleDefinition s) {
    Target.Builder target = Target.builder().arn(s.targetArn()).roleArn(s.roleArn()).input(s.input())
        .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(s.retryAttempts())
            .maximumEventAgeInSeconds(s.maximumEventAgeSeconds()).build());
    if (s.deadLetterQueueArn() != null) {
      target.deadLetterConfig(DeadLetterConfig.builder().arn(s.deadLetterQueueArn()).build());
    }
    if (s.ecs() != null) {
      var ecs = s.ecs();
      target.ecsParameters(EcsParameters.builder().taskDefinitionArn(ecs.taskDefinitionArn())
          .launchType(ecs.launchType()).taskCount(1)
          .networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
              .subnets(ecs.subnets()).securityGroups(ecs.securityGroups())
              .assignPublicIp(ecs.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED).build())
              .build()).build());
    }
    return target.build();
  }
}
