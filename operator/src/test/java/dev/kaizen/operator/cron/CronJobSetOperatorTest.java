package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes target through the whole operator on the mock API server: CronJobs created, updated in place,
 * pruned, drift undone through the watch (the resync is 10 minutes, so only the watch can), foreign CronJobs left
 * alone, conflicts kept after rechecks and a restart, deletion under both policies, and mode Plan.
 */
public class CronJobSetOperatorTest {
  static final String NS = "shop";
  static final ReconcileTimings TIMINGS = OperatorHarness.fastTimings(Duration.ofMinutes(10));

  private OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = new OperatorHarness();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  Resource<CronJobSet> resource(String name) {
    return harness.client().resources(CronJobSet.class).inNamespace(NS).withName(name);
  }

  Resource<CronJob> cronJob(String name) {
    return harness.client().batch().v1().cronjobs().inNamespace(NS).withName(name);
  }

  List<String> cronJobNames() {
    return harness.client().batch().v1().cronjobs().inNamespace(NS).list().getItems().stream()
        .map(c -> c.getMetadata().getName()).sorted().toList();
  }

  void create(CronJobSet set) {
    harness.client().resources(CronJobSet.class).inNamespace(NS).resource(set).create();
  }

  CronJobSet awaitCondition(String name, String type, String status, String reason, long generation) {
    CronJobSet[] seen = new CronJobSet[1];
    await().atMost(OperatorHarness.WAIT).until(() -> {
      CronJobSet set = resource(name).get();
      seen[0] = set;
      return set != null && set.getStatus() != null && set.getStatus().getObservedGeneration() != null
          && set.getStatus().getObservedGeneration() >= generation
          && Conditions.find(set.getStatus().getConditions(), type)
              .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
              .isPresent();
    });
    return seen[0];
  }

  CronJobSet awaitReady(String name, long generation) {
    return awaitCondition(name, Conditions.READY, "True", Reasons.IN_SYNC, generation);
  }

  public static CronJobSet nightly() {
    return set(NS, "batch", "Europe/Berlin",
        job("report", "30 4 * * MON-FRI", "/scripts/report.sh"),
        job("cleanup", "@hourly", "/scripts/cleanup.sh", "--older-than", "7d"));
  }

