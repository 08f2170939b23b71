package dev.kaizen.operator.resilience;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeAwsService.Outcome;
import dev.kaizen.operator.solr.SolrClusterFixture;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault soak: resources of every AWS kind converge while the AWS fakes throttle, fail with 5xx and time out
 * (some after applying the request), and the operator is stopped and started again three times mid-flight. Then:
 * every resource Ready; no AWS object made twice for one resource; the objects of others seeded beforehand exactly
 * as they were; and after deleting everything (deletionPolicy Delete) not one owned object left.
 *
 * <p>Sized to stay near a minute and a half on a loaded 2-core machine; the figures are printed (see
 * {@link Figures}). The operator's share of AWS's quotas paces creates (CreateLogGroup 5/s, SES 0.5/s), so more
 * resources mostly cost time, not coverage.
 */
@ExtendWith(Figures.class)
class FaultSoakTest {
  /**
   * Multiplies the LogPipelines and CronJobSets: the suite runs 1 (64 resources, within CI's budget); a longer soak of
   * a few hundred is {@code -Dkaizen.soak.scale=4} (MailRoutes stay 3: SES paces them at one call per 2 s).
   */
  static final int SCALE = Integer.getInteger("kaizen.soak.scale", 1);
  static final int LOG_PIPELINES = 30 * SCALE;
  static final int EVENTBRIDGE_SETS = 15 * SCALE;
  static final int KUBERNETES_SETS = 15 * SCALE;
  static final int MAIL_ROUTES = 3;
  static final int SOLR_CLUSTERS = 1;
  static final int RESTARTS = 3;
  private static final String NS = "shop";
  private static final Duration WAIT = Duration.ofSeconds(150L * SCALE);

  @Test
  void everythingConvergesThroughFaultsAndRestartsWithoutDuplicatesAndDeletesWithoutOrphans() {
    long start = System.nanoTime();
    try (OperatorHarness harness = new OperatorHarness()) {
      SolrClusterFixture solr = new SolrClusterFixture(harness);
      ForeignObjects foreign = ForeignObjects.seed(harness, java.util.stream.IntStream.range(0, MAIL_ROUTES)
          .mapToObj(FaultSoakTest::domain).toList());
      Map<String, String> foreignBefore = foreign.snapshot();
      List<FakeAwsService> fakes = List.of(harness.logs(), harness.cloudWatch(), harness.scheduler(), harness.ses(),
          harness.route53(), harness.ec2(), harness.elb(), harness.autoScaling(), harness.ssm());
      fakes.forEach(FakeAwsService::clearCalls);

      List<CustomResource<?, ? extends KaizenStatus>> resources = resources();
      injectFaults(harness);
      // A resync of 10 s: rechecks of every resource within the test, without asking more of a quota than the
      // operator's share of it (20 Scheduler sets each reading GetScheduleGroup every 2 s would: 10/s against 5/s).
      harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(10)));
      resources.forEach(r -> harness.client().resource(r).create());

