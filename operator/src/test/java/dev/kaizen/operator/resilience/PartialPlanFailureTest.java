package dev.kaizen.operator.resilience;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.cron.eventbridge.ScheduleGroupNames;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeAwsService.Call;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeAwsService.Outcome;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;

/**
 * A fault between two changes of the same plan: the first change took effect, the second failed (before AWS applied
 * it, or after, with the answer lost). The next reconciles — across rechecks and an operator restart — must
 * complete the plan without repeating what took effect: every create is made exactly once, no second object.
 */
@org.junit.jupiter.api.extension.ExtendWith(Figures.class)
class PartialPlanFailureTest {
  private static final String NS = "shop";
  /** Rechecks every 500 ms: several within a few seconds. */
  private static final Duration RESYNC = Duration.ofMillis(500);
  /** Generous: the suite shares two cores with other builds. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final OperatorHarness harness = new OperatorHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void logPipelineGroupCreatedThenItsMetricFilterFaultedIsCompletedWithoutASecondCreate() {
    var logs = harness.logs();
    // The plan: CreateLogGroup, PutRetentionPolicy, PutMetricFilter (x2). The first filter fails before AWS
    // applies it, the second is applied and its answer lost.
    logs.failNext("PutMetricFilter", 1, Fault.SERVICE_UNAVAILABLE);
    logs.failNext("PutMetricFilter", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.start(OperatorHarness.fastTimings(RESYNC));

    create(logPipeline(NS, "web").retentionDays(30).deletionPolicy(DeletionPolicy.Delete)
        .metricFilter("Errors", "ERROR", null).metricFilter("Timeouts", "timeout", null).build());

    awaitReady(LogPipeline.class, "web");
    assertThat(logs.calls("PutMetricFilter")).extracting(Call::outcome)
        .contains(Outcome.FAULTED, Outcome.APPLIED_THEN_FAULTED);
    assertCompletedOnce(logs, Map.of("CreateLogGroup", 1L, "PutRetentionPolicy", 1L));
    assertThat(logs.groupNames()).containsExactly("/shop/web");

    assertNothingMoreWrittenAfterRechecksAndARestart(LogPipeline.class, "web", logs, harness.cloudWatch());
    assertCompletedOnce(logs, Map.of("CreateLogGroup", 1L, "PutRetentionPolicy", 1L));
    // What the lost answer applied was seen as done: each filter applied once, neither again.
    assertThat(appliedCount(logs, "PutMetricFilter")).isEqualTo(2L);
  }

  @Test
  void mailRouteIdentityCreatedThenItsRoute53ChangeAppliedWithTheAnswerLostIsNotResubmitted() {
    var ses = harness.ses();
    var route53 = harness.route53();
    String zone = route53.createZone("example.com", false);
    route53.seed(zone, "example.com", "TXT", 300, "\"google-site-verification=abc123\"");
    // The plan: CreateEmailIdentity, then one Route 53 batch of the DKIM records and their ownership markers.
    // The batch fails once before Route 53 takes it, then is taken and its answer lost.
    route53.failNext("ChangeResourceRecordSets", 1, Fault.SERVICE_UNAVAILABLE);
    route53.failNext("ChangeResourceRecordSets", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.start(OperatorHarness.fastTimings(RESYNC));

    create(Manifests.mailRoute(NS, "mail", "example.com", zone));
    await().atMost(WAIT).until(() -> ses.peek("example.com").isPresent() && ses.tokens("example.com").stream()
        .allMatch(token -> route53.record(zone, token + "._domainkey.example.com", "CNAME").isPresent())
        && !ses.tokens("example.com").isEmpty());
    ses.verifyDkim("example.com");

    awaitReady(MailRoute.class, "mail");
    assertThat(route53.calls("ChangeResourceRecordSets")).extracting(Call::outcome)
        .startsWith(Outcome.FAULTED, Outcome.APPLIED_THEN_FAULTED);
    assertCompletedOnce(ses, Map.of("CreateEmailIdentity", 1L));
    assertThat(appliedCount(route53, "ChangeResourceRecordSets")).isEqualTo(1L);
    assertEveryRecordCreatedOnce(route53);

    assertNothingMoreWrittenAfterRechecksAndARestart(MailRoute.class, "mail", ses, route53);
    assertCompletedOnce(ses, Map.of("CreateEmailIdentity", 1L));
    assertThat(appliedCount(route53, "ChangeResourceRecordSets")).isEqualTo(1L);
  }

  @Test
  void cronJobSetGroupCreatedThenCreateScheduleFaultedMakesEachScheduleOnce() {
    var scheduler = harness.scheduler();
    scheduler.seedForeignGroups("team-", 3, 2);
    // The plan: CreateScheduleGroup, CreateSchedule x3. The first schedule fails before Scheduler takes it, the
    // next is taken and its answer lost (a retry would be refused: ConflictException).
    scheduler.failNext("CreateSchedule", 1, Fault.SERVICE_UNAVAILABLE);
    scheduler.failNext("CreateSchedule", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.start(OperatorHarness.fastTimings(RESYNC));

    create(Manifests.lambdaSet(NS, "batch", "report", "cleanup", "archive"));

    awaitReady(CronJobSet.class, "batch");
    String group = ScheduleGroupNames.of(NS, "batch");
    assertThat(scheduler.calls("CreateSchedule")).extracting(Call::outcome)
        .startsWith(Outcome.FAULTED, Outcome.APPLIED_THEN_FAULTED);
    assertCompletedOnce(scheduler, Map.of("CreateScheduleGroup", 1L));
    assertThat(scheduler.scheduleNames(group)).containsExactlyInAnyOrder("report", "cleanup", "archive");
    assertThat(appliedSchedulesByName(scheduler)).containsOnlyKeys("report", "cleanup", "archive")
        .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));

    assertNothingMoreWrittenAfterRechecksAndARestart(CronJobSet.class, "batch", scheduler);
    assertThat(appliedSchedulesByName(scheduler)).allSatisfy((name, count) -> assertThat(count).isEqualTo(1L));
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private <T extends HasMetadata> void create(T resource) {
    harness.client().resource(resource).inNamespace(NS).create();
  }

  private <T extends CustomResource<?, ? extends dev.kaizen.operator.api.v1alpha1.common.KaizenStatus>> T awaitReady(
      Class<T> type, String name) {
    return ResourceConditions.awaitReady(harness, type, NS, name, WAIT);
  }

  /** Several rechecks, then a restart and several rechecks of the new operator: not one more write, still Ready. */
  private <T extends CustomResource<?, ? extends dev.kaizen.operator.api.v1alpha1.common.KaizenStatus>> void
      assertNothingMoreWrittenAfterRechecksAndARestart(Class<T> type, String name, FakeAwsService... fakes) {
    List<List<String>> before = List.of(fakes).stream().map(FakeAwsService::succeededMutations).toList();
    Rechecks.of(6, WAIT, fakes);
    harness.restart();
    Rechecks.of(6, WAIT, fakes);
    assertThat(List.of(fakes).stream().map(FakeAwsService::succeededMutations).toList()).isEqualTo(before);
    assertThat(List.of(fakes).stream().flatMap(f -> f.calls().stream())
        .filter(c -> c.outcome() == Outcome.REJECTED && fakeMutates(c)).map(c -> c.operation() + ": " + c.errorCode()).toList())
        .as("no call the service refused (a create repeated would be)").isEmpty();
    ResourceConditions.awaitReady(harness, type, NS, name, WAIT);
  }

