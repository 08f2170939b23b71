package dev.kaizen.operator.cron.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.api.v1alpha1.cron.EventBridgeSpec;
import dev.kaizen.operator.api.v1alpha1.cron.LambdaTargetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.SsmTargetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.cron.CronJobSetPorts;
import dev.kaizen.operator.cron.DesiredJobs;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The EventBridge target's pure planner and its translation of a set into schedules. */
class EventBridgePlannerTest {
  static final String ROLE = "arn:aws:iam::111122223333:role/batch";
  static final OwnerTags MINE = new OwnerTags("prod-eu", "shop/CronJobSet/batch", "uid-1");
  static final String GROUP = "kaizen-shop_batch";
  static final ObservedGroup ACTIVE = new ObservedGroup(GROUP, "arn:aws:scheduler:eu-west-1:111122223333:schedule-group/"
      + GROUP, "ACTIVE", Instant.parse("2026-01-01T00:00:00Z"));

  static CronJobEntry job(String name, String schedule, String... command) {
    CronJobEntry job = new CronJobEntry();
    job.setName(name);
    job.setSchedule(schedule);
    job.setCommand(new ArrayList<>(List.of(command)));
    return job;
  }

  static CronJobSet set(EventBridgeSpec eventBridge, CronJobEntry... jobs) {
    CronJobSet set = new CronJobSet();
    set.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("batch").build());
    CronJobSetSpec spec = new CronJobSetSpec();
    spec.setTimeZone("America/New_York");
    spec.setTarget(CronTarget.EVENTBRIDGE);
    spec.setEventBridge(eventBridge);
    spec.setJobs(new ArrayList<>(List.of(jobs)));
    set.setSpec(spec);
    return set;
  }

  static EventBridgeSpec lambda() {
    EventBridgeSpec eventBridge = new EventBridgeSpec();
    eventBridge.setExecutionRoleArn(ROLE);
    LambdaTargetSpec lambda = new LambdaTargetSpec();
    lambda.setFunctionArn("arn:aws:lambda:eu-west-1:111122223333:function:report");
    eventBridge.setLambda(lambda);
    return eventBridge;
  }

  static List<String> lines(List<Change<CronJobSetPorts>> changes) {
    return new Plan<>(changes).describe();
  }

  static EventBridgeObservation observed(CronJobSet set, Optional<Map<String, String>> tags,
      Map<String, ScheduleDefinition> schedules) {
    return new EventBridgeObservation(GROUP, Optional.of(ACTIVE), tags, schedules, DesiredSchedules.of(set),
        Map.of("cost-centre", "4711"));
  }

  @Test
  void aGroupLeftByATargetSwitchIsDeletedOnlyWhenItIsOursAndStillThere() {
    EventBridgeObservation former = new EventBridgeObservation(GROUP, Optional.of(ACTIVE), Optional.empty(), Map.of(),
        List.of(), Map.of());

    assertThat(lines(EventBridgePlanner.leftByTargetSwitch(former, true)))
        .containsExactly("DeleteScheduleGroup kaizen-shop_batch: target is kubernetes now");
    assertThat(EventBridgePlanner.leftByTargetSwitch(former, false)).as("not ours: never deleted").isEmpty();
    ObservedGroup deleting = new ObservedGroup(GROUP, ACTIVE.arn(), "DELETING", ACTIVE.created());
    assertThat(EventBridgePlanner.leftByTargetSwitch(new EventBridgeObservation(GROUP, Optional.of(deleting),
        Optional.empty(), Map.of(), List.of(), Map.of()), true)).as("already on its way").isEmpty();
    assertThat(EventBridgePlanner.leftByTargetSwitch(new EventBridgeObservation(GROUP, Optional.empty(),
        Optional.empty(), Map.of(), List.of(), Map.of()), true)).as("gone").isEmpty();
  }

  @Test
  void lambdaSchedulesCarryTheDefaultPayloadOrTheJobsOwnAndTheSchedulersCronDialect() {
    CronJobEntry own = job("own", "0 6 * * 0,7", "/ignored");
    own.setPayload("{ \"report\": \"weekly\",  \"a\": 1 }");
    CronJobSet set = set(lambda(), job("report", "*/15 9-17 * * MON-FRI", "/app/report", "--fast"), own);

    List<ScheduleDefinition> schedules = DesiredSchedules.of(set);

    assertThat(schedules.get(0).expression()).isEqualTo("cron(0/15 9-17 ? * 2-6 *)");
    assertThat(schedules.get(0).timeZone()).isEqualTo("America/New_York");
    assertThat(schedules.get(0).input()).isEqualTo("{\"command\":[\"/app/report\",\"--fast\"],\"job\":\"report\"}");
    assertThat(schedules.get(0).flexibleWindowMinutes()).isNull();
    assertThat(schedules.get(0).retryAttempts()).isZero();
    assertThat(schedules.get(0).maximumEventAgeSeconds()).isEqualTo(86400);
    assertThat(schedules.get(1).expression()).as("Sunday as 0 and 7 is Scheduler's 1").isEqualTo("cron(0 6 ? * 1 *)");
    assertThat(schedules.get(1).input()).isEqualTo("{\"a\":1,\"report\":\"weekly\"}");
  }

  @Test
  void ssmRunsTheCommandAsOneShellLineOnTheTaggedInstances() {
    EventBridgeSpec eventBridge = new EventBridgeSpec();
    eventBridge.setExecutionRoleArn(ROLE);
    SsmTargetSpec ssm = new SsmTargetSpec();
    ssm.setTagKey("Role");
    ssm.setTagValue("batch");
    eventBridge.setSsm(ssm);
    CronJobSet set = set(eventBridge, job("rotate", "@daily", "/usr/local/bin/rotate", "--keep", "7 days"),
        job("shell", "@hourly", "sh", "-c", "cd /srv && ./sync.sh | logger"));

    List<ScheduleDefinition> schedules = DesiredSchedules.of(set);

    assertThat(schedules.get(0).targetArn()).isEqualTo("arn:aws:scheduler:::aws-sdk:ssm:sendCommand");
    assertThat(schedules.get(0).input()).isEqualTo("{\"DocumentName\":\"AWS-RunShellScript\",\"Parameters\":"
        + "{\"commands\":[\"/usr/local/bin/rotate --keep '7 days'\"]},\"Targets\":[{\"Key\":\"tag:Role\","
        + "\"Values\":[\"batch\"]}]}");
    assertThat(schedules.get(1).input()).contains("\"commands\":[\"cd /srv && ./sync.sh | logger\"]");
  }

  @Test
  void anAbsentGroupIsCreatedWithTheAccountTagsUnderTheOwnershipTagsThenEverySchedule() {
    CronJobSet set = set(lambda(), job("report", "0 6 * * *", "/app/report"));
    EventBridgeObservation nothing = new EventBridgeObservation(GROUP, Optional.empty(), Optional.empty(), Map.of(),
        DesiredSchedules.of(set), Map.of("cost-centre", "4711", "kaizen.dev/owner", "spoofed"));

    List<Change<CronJobSetPorts>> changes = EventBridgePlanner.plan(nothing, Ownership.OWNED, MINE);

    assertThat(lines(changes)).containsExactly("CreateScheduleGroup kaizen-shop_batch: absent",
        "CreateSchedule kaizen-shop_batch/report: absent");
    RecordingScheduler recording = new RecordingScheduler();
    new Plan<>(changes).applyTo(recording.ports());
    assertThat(recording.groupTags).containsEntry("cost-centre", "4711")
        .containsEntry("kaizen.dev/owner", "shop/CronJobSet/batch");
  }

  @Test
  void inSyncPlansNothingAChangedFieldIsOneUpdateAndAnUnnamedScheduleIsDeleted() {
    CronJobSet set = set(lambda(), job("report", "0 6 * * *", "/app/report"));
    ScheduleDefinition wanted = DesiredSchedules.of(set).get(0);
    Map<String, String> tags = new LinkedHashMap<>(MINE.asTags());
    tags.put("cost-centre", "4711");

    assertThat(EventBridgePlanner.plan(observed(set, Optional.of(tags), Map.of("report", wanted)), Ownership.OWNED,
        MINE)).isEmpty();

    ScheduleDefinition edited = new ScheduleDefinition(wanted.name(), wanted.group(), "rate(5 minutes)",
        wanted.timeZone(), wanted.enabled(), 5, wanted.retryAttempts(), wanted.maximumEventAgeSeconds(),
        wanted.deadLetterQueueArn(), wanted.roleArn(), wanted.targetArn(), wanted.input(), wanted.ecs());
    List<Change<CronJobSetPorts>> changes = EventBridgePlanner.plan(observed(set, Optional.empty(),
        Map.of("report", edited, "old", wanted)), Ownership.OWNED, MINE);

    assertThat(lines(changes)).containsExactly(
        "UpdateSchedule kaizen-shop_batch/report: expression, flexibleWindow changed",
        "DeleteSchedule kaizen-shop_batch/old: job removed from the spec");
  }

  @Test
  void aGroupNotOursIsNeverInAPlanAndAnAdoptedOneIsTaggedFirst() {
    CronJobSet set = set(lambda(), job("report", "0 6 * * *", "/app/report"));
    for (Ownership conflict : List.of(Ownership.UNOWNED, Ownership.FOREIGN)) {
      assertThat(EventBridgePlanner.plan(observed(set, Optional.of(Map.of()), Map.of()), conflict, MINE)).isEmpty();
      assertThat(EventBridgePlanner.deletion(observed(set, Optional.of(Map.of()), Map.of()), false)).isEmpty();
    }

    List<Change<CronJobSetPorts>> adopted = EventBridgePlanner.plan(observed(set, Optional.of(Map.of()), Map.of()),
        Ownership.ADOPT, MINE);

    assertThat(lines(adopted)).containsExactly("TagResource kaizen-shop_batch: ownership adopt",
        "CreateSchedule kaizen-shop_batch/report: absent");
  }

  @Test
  void aGroupBeingDeletedIsWaitedFor() {
    CronJobSet set = set(lambda(), job("report", "0 6 * * *", "/app/report"));
    EventBridgeObservation deleting = new EventBridgeObservation(GROUP, Optional.of(new ObservedGroup(GROUP,
        ACTIVE.arn(), "DELETING", ACTIVE.created())), Optional.empty(), Map.of(), DesiredSchedules.of(set), Map.of());

    assertThat(EventBridgePlanner.plan(deleting, Ownership.OWNED, MINE)).isEmpty();
    assertThat(EventBridgePlanner.deletion(deleting, true)).isEmpty();
  }

  @Test
  void groupNamesNeverCollideAcrossNamespacesAndStayWithinSixtyFourCharacters() {
    assertThat(ScheduleGroupNames.of("a-b", "c")).isNotEqualTo(ScheduleGroupNames.of("a", "b-c"));
    String longName = ScheduleGroupNames.of("warehouse-inventory", "nightly-stock-level-reconciliation-exports");
    assertThat(longName).hasSize(64).startsWith("kaizen-warehouse-inventory_nightly").matches("[0-9a-zA-Z_.-]+");
    assertThat(longName).isNotEqualTo(ScheduleGroupNames.of("warehouse-inventory",
        "nightly-stock-level-reconciliation-exports-2"));
  }

  @Test
  void settingsThatMeanNothingToSchedulerAreRefusedNamingTheirField() {
    CronJobSet set = set(lambda(), job("report", "0 3 1 * MON", "/app/report"));
    set.getSpec().setImage("registry.example.com/batch:1");
    set.getSpec().getJobs().get(0).setActiveDeadlineSeconds(60L);

    assertThat(DesiredJobs.problems(set)).anySatisfy(p -> assertThat(p).startsWith("spec.image does not apply"))
        .anySatisfy(p -> assertThat(p).startsWith("spec.jobs[0].activeDeadlineSeconds does not apply"))
        .anySatisfy(p -> assertThat(p).startsWith("spec.jobs[0] (report): schedule: The schedule restricts both"));
  }

  /** Records what the changes call. */
  static final class RecordingScheduler implements ScheduleGateway {
    Map<String, String> groupTags;
    final List<String> calls = new ArrayList<>();

    CronJobSetPorts ports() {
      return new EventBridgePorts(null, this, Map.of(), "eu-west-1");
    }

    @Override
    public Optional<ObservedGroup> group(String name) {
      return Optional.empty();
    }

    @Override
    public Map<String, String> tags(String groupArn) {
      return Map.of();
    }

    @Override
    public List<String> scheduleNames(String group) {
      return List.of();
    }

    @Override
    public Optional<ScheduleDefinition> schedule(String group, String name) {
      return Optional.empty();
    }

    @Override
    public String createGroup(String name, Map<String, String> tags) {
      groupTags = tags;
      calls.add("CreateScheduleGroup " + name);
      return "arn";
    }

    @Override
    public void tag(String groupArn, Map<String, String> tags) {
      calls.add("TagResource " + groupArn);
    }

    @Override
    public void create(ScheduleDefinition schedule) {
      calls.add("CreateSchedule " + schedule.name());
    }

    @Override
    public void update(ScheduleDefinition schedule) {
      calls.add("UpdateSchedule " + schedule.name());
    }

    @Override
    public boolean delete(String group, String name) {
      calls.add("DeleteSchedule " + name);
      return true;
    }

    @Override
    public GroupRuns runs(String group, java.time.Duration window) {
      return new GroupRuns(window, 0, 0, 0, 0);
    }

    @Override
    public boolean deleteGroup(String name) {
      calls.add("DeleteScheduleGroup " + name);
      return true;
    }
  }
}