      // Restarts mid-flight, each once a further quarter of the resources is Ready, with a new wave of faults.
      for (int restart = 1; restart <= RESTARTS; restart++) {
        int target = resources.size() * restart / (RESTARTS + 1);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
          progress(harness, solr);
          return ready(harness, resources) >= target;
        });
        System.out.printf("fault soak: %d of %d Ready after %.1f s: restart %d%n", ready(harness, resources),
            resources.size(), (System.nanoTime() - start) / 1e9, restart);
        harness.restart();
        injectFaults(harness);
      }
      try {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
          progress(harness, solr);
          return ready(harness, resources) == resources.size();
        });
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("not Ready: " + notReady(harness, resources) + "; Scheduler calls of their groups: "
            + schedulerCallsOfNotReady(harness, resources), e);
      }
      long convergedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

      Map<String, Long> duplicates = duplicateCreates(fakes);
      List<String> refusedCreates = fakes.stream().flatMap(f -> f.calls().stream())
          .filter(c -> c.outcome() == Outcome.REJECTED && OBJECT_CREATES.contains(c.operation()))
          .map(c -> c.operation() + ": " + c.errorCode()).toList();
      assertThat(duplicates).as("AWS objects created twice").isEmpty();
      // The faults did fire, lost answers of creates among them: the checks above had something to catch.
      assertThat(faultsByKind(fakes)).allSatisfy((kind, fired) -> assertThat(fired).as(kind).isPositive());
      assertThat(fakes.stream().flatMap(f -> f.calls().stream()).filter(c -> OBJECT_CREATES.contains(c.operation())
          && c.outcome() == Outcome.APPLIED_THEN_FAULTED)).as("creates applied with their answer lost").isNotEmpty();
      assertThat(refusedCreates).as("creates AWS refused (a create repeated would be)").isEmpty();
      assertThat(ForeignObjects.differences(foreignBefore, foreign.snapshot())).as("objects of others changed")
          .isEmpty();

      // Positive control for the orphan check below: it sees every resource's owned objects while they exist.
      assertThat(foreign.ownedObjectsLeft()).hasSizeGreaterThanOrEqualTo(LOG_PIPELINES + EVENTBRIDGE_SETS
          + KUBERNETES_SETS * 2 + MAIL_ROUTES);

      // Delete everything, through another wave of faults (deletes throttled, failing, their answer lost).
      injectDeleteFaults(harness);
      resources.forEach(r -> harness.client().resource(r).delete());
      try {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
          progress(harness, solr);
          return resources.stream().allMatch(r -> harness.client().resource(r).get() == null);
        });
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError("not deleted: " + resources.stream()
            .filter(r -> harness.client().resource(r).get() != null).map(FaultSoakTest::key).toList(), e);
      }
      List<String> orphans = foreign.ownedObjectsLeft();
      assertThat(orphans).as("owned objects left after deletion").isEmpty();
      assertThat(ForeignObjects.differences(foreignBefore, foreign.snapshot()))
          .as("objects of others changed, after deletion").isEmpty();

      long totalMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      Map<String, Long> faults = faultsByKind(fakes);
      Figures.add("soak: resources", resources.size());
      Figures.add("soak: resources, LogPipeline", LOG_PIPELINES);
      Figures.add("soak: resources, CronJobSet (EventBridge)", EVENTBRIDGE_SETS);
      Figures.add("soak: resources, CronJobSet (Kubernetes)", KUBERNETES_SETS);
      Figures.add("soak: resources, MailRoute (manual DNS)", MAIL_ROUTES);
      Figures.add("soak: resources, SolrCluster", SOLR_CLUSTERS);
      faults.forEach((kind, count) -> Figures.add("soak: faults injected, " + kind, count));
      Figures.add("soak: AWS throttling by the fakes' own quotas", fakes.stream()
          .mapToLong(f -> f.calls().stream().filter(c -> c.outcome() == Outcome.THROTTLED).count()).sum());
      Figures.add("soak: operator restarts", RESTARTS);
      Figures.add("soak: duplicates", duplicates.size());
      Figures.add("soak: orphans after delete", orphans.size());
      Figures.add("soak: foreign objects untouched", foreignBefore.size());
      Figures.add("soak: seconds to all Ready", convergedMillis / 1000);
      Figures.add("soak: seconds in all", totalMillis / 1000);
      System.out.printf("fault soak: %d resources Ready in %.1f s through %s faults and %d restarts; all deleted,"
          + " %.1f s in all; 0 duplicates, 0 orphans, %d foreign objects unchanged%n", resources.size(),
          convergedMillis / 1000.0, faults, RESTARTS, totalMillis / 1000.0, foreignBefore.size());
    }
  }

  // ---- the resources ---------------------------------------------------------------------------------------------

  private static List<CustomResource<?, ? extends KaizenStatus>> resources() {
    List<CustomResource<?, ? extends KaizenStatus>> resources = new ArrayList<>();
    for (int i = 0; i < LOG_PIPELINES; i++) {
      var pipeline = logPipeline(NS, "p" + i).deletionPolicy(DeletionPolicy.Delete);
      resources.add((i % 3 == 0 ? pipeline.retentionDays(30) : pipeline).build());
    }
    for (int i = 0; i < EVENTBRIDGE_SETS; i++) {
      resources.add(Manifests.lambdaSet(NS, "eb" + i, "report", "cleanup"));
    }
    for (int i = 0; i < KUBERNETES_SETS; i++) {
      resources.add(Manifests.kubernetesSet(NS, "k" + i, "report", "cleanup"));
    }
    for (int i = 0; i < MAIL_ROUTES; i++) {
      resources.add(Manifests.mailRoute(NS, "m" + i, domain(i), null));
    }
    for (int i = 0; i < SOLR_CLUSTERS; i++) {
      resources.add(SolrClusterFixture.cluster("s" + i, spec -> spec.setDeletionPolicy(DeletionPolicy.Delete)));
    }
    return resources;
  }

  /** What AWS does over time in the meantime: SES verifies the domains, instances launch and pass health checks. */
  private static void progress(OperatorHarness harness, SolrClusterFixture solr) {
    for (int i = 0; i < MAIL_ROUTES; i++) {
      String domain = domain(i);
      if (harness.ses().peek(domain).isPresent()) {
        harness.ses().verifyDkim(domain);
      }
    }
    solr.settle();
  }

  private static String domain(int route) {
    return "m" + route + ".example.org";
  }

  @SuppressWarnings("unchecked")
  private static long ready(OperatorHarness harness, List<CustomResource<?, ? extends KaizenStatus>> resources) {
    return resources.stream().filter(r -> ResourceConditions.isReady(
        (CustomResource<?, ? extends KaizenStatus>) harness.client().resource(r).get())).count();
  }

  @SuppressWarnings("unchecked")
  private static List<String> notReady(OperatorHarness harness,
      List<CustomResource<?, ? extends KaizenStatus>> resources) {
    return resources.stream().filter(r -> !ResourceConditions.isReady(
        (CustomResource<?, ? extends KaizenStatus>) harness.client().resource(r).get()))
        .map(r -> key(r) + " " + harness.client().getKubernetesSerialization()
            .asJson(((CustomResource<?, ? extends KaizenStatus>) harness.client().resource(r).get()).getStatus()))
        .limit(5).toList();
  }

  /** For each Scheduler set not Ready: how many calls named its group, and when the last was (was it retried?). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> schedulerCallsOfNotReady(OperatorHarness harness,
      List<CustomResource<?, ? extends KaizenStatus>> resources) {
    Map<String, String> calls = new TreeMap<>();
    for (var resource : resources) {
      if (resource.getKind().equals("CronJobSet") && !ResourceConditions.isReady(
          (CustomResource<?, ? extends KaizenStatus>) harness.client().resource(resource).get())) {
        String group = dev.kaizen.operator.cron.eventbridge.ScheduleGroupNames.of(NS, resource.getMetadata()
            .getName());
        var ofGroup = harness.scheduler().calls().stream().filter(c -> ObjectNames.of(c.request()).startsWith(group))
            .toList();
        calls.put(group, ofGroup.size() + " calls, the last " + (ofGroup.isEmpty() ? "never"
            : ofGroup.get(ofGroup.size() - 1).operation() + " at " + ofGroup.get(ofGroup.size() - 1).at()
            + " " + ofGroup.get(ofGroup.size() - 1).outcome()) + ", test gave up at " + java.time.Instant.now());
      }
    }
    return calls;
  }

  private static String key(HasMetadata resource) {
    return resource.getKind() + " " + resource.getMetadata().getName();
  }

  // ---- faults ----------------------------------------------------------------------------------------------------

  /** One wave of faults on the calls that converge the resources: throttling, 5xx, timeouts, lost answers. */
  private static void injectFaults(OperatorHarness harness) {
    var logs = harness.logs();
    logs.failNext("CreateLogGroup", 3, Fault.THROTTLING);
    logs.failNext("CreateLogGroup", 2, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    logs.failNext("PutRetentionPolicy", 2, Fault.SERVICE_UNAVAILABLE);
    logs.failNext("DescribeLogGroups", 2, Fault.INTERNAL_FAILURE);
    logs.failNext("TagResource", 1, Fault.API_CALL_TIMEOUT);
    var scheduler = harness.scheduler();
    scheduler.failNext("CreateScheduleGroup", 2, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    scheduler.failNext("CreateScheduleGroup", 2, Fault.THROTTLING);
    scheduler.failNext("CreateSchedule", 3, Fault.SERVICE_UNAVAILABLE);
    scheduler.failNext("CreateSchedule", 2, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    scheduler.failNext("GetScheduleGroup", 1, Fault.API_CALL_TIMEOUT);
    var ses = harness.ses();
    ses.failNext("CreateEmailIdentity", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    ses.failNext("GetEmailIdentity", 1, Fault.THROTTLING);
    var elb = harness.elb();
    elb.failNext("CreateTargetGroup", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    elb.failNext("CreateListener", 1, Fault.SERVICE_UNAVAILABLE);
    harness.autoScaling().failNext("CreateAutoScalingGroup", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.ec2().failNext("CreateLaunchTemplate", 1, Fault.THROTTLING);
  }

  private static void injectDeleteFaults(OperatorHarness harness) {
    harness.logs().failNext("DeleteLogGroup", 3, Fault.THROTTLING);
    harness.logs().failNext("DeleteLogGroup", 2, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.scheduler().failNext("DeleteScheduleGroup", 2, Fault.SERVICE_UNAVAILABLE);
    harness.scheduler().failNext("DeleteScheduleGroup", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.ses().failNext("DeleteEmailIdentity", 1, Fault.SOCKET_TIMEOUT_AFTER_APPLY);
    harness.autoScaling().failNext("DeleteAutoScalingGroup", 1, Fault.SERVICE_UNAVAILABLE);
  }

  /** Faults that fired, by the kind whose calls they hit. */
  private static Map<String, Long> faultsByKind(List<FakeAwsService> fakes) {
    Map<String, Long> byKind = new TreeMap<>();
    for (FakeAwsService fake : fakes) {
      long fired = fake.calls().stream()
          .filter(c -> c.outcome() == Outcome.FAULTED || c.outcome() == Outcome.APPLIED_THEN_FAULTED).count();
      byKind.merge(kindOf(fake), fired, Long::sum);
    }
    return byKind;
  }

  private static String kindOf(FakeAwsService fake) {
    return switch (fake.getClass().getSimpleName()) {
      case "FakeCloudWatchLogs", "FakeCloudWatch" -> "LogPipeline";
      case "FakeScheduler" -> "CronJobSet";
      case "FakeSesV2", "FakeRoute53" -> "MailRoute";
      default -> "SolrCluster";
    };
  }

  /** The calls that make a new object (not a version, not tags, not an idempotent put). */
  private static final java.util.Set<String> OBJECT_CREATES = java.util.Set.of("CreateLogGroup",
      "CreateScheduleGroup", "CreateSchedule", "CreateEmailIdentity", "CreateLoadBalancer", "CreateTargetGroup",
      "CreateListener", "CreateAutoScalingGroup", "CreateLaunchTemplate");

  /**
   * Objects AWS applied a create of more than once, by operation and name: each resource's objects have
   * deterministic names, so a second applied create of the same name is a second object (or a create repeated).
   */
  static Map<String, Long> duplicateCreates(List<FakeAwsService> fakes) {
    Map<String, Long> creates = new LinkedHashMap<>();
    for (FakeAwsService fake : fakes) {
      fake.calls().stream()
          .filter(c -> OBJECT_CREATES.contains(c.operation()))
          .filter(c -> c.outcome() == Outcome.SUCCEEDED || c.outcome() == Outcome.APPLIED_THEN_FAULTED)
          .collect(Collectors.groupingBy(c -> c.operation() + " " + ObjectNames.of(c.request()),
              LinkedHashMap::new, Collectors.counting()))
          .forEach(creates::put);
    }
    return creates.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }
}