  @Test
  void createsOneCronJobPerJobWithTheTimeZoneTheOwnerMarkAndNoOwnerReferences() {
    harness.start(TIMINGS);
    create(nightly());

    CronJobSet ready = awaitReady("batch", 1);

    assertThat(cronJobNames()).containsExactly("batch-cleanup", "batch-report");
    CronJob report = cronJob("batch-report").get();
    assertThat(report.getSpec().getSchedule()).isEqualTo("30 4 * * 1-5");
    assertThat(report.getSpec().getTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(report.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(report.getMetadata().getOwnerReferences()).as("no GC cascade against Retain").isNullOrEmpty();
    assertThat(report.getMetadata().getAnnotations()).containsEntry("kaizen.dev/owner", "shop/CronJobSet/batch")
        .containsEntry("kaizen.dev/cluster", OperatorHarness.CLUSTER.id())
        .containsEntry("kaizen.dev/uid", ready.getMetadata().getUid());
    var container = report.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getCommand()).containsExactly("/scripts/report.sh");
    assertThat(container.getVolumeMounts().get(0).getMountPath()).isEqualTo("/scripts");
    assertThat(report.getSpec().getJobTemplate().getMetadata().getLabels())
        .containsEntry("kaizen.dev/cronjob", "batch-report").containsEntry("kaizen.dev/owner-kind", "CronJobSet");
    assertThat(cronJob("batch-cleanup").get().getSpec().getSchedule()).isEqualTo("0 * * * *");

    CronJobStatus status = ready.getStatus().getJobs().get(0);
    assertThat(status.getName()).isEqualTo("report");
    assertThat(status.getCronJob()).isEqualTo("batch-report");
    assertThat(status.getNextRuns()).hasSize(3).allSatisfy(run -> assertThat(run).contains("T04:30:00+0"));
    assertThat(ready.getStatus().getRunHistory()).as("the Jobs are the run history").isNull();
    assertThat(harness.hasEvent(NS, "batch", Reasons.CREATED)).isTrue();
  }

  @Test
  void aChangedJobIsUpdatedInPlaceARemovedOneIsPrunedAndForeignCronJobsAreLeftAlone() {
    harness.client().batch().v1().cronjobs().inNamespace(NS).resource(foreign("nightly-backup")).create();
    harness.start(TIMINGS);
    create(nightly());
    awaitReady("batch", 1);
    String reportUid = cronJob("batch-report").get().getMetadata().getUid();

    OperatorHarness.edit(resource("batch"), set -> {
      set.getSpec().getJobs().get(0).setSchedule("0 5 * * *");
      set.getSpec().getJobs().remove(1);
      return set;
    });
    awaitReady("batch", 2);

    await().atMost(OperatorHarness.WAIT).until(() -> cronJobNames().equals(List.of("batch-report", "nightly-backup")));
    CronJob report = cronJob("batch-report").get();
    assertThat(report.getSpec().getSchedule()).isEqualTo("0 5 * * *");
    assertThat(report.getMetadata().getUid()).as("updated in place, not recreated").isEqualTo(reportUid);
    assertThat(cronJob("nightly-backup").get().getSpec().getSchedule()).isEqualTo("15 1 * * *");
    assertThat(cronJob("nightly-backup").get().getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void anEditOfACronJobIsUndoneThroughTheWatchAndADeletedOneComesBack() {
    harness.start(TIMINGS);
    create(nightly());
    awaitReady("batch", 1);

    OperatorHarness.edit(cronJob("batch-report"), c -> {
      c.getSpec().setSchedule("* * * * *");
      c.getSpec().setSuspend(true);
      return c;
    });
    // The resync is 10 minutes: only the watch on CronJobs can bring this back within the wait.
    await().atMost(OperatorHarness.WAIT).until(() -> "30 4 * * 1-5".equals(cronJob("batch-report").get().getSpec()
        .getSchedule()) && !Boolean.TRUE.equals(cronJob("batch-report").get().getSpec().getSuspend()));

    cronJob("batch-cleanup").delete();
    await().atMost(OperatorHarness.WAIT).until(() -> cronJob("batch-cleanup").get() != null);
    await().atMost(OperatorHarness.WAIT).until(() -> harness.hasEvent(NS, "batch", Reasons.DRIFT_CORRECTED));
  }

  @Test
  void aForeignCronJobAtADesiredNameIsAConflictThatSurvivesRechecksAndARestart() {
    harness.client().batch().v1().cronjobs().inNamespace(NS).resource(foreign("batch-report")).create();
    harness.start(OperatorHarness.fastTimings(Duration.ofMillis(500)));
    create(nightly());

    awaitCondition("batch", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 1);
    // Rechecks every 500 ms: the foreign CronJob must stay as it is throughout, and after each restart.
    for (int restart = 0; restart < 2; restart++) {
      await().during(Duration.ofSeconds(2)).atMost(OperatorHarness.WAIT).until(() ->
          "15 1 * * *".equals(cronJob("batch-report").get().getSpec().getSchedule())
              && unmarked(cronJob("batch-report").get()));
      harness.restart();
    }
    CronJobSet stalled = awaitCondition("batch", Conditions.STALLED, "True", Reasons.NAME_CONFLICT, 1);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("batch-report");

    // Positive control: with adopt the same CronJob is taken over and gets the set's schedule.
    OperatorHarness.edit(resource("batch"), set -> {
      set.getSpec().setAdopt(true);
      return set;
    });
    awaitReady("batch", 2);
    assertThat(cronJob("batch-report").get().getSpec().getSchedule()).isEqualTo("30 4 * * 1-5");
    assertThat(cronJob("batch-report").get().getMetadata().getAnnotations()).containsEntry("kaizen.dev/owner",
        "shop/CronJobSet/batch");
  }

  @Test
  void longNamesAreShortenedDeterministicallyWithinFiftyTwoCharacters() {
    harness.start(TIMINGS);
    String setName = "warehouse-inventory-reconciliation";
    create(set(NS, setName, "UTC",
        job("nightly-stock-level-export-to-erp", "0 2 * * *", "/scripts/export.sh"),
        job("nightly-stock-level-export-to-shop", "0 3 * * *", "/scripts/export.sh")));
    CronJobSet ready = awaitReady(setName, 1);

    List<String> names = cronJobNames();
    assertThat(names).hasSize(2).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(52)
        .startsWith("warehouse-inventory-reconciliation-nightly"));
    assertThat(names.get(0)).isNotEqualTo(names.get(1));
    assertThat(names).containsExactlyInAnyOrder(
        CronJobNames.of(setName, "nightly-stock-level-export-to-erp"),
        CronJobNames.of(setName, "nightly-stock-level-export-to-shop"));
    assertThat(ready.getStatus().getJobs()).extracting(CronJobStatus::getCronJob).containsExactlyElementsOf(
        List.of(CronJobNames.of(setName, "nightly-stock-level-export-to-erp"),
            CronJobNames.of(setName, "nightly-stock-level-export-to-shop")));
  }

  @Test
  void deletionRetainsTheCronJobsByDefaultAndDeletesThemWithPolicyDelete() {
    harness.start(TIMINGS);
    create(nightly());
    CronJobSet toDelete = nightly();
    toDelete.getMetadata().setName("other");
    toDelete.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    create(toDelete);
    awaitReady("batch", 1);
    awaitReady("other", 1);
    assertThat(cronJobNames()).containsExactly("batch-cleanup", "batch-report", "other-cleanup", "other-report");

    resource("batch").delete();
    resource("other").delete();

    await().atMost(OperatorHarness.WAIT).until(() -> resource("batch").get() == null && resource("other").get() == null);
    await().atMost(OperatorHarness.WAIT).until(() -> cronJobNames().equals(List.of("batch-cleanup", "batch-report")));
  }

  @Test
  void modePlanCreatesNothingAndListsTheChanges() {
    harness.start(TIMINGS);
    CronJobSet planned = nightly();
    planned.getSpec().setMode(Mode.Plan);
    create(planned);

    CronJobSet seen = awaitCondition("batch", Conditions.READY, "False", Reasons.PLAN_PENDING, 1);

    assertThat(seen.getStatus().getPlan()).anySatisfy(line -> assertThat(line).startsWith("CreateCronJob shop/batch-report"))
        .anySatisfy(line -> assertThat(line).startsWith("CreateCronJob shop/batch-cleanup"));
    assertThat(cronJobNames()).isEmpty();
  }

  @Test
  void anInvalidScheduleStallsNamingTheJob() {
    harness.start(TIMINGS);
    CronJobSet invalid = nightly();
    invalid.getSpec().getJobs().get(1).setSchedule("0 25 * * *");
    create(invalid);

    CronJobSet stalled = awaitCondition("batch", Conditions.STALLED, "True", Reasons.INVALID_SPEC, 1);

    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("spec.jobs[1] (cleanup): schedule: The hour 25 is out of range 0-23.");
    assertThat(cronJobNames()).isEmpty();
  }

  static boolean unmarked(CronJob cronJob) {
    return cronJob.getMetadata().getAnnotations() == null || cronJob.getMetadata().getAnnotations().isEmpty();
  }

  static CronJob foreign(String name) {
    return new CronJobBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withSchedule("15 1 * * *").withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
        .addNewContainer().withName("backup").withImage("backup:1").endContainer().withRestartPolicy("Never")
        .endSpec().endTemplate().endSpec().endJobTemplate().endSpec().build();
  }
}
