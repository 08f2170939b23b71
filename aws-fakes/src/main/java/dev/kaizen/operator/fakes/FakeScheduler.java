package dev.kaizen.operator.fakes;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleGroupResponse;
import software.amazon.awssdk.services.scheduler.model.GetScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.InternalServerException;
import software.amazon.awssdk.services.scheduler.model.ListScheduleGroupsRequest;
import software.amazon.awssdk.services.scheduler.model.ListScheduleGroupsResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesRequest;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.scheduler.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupState;
import software.amazon.awssdk.services.scheduler.model.ScheduleGroupSummary;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;
import software.amazon.awssdk.services.scheduler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.TagResourceRequest;
import software.amazon.awssdk.services.scheduler.model.TagResourceResponse;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.TargetSummary;
import software.amazon.awssdk.services.scheduler.model.ThrottlingException;
import software.amazon.awssdk.services.scheduler.model.UntagResourceRequest;
import software.amazon.awssdk.services.scheduler.model.UntagResourceResponse;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/**
 * Stateful fake of EventBridge Scheduler for one account in one Region, implementing the SDK client.
 *
 * <p>As the Scheduler API reference and user guide describe it: the account starts with the group {@code default},
 * which cannot be deleted; at most {@link #GROUP_QUOTA} groups ("You can create up to 500 schedule groups",
 * managing-schedule-group) — past it {@code ServiceQuotaExceededException} (402). A deleted group turns {@code
 * DELETING} and disappears with its schedules once {@link #setGroupDeletionDelay} has passed. Names are 1-64 of
 * {@code [0-9a-zA-Z-_.]}; a taken name is {@code ConflictException} (409), a missing one {@code
 * ResourceNotFoundException} (404), anything breaking a constraint {@code ValidationException} (400): the
 * expression forms {@code at()}, {@code rate()} and 6-field {@code cron()} with exactly one of day-of-month and
 * day-of-week as {@code ?}; an IANA time zone; FlexibleTimeWindow OFF (no window) or FLEXIBLE with
 * MaximumWindowInMinutes 1-1440; RetryPolicy 0-185 attempts and 60-86400 seconds (absent: AWS's default of 185 and
 * 86400, which GetSchedule then shows); Input up to 8192 characters; the execution role an IAM role ARN. UpdateSchedule
 * replaces the whole schedule, as AWS does: what it leaves out returns to its default. Schedules cannot be tagged:
 * only group ARNs take TagResource. ListScheduleGroups and ListSchedules page with NextToken and MaxResults (1-100).
 *
 * <p>Request rates: CreateSchedule, GetSchedule, UpdateSchedule and DeleteSchedule 250/s (the figure every Region
 * has; the primary Regions have more), CreateScheduleGroup and DeleteScheduleGroup 10/s (scheduler-quotas); the
 * other operations publish no figure here and get 10/s. Throttling is {@code ThrottlingException} (429).
 */