  /** Reads refused as "not found" are how an observe learns an object is absent; a refused write is not normal. */
  private static boolean fakeMutates(Call call) {
    String op = call.operation();
    return !(op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe"));
  }

  private static void assertCompletedOnce(FakeAwsService fake, Map<String, Long> expected) {
    expected.forEach((operation, count) -> assertThat(appliedCount(fake, operation)).as(operation).isEqualTo(count));
  }

  /** Calls AWS applied, whether their answer came back or not. */
  private static long appliedCount(FakeAwsService fake, String operation) {
    return fake.calls(operation).stream()
        .filter(c -> c.outcome() == Outcome.SUCCEEDED || c.outcome() == Outcome.APPLIED_THEN_FAULTED).count();
  }

  private static Map<String, Long> appliedSchedulesByName(FakeAwsService scheduler) {
    return scheduler.calls("CreateSchedule").stream()
        .filter(c -> c.outcome() == Outcome.SUCCEEDED || c.outcome() == Outcome.APPLIED_THEN_FAULTED)
        .map(c -> c.request(CreateScheduleRequest.class).name())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** Every record set name and type was created by one applied change, never twice. */
  private static void assertEveryRecordCreatedOnce(FakeAwsService route53) {
    Map<String, Long> creates = route53.calls("ChangeResourceRecordSets").stream()
        .filter(c -> c.outcome() == Outcome.SUCCEEDED || c.outcome() == Outcome.APPLIED_THEN_FAULTED)
        .flatMap(c -> c.request(ChangeResourceRecordSetsRequest.class).changeBatch().changes().stream())
        .filter(change -> "CREATE".equals(change.actionAsString()) || "UPSERT".equals(change.actionAsString()))
        .map(PartialPlanFailureTest::key)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(creates).isNotEmpty().allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
  }

  private static String key(Change change) {
    return change.resourceRecordSet().name() + " " + change.resourceRecordSet().typeAsString();
  }
}