public class FakeScheduler extends FakeAwsService implements SchedulerClient {
  public static final int GROUP_QUOTA = 500;
  private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z\\-_.]{1,64}");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)?:iam::\\d{12}:role/[\\w+=,.@/-]+");
  private static final Pattern SQS_ARN = Pattern.compile("arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+(\\.fifo)?");
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");
  private static final Pattern CRON = Pattern.compile("cron\\(([^()]+)\\)");

  public static final Map<String, Integer> QUOTAS = Map.ofEntries(
      Map.entry("CreateSchedule", 250), Map.entry("GetSchedule", 250), Map.entry("UpdateSchedule", 250),
      Map.entry("DeleteSchedule", 250), Map.entry("CreateScheduleGroup", 10), Map.entry("DeleteScheduleGroup", 10),
      Map.entry("GetScheduleGroup", 10), Map.entry("ListScheduleGroups", 10), Map.entry("ListSchedules", 10),
      Map.entry("TagResource", 10), Map.entry("UntagResource", 10), Map.entry("ListTagsForResource", 10));

  static final ServiceErrors ERRORS = new ServiceErrors(
      SchedulerException::builder,
      ServiceErrors.shape(ThrottlingException::builder, 429, "ThrottlingException").saying("Rate exceeded"),
      ServiceErrors.shape(InternalServerException::builder, 500, "InternalServerException")
          .saying("Unexpected error encountered while processing the request."),
      ServiceErrors.shape(ValidationException::builder, 400, "ValidationException"),
      ServiceErrors.shape(ResourceNotFoundException::builder, 404, "ResourceNotFoundException"),
      ServiceErrors.shape(ValidationException::builder, 400, "ValidationException").saying("Invalid NextToken."));
  private static final ServiceErrors.Shape CONFLICT = ServiceErrors.shape(ConflictException::builder, 409,
      "ConflictException");
  private static final ServiceErrors.Shape QUOTA_EXCEEDED = ServiceErrors.shape(
      ServiceQuotaExceededException::builder, 402, "ServiceQuotaExceededException");

  private static final class Group {
    final String name;
    final Instant created;
    final Map<String, String> tags = new TreeMap<>();
    Instant deletingSince;

    Group(String name, Instant created) {
      this.name = name;
      this.created = created;
    }
  }

  /** A schedule as the last Create or Update request left it (with AWS's defaults filled in). */
  private record Schedule(String name, String group, String expression, String timezone, ScheduleState state,
      String description, FlexibleTimeWindow window, Target target, Instant created, Instant modified) {}

  private final Map<String, Group> groups = new TreeMap<>();
  /** By group, then by name. */
  private final Map<String, Map<String, Schedule>> schedules = new TreeMap<>();
  private Duration groupDeletionDelay = Duration.ofMillis(300);

  public FakeScheduler(String region, String accountId) {
    super("Scheduler", ERRORS, QUOTAS, region, accountId);
    resetState();
  }

  @Override
  protected void resetState() {
    groups.clear();
    schedules.clear();
    groups.put("default", new Group("default", Instant.EPOCH));
    groupDeletionDelay = Duration.ofMillis(300);
  }

  @Override
  public String serviceName() {
    return SchedulerClient.SERVICE_NAME;
  }

  // ---- backdoors -------------------------------------------------------------------------------------------------

  /** How long a deleted group stays DELETING before it and its schedules are gone. */
  public void setGroupDeletionDelay(Duration delay) {
    synchronized (lock) {
      groupDeletionDelay = delay;
    }
  }

  /** Creates groups of someone else (each with {@code schedulesEach} schedules), as a busy account has. */
  public void seedForeignGroups(String prefix, int count, int schedulesEach) {
    synchronized (lock) {
      for (int i = 0; i < count; i++) {
        String name = String.format("%s%04d", prefix, i);
        Group group = new Group(name, now());
        group.tags.put("team", "other");
        groups.put(name, group);
        for (int j = 0; j < schedulesEach; j++) {
          put(new Schedule("job-" + j, name, "rate(1 hour)", "UTC", ScheduleState.ENABLED, null,
              FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build(),
              withDefaults(Target.builder().arn("arn:aws:lambda:" + region + ":" + accountId + ":function:other")
                  .roleArn("arn:aws:iam::" + accountId + ":role/other").build()), now(), now()));
        }
      }
    }
  }

  /** Creates an untagged group, as a person in the console would. */
  public void createGroupByHand(String name, Map<String, String> tags) {
    synchronized (lock) {
      Group group = new Group(name, now());
      group.tags.putAll(tags);
      groups.put(name, group);
    }
  }

  /** The tags of a group, or null when it does not exist. */
  public Map<String, String> groupTags(String name) {
    synchronized (lock) {
      expire();
      Group group = groups.get(name);
      return group == null ? null : Map.copyOf(group.tags);
    }
  }

  public boolean groupExists(String name) {
    synchronized (lock) {
      expire();
      return groups.containsKey(name);
    }
  }

  /** The names of a group's schedules. */
  public List<String> scheduleNames(String group) {
    synchronized (lock) {
      expire();
      return List.copyOf(schedules.getOrDefault(group, Map.of()).keySet());
    }
  }

  /** Changes a schedule's expression behind the operator's back (a console edit). */
  public void editExpression(String group, String name, String expression) {
    synchronized (lock) {
      Schedule s = schedules.get(group).get(name);
      put(new Schedule(s.name(), s.group(), expression, s.timezone(), s.state(), s.description(), s.window(),
          s.target(), s.created(), now()));
    }
  }

  /** Deletes a schedule behind the operator's back. */
  public void deleteByHand(String group, String name) {
    synchronized (lock) {
      schedules.getOrDefault(group, new TreeMap<>()).remove(name);
    }
  }

  public int groupCount() {
    synchronized (lock) {
      expire();
      return groups.size();
    }
  }

  // ---- groups ----------------------------------------------------------------------------------------------------

  @Override
  public CreateScheduleGroupResponse createScheduleGroup(CreateScheduleGroupRequest request) {
    return invoke("CreateScheduleGroup", request, () -> {
      expire();
      requireName("Name", request.name());
      Map<String, String> tags = tags(request.tags());
      if (groups.containsKey(request.name())) {
        throw serviceError(CONFLICT, "Schedule group " + request.name() + " already exists.");
      }
      if (groups.size() >= GROUP_QUOTA) {
        throw serviceError(QUOTA_EXCEEDED, "The request exceeds a service quota.");
      }
      Group group = new Group(request.name(), now());
      group.tags.putAll(tags);
      groups.put(group.name, group);
      return ok(CreateScheduleGroupResponse.builder().scheduleGroupArn(groupArn(group.name)));
    });
  }

  @Override
  public GetScheduleGroupResponse getScheduleGroup(GetScheduleGroupRequest request) {
    return invoke("GetScheduleGroup", request, () -> {
      expire();
      requireName("Name", request.name());
      Group group = group(request.name());
      return ok(GetScheduleGroupResponse.builder().name(group.name).arn(groupArn(group.name))
          .state(group.deletingSince == null ? ScheduleGroupState.ACTIVE : ScheduleGroupState.DELETING)
          .creationDate(group.created).lastModificationDate(group.created));
    });
  }

  @Override
  public DeleteScheduleGroupResponse deleteScheduleGroup(DeleteScheduleGroupRequest request) {
    return invoke("DeleteScheduleGroup", request, () -> {
      expire();
      requireName("Name", request.name());
      if ("default".equals(request.name())) {
        throw validationError("The default schedule group cannot be deleted.");
      }
      Group group = group(request.name());
      if (group.deletingSince == null) {
        group.deletingSince = now();
      }
      return ok(DeleteScheduleGroupResponse.builder());
    });
  }

  @Override
  public ListScheduleGroupsResponse listScheduleGroups(ListScheduleGroupsRequest request) {
    return invoke("ListScheduleGroups", request, () -> {
      expire();
      int limit = maxResults(request.maxResults());
      String prefix = request.namePrefix() == null ? "" : request.namePrefix();
      String query = "groups " + prefix;
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      List<Group> matching = groups.values().stream().filter(g -> g.name.startsWith(prefix))
          .filter(g -> after == null || g.name.compareTo(after) > 0).toList();
      List<Group> page = matching.subList(0, Math.min(limit, matching.size()));
      String next = matching.size() > limit ? encodeToken(query, page.get(page.size() - 1).name) : null;
      return ok(ListScheduleGroupsResponse.builder().nextToken(next).scheduleGroups(page.stream()
          .map(g -> ScheduleGroupSummary.builder().name(g.name).arn(groupArn(g.name))
              .state(g.deletingSince == null ? ScheduleGroupState.ACTIVE : ScheduleGroupState.DELETING)
              .creationDate(g.created).build()).toList()));
    });
  }

  // ---- schedules -------------------------------------------------------------------------------------------------

  @Override
  public CreateScheduleResponse createSchedule(CreateScheduleRequest request) {
    return invoke("CreateSchedule", request, () -> {
      expire();
      String groupName = request.groupName() == null ? "default" : request.groupName();
      Schedule schedule = validated(request.name(), groupName, request.scheduleExpression(),
          request.scheduleExpressionTimezone(), request.state(), request.description(), request.flexibleTimeWindow(),
          request.target(), null);
      Group group = group(groupName);
      if (group.deletingSince != null) {
        throw serviceError(CONFLICT, "Schedule group " + groupName + " is being deleted.");
      }
      if (schedules.getOrDefault(groupName, Map.of()).containsKey(request.name())) {
        throw serviceError(CONFLICT, "Schedule " + request.name() + " already exists.");
      }
      put(schedule);
      return ok(CreateScheduleResponse.builder().scheduleArn(scheduleArn(groupName, request.name())));
    });
  }

  @Override
  public UpdateScheduleResponse updateSchedule(UpdateScheduleRequest request) {
    return invoke("UpdateSchedule", request, () -> {
      expire();
      String groupName = request.groupName() == null ? "default" : request.groupName();
      Schedule existing = schedule(groupName, request.name());
      // The whole schedule is replaced: fields the request leaves out return to their defaults.
      put(validated(request.name(), groupName, request.scheduleExpression(), request.scheduleExpressionTimezone(),
          request.state(), request.description(), request.flexibleTimeWindow(), request.target(), existing));
      return ok(UpdateScheduleResponse.builder().scheduleArn(scheduleArn(groupName, request.name())));
    });
  }

  @Override
  public GetScheduleResponse getSchedule(GetScheduleRequest request) {
    return invoke("GetSchedule", request, () -> {
      expire();
      String groupName = request.groupName() == null ? "default" : request.groupName();
      requireName("Name", request.name());
      Schedule s = schedule(groupName, request.name());
      return ok(GetScheduleResponse.builder().name(s.name()).groupName(s.group()).arn(scheduleArn(s.group(), s.name()))
          .scheduleExpression(s.expression()).scheduleExpressionTimezone(s.timezone()).state(s.state())
          .description(s.description()).flexibleTimeWindow(s.window()).target(s.target())
          .creationDate(s.created()).lastModificationDate(s.modified()));
    });
  }

  @Override
  public DeleteScheduleResponse deleteSchedule(DeleteScheduleRequest request) {
    return invoke("DeleteSchedule", request, () -> {
      expire();
      String groupName = request.groupName() == null ? "default" : request.groupName();
      schedule(groupName, request.name());
      schedules.get(groupName).remove(request.name());
      return ok(DeleteScheduleResponse.builder());
    });
  }

  @Override
  public ListSchedulesResponse listSchedules(ListSchedulesRequest request) {
    return invoke("ListSchedules", request, () -> {
      expire();
      int limit = maxResults(request.maxResults());
      String prefix = request.namePrefix() == null ? "" : request.namePrefix();
      String query = "schedules " + request.groupName() + " " + prefix + " " + request.stateAsString();
      String after = request.nextToken() == null ? null : decodeToken(request.nextToken(), query);
      List<Schedule> matching = new ArrayList<>();
      schedules.forEach((group, byName) -> {
        if (request.groupName() == null || request.groupName().equals(group)) {
          byName.values().stream().filter(s -> s.name().startsWith(prefix))
              .filter(s -> request.state() == null || request.state() == s.state()).forEach(matching::add);
        }
      });
      List<Schedule> rest = matching.stream().filter(s -> after == null || key(s).compareTo(after) > 0).toList();
      List<Schedule> page = rest.subList(0, Math.min(limit, rest.size()));
      String next = rest.size() > limit ? encodeToken(query, key(page.get(page.size() - 1))) : null;
      return ok(ListSchedulesResponse.builder().nextToken(next).schedules(page.stream()
          .map(s -> ScheduleSummary.builder().name(s.name()).groupName(s.group()).arn(scheduleArn(s.group(), s.name()))
              .state(s.state()).creationDate(s.created()).lastModificationDate(s.modified())
              .target(TargetSummary.builder().arn(s.target().arn()).build()).build()).toList()));
    });
  }

  // ---- tags ------------------------------------------------------------------------------------------------------

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return invoke("TagResource", request, () -> {
      expire();
      Group group = taggable(request.resourceArn());
      Map<String, String> tags = tags(request.tags());
      Map<String, String> merged = new TreeMap<>(group.tags);
      merged.putAll(tags);
      if (merged.size() > 200) {
        throw validationError("A resource can have at most 200 tags.");
      }
      group.tags.putAll(tags);
      return ok(TagResourceResponse.builder());
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return invoke("UntagResource", request, () -> {
      expire();
      Group group = taggable(request.resourceArn());
      request.tagKeys().forEach(group.tags::remove);
      return ok(UntagResourceResponse.builder());
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    return invoke("ListTagsForResource", request, () -> {
      expire();
      Group group = taggable(request.resourceArn());
      return ok(ListTagsForResourceResponse.builder().tags(group.tags.entrySet().stream()
          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    });
  }

  // ---- IAM -------------------------------------------------------------------------------------------------------

  @Override
  protected Authorization authorization(String operation, Object request) {
    String group = null;
    String schedule = null;
    if (request instanceof CreateScheduleGroupRequest r) {
      group = r.name();
    } else if (request instanceof GetScheduleGroupRequest r) {
      group = r.name();
    } else if (request instanceof DeleteScheduleGroupRequest r) {
      group = r.name();
    } else if (request instanceof TagResourceRequest r) {
      group = groupOf(r.resourceArn());
    } else if (request instanceof UntagResourceRequest r) {
      group = groupOf(r.resourceArn());
    } else if (request instanceof ListTagsForResourceRequest r) {
      group = groupOf(r.resourceArn());
    } else if (request instanceof CreateScheduleRequest r) {
      group = r.groupName();
      schedule = r.name();
    } else if (request instanceof UpdateScheduleRequest r) {
      group = r.groupName();
      schedule = r.name();
    } else if (request instanceof GetScheduleRequest r) {
      group = r.groupName();
      schedule = r.name();
    } else if (request instanceof DeleteScheduleRequest r) {
      group = r.groupName();
      schedule = r.name();
    }
    if (group == null) {
      return new Authorization("scheduler:" + operation, "*", Map.of());
    }
    if (schedule != null) {
      // Schedules carry no tags: IAM can scope them by name only.
      return new Authorization("scheduler:" + operation, scheduleArn(group, schedule), Map.of());
    }
    Group found = groups.get(group);
    return new Authorization("scheduler:" + operation, groupArn(group), found == null ? Map.of()
        : Map.copyOf(found.tags));
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private String groupArn(String name) {
    return "arn:" + partition + ":scheduler:" + region + ":" + accountId + ":schedule-group/" + name;
  }

  private String scheduleArn(String group, String name) {
    return "arn:" + partition + ":scheduler:" + region + ":" + accountId + ":schedule/" + group + "/" + name;
  }

  private static String groupOf(String arn) {
    int at = arn == null ? -1 : arn.indexOf(":schedule-group/");
    return at < 0 ? null : arn.substring(at + ":schedule-group/".length());
  }

  private static String key(Schedule s) {
    return s.group() + "/" + s.name();
  }

  private void put(Schedule schedule) {
    schedules.computeIfAbsent(schedule.group(), g -> new TreeMap<>()).put(schedule.name(), schedule);
  }

  /** Groups whose deletion has run its course are gone, with their schedules. */
  private void expire() {
    Instant cutoff = now().minus(groupDeletionDelay);
    groups.values().removeIf(g -> {
      boolean gone = g.deletingSince != null && !g.deletingSince.isAfter(cutoff);
      if (gone) {
        schedules.remove(g.name);
      }
      return gone;
    });
  }

  private Group group(String name) {
    Group group = groups.get(name);
    if (group == null) {
      throw notFoundError("Schedule group " + name + " does not exist.");
    }
    return group;
  }

  private Schedule schedule(String group, String name) {
    requireName("Name", name);
    Schedule schedule = schedules.getOrDefault(group, Map.of()).get(name);
    if (schedule == null) {
      throw notFoundError("Schedule " + name + " does not exist.");
    }
    return schedule;
  }

  private Group taggable(String arn) {
    if (arn == null || !arn.startsWith("arn:" + partition + ":scheduler:" + region + ":" + accountId + ":")) {
      throw validationError("Invalid ResourceArn.");
    }
    String name = groupOf(arn);
    if (name == null) {
      // Only schedule groups take tags.
      throw validationError("Invalid ResourceArn: only schedule groups can be tagged.");
    }
    return group(name);
  }

  private void requireName(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw validationError(field + " must be 1 to 64 characters of [0-9a-zA-Z-_.]: " + name);
    }
  }

  private int maxResults(Integer maxResults) {
    if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
      throw validationError("MaxResults must be between 1 and 100.");
    }
    return maxResults == null ? 100 : maxResults;
  }

  private Map<String, String> tags(List<Tag> tags) {
    if (tags.size() > 200) {
      throw validationError("At most 200 tags.");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Tag tag : tags) {
      if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128 || tag.value() == null
          || tag.value().isEmpty() || tag.value().length() > 256) {
        throw validationError("A tag key has 1 to 128 characters, a value 1 to 256.");
      }
      map.put(tag.key(), tag.value());
    }
    return map;
  }

  private Schedule validated(String name, String group, String expression, String timezone, ScheduleState state,
      String description, FlexibleTimeWindow window, Target target, Schedule existing) {
    requireName("Name", name);
    requireName("GroupName", group);
    requireExpression(expression);
    if (timezone != null) {
      try {
        if (timezone.length() > 50) {
          throw new DateTimeException("too long");
        }
        ZoneId.of(timezone);
      } catch (DateTimeException e) {
        throw validationError("Invalid ScheduleExpressionTimezone " + timezone + ".");
      }
    }
    if (description != null && description.length() > 512) {
      throw validationError("Description must be at most 512 characters.");
    }
    if (window == null || window.mode() == null || window.mode() == FlexibleTimeWindowMode.UNKNOWN_TO_SDK_VERSION) {
      throw validationError("FlexibleTimeWindow with a Mode of OFF or FLEXIBLE is required.");
    }
    Integer minutes = window.maximumWindowInMinutes();
    if (window.mode() == FlexibleTimeWindowMode.OFF && minutes != null) {
      throw validationError("MaximumWindowInMinutes must not be set when Mode is OFF.");
    }
    if (window.mode() == FlexibleTimeWindowMode.FLEXIBLE && (minutes == null || minutes < 1 || minutes > 1440)) {
      throw validationError("MaximumWindowInMinutes must be between 1 and 1440 when Mode is FLEXIBLE.");
    }
    if (state == ScheduleState.UNKNOWN_TO_SDK_VERSION) {
      throw validationError("State must be ENABLED or DISABLED.");
    }
    requireTarget(target);
    Instant now = now();
    return new Schedule(name, group, expression, timezone == null ? "UTC" : timezone,
        state == null ? ScheduleState.ENABLED : state, description, window, withDefaults(target),
        existing == null ? now : existing.created(), now);
  }

  private void requireExpression(String expression) {
    if (expression == null || expression.isEmpty() || expression.length() > 256) {
      throw validationError("ScheduleExpression must be 1 to 256 characters.");
    }
    var rate = RATE.matcher(expression);
    if (rate.matches()) {
      int value = Integer.parseInt(rate.group(1));
      if (value < 1 || (value == 1) != !rate.group(2).endsWith("s")) {
        throw validationError("Invalid rate expression " + expression + ": 1 takes a singular unit, more a plural.");
      }
      return;
    }
    if (AT.matcher(expression).matches()) {
      return;
    }
    var cron = CRON.matcher(expression);
    if (cron.matches()) {
      String[] fields = cron.group(1).trim().split("\\s+");
      if (fields.length != 6) {
        throw validationError("Invalid cron expression " + expression + ": six fields are required.");
      }
      boolean domQuestion = fields[2].equals("?");
      boolean dowQuestion = fields[4].equals("?");
      if (domQuestion == dowQuestion) {
        throw validationError("Invalid cron expression " + expression
            + ": exactly one of day-of-month and day-of-week must be '?'.");
      }
      for (String field : fields) {
        if (!field.matches("[0-9A-Za-z*?,/#L W-]+")) {
          throw validationError("Invalid cron expression " + expression + ".");
        }
      }
      return;
    }
    throw validationError("Invalid Schedule Expression " + expression + ".");
  }

  private void requireTarget(Target target) {
    if (target == null || target.arn() == null || target.arn().isEmpty() || target.arn().length() > 1600) {
      throw validationError("Target.Arn is required (1 to 1600 characters).");
    }
    if (target.roleArn() == null || !ROLE_ARN.matcher(target.roleArn()).matches()) {
      throw validationError("Target.RoleArn must be an IAM role ARN: " + target.roleArn());
    }
    if (target.input() != null && (target.input().isEmpty() || target.input().length() > 8192)) {
      throw validationError("Target.Input must be 1 to 8192 characters.");
    }
    if (target.deadLetterConfig() != null && (target.deadLetterConfig().arn() == null
        || !SQS_ARN.matcher(target.deadLetterConfig().arn()).matches())) {
      throw validationError("DeadLetterConfig.Arn must be an SQS queue ARN.");
    }
    RetryPolicy retry = target.retryPolicy();
    if (retry != null) {
      Integer attempts = retry.maximumRetryAttempts();
      Integer age = retry.maximumEventAgeInSeconds();
      if (attempts != null && (attempts < 0 || attempts > 185)) {
        throw validationError("MaximumRetryAttempts must be between 0 and 185.");
      }
      if (age != null && (age < 60 || age > 86400)) {
        throw validationError("MaximumEventAgeInSeconds must be between 60 and 86400.");
      }
    }
    var ecs = target.ecsParameters();
    if (ecs != null) {
      if (ecs.taskDefinitionArn() == null || ecs.taskDefinitionArn().isEmpty()) {
        throw validationError("EcsParameters.TaskDefinitionArn is required.");
      }
      var vpc = ecs.networkConfiguration() == null ? null : ecs.networkConfiguration().awsvpcConfiguration();
      if (vpc != null && (vpc.subnets().isEmpty() || vpc.subnets().size() > 16 || vpc.securityGroups().size() > 5)) {
        throw validationError("AwsVpcConfiguration takes 1 to 16 subnets and at most 5 security groups.");
      }
    }
  }

  /** What AWS stores for a target: an absent retry policy is its default, 185 attempts over 24 hours. */
  private static Target withDefaults(Target target) {
    RetryPolicy retry = target.retryPolicy();
    RetryPolicy filled = RetryPolicy.builder()
        .maximumRetryAttempts(retry == null || retry.maximumRetryAttempts() == null ? 185 : retry.maximumRetryAttempts())
        .maximumEventAgeInSeconds(retry == null || retry.maximumEventAgeInSeconds() == null ? 86400
            : retry.maximumEventAgeInSeconds())
        .build();
    return target.toBuilder().retryPolicy(filled).build();
  }
}
