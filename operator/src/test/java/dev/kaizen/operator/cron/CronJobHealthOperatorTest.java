package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JobsHealthy from the Jobs a CronJob made (created here by the test, as the CronJob controller would, with the
 * labels and annotations of the job template): one failed run is tolerated; no success within two periods sets
 * JobsHealthy False naming the job, with a Warning event; a success clears it. The operator's clock is moved forward
 * instead of waiting for periods to pass; a Job's appearance wakes the set through the watch (the resync is 10 min).
 */
class CronJobHealthOperatorTest {
  private static final String NS = CronJobSetOperatorTest.NS;

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private OperatorHarness harness;
  private final MovableClock clock = new MovableClock();
  private int jobs;

  @BeforeEach
  void start() {
    harness = new OperatorHarness();
    harness.start(new OperatorSettings(OperatorHarness.CLUSTER, Optional.of(OperatorHarness.REGION),
        CronJobSetOperatorTest.TIMINGS, 4, clock).withFluentBit(new OperatorSettings.FluentBit(
            OperatorHarness.FLUENT_BIT_NAMESPACE, OperatorHarness.FLUENT_BIT_CONFIGMAP)));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private CronJobSet awaitSet(Predicate<CronJobSet> until) {
    CronJobSet[] seen = new CronJobSet[1];
    await().atMost(OperatorHarness.WAIT).until(() -> {
      seen[0] = harness.client().resources(CronJobSet.class).inNamespace(NS).withName("batch").get();
      return seen[0] != null && seen[0].getStatus() != null && until.test(seen[0]);
    });
    return seen[0];
  }

  private static Optional<String> healthy(CronJobSet set) {
    return Conditions.find(set.getStatus().getConditions(), CronJobSetKind.JOBS_HEALTHY).map(c -> c.getStatus());
  }

  /** A Job as the CronJob controller makes it: the template's labels and annotations, then a result. */
  private void run(String result, Instant at) {
    CronJob cronJob = harness.client().batch().v1().cronjobs().inNamespace(NS).withName("batch-sync").get();
    var template = cronJob.getSpec().getJobTemplate().getMetadata();
    Job job = new JobBuilder().withMetadata(new ObjectMetaBuilder().withNamespace(NS)
            .withName("batch-sync-" + (++jobs)).withLabels(template.getLabels())
            .withAnnotations(template.getAnnotations()).addToAnnotations(JobHistory.SCHEDULED_AT, at.toString())
            .build())
        .withNewSpec().withTemplate(cronJob.getSpec().getJobTemplate().getSpec().getTemplate()).endSpec()
        .withNewStatus().withStartTime(at.toString())
          .withCompletionTime(result.equals("Complete") ? at.plusSeconds(30).toString() : null)
          .addNewCondition().withType(result).withStatus("True").endCondition()
        .endStatus().build();
    harness.client().batch().v1().jobs().inNamespace(NS).resource(job).create();
  }

  @Test
  void aJobWithoutSuccessForTwoPeriodsIsUnhealthyUntilItSucceedsAgain() {
    harness.client().resources(CronJobSet.class).inNamespace(NS)
        .resource(set(NS, "batch", "Europe/Berlin", job("sync", "*/5 * * * *", "/scripts/sync.sh"))).create();
    awaitSet(set -> healthy(set).equals(Optional.of("True")));

    // One failed run: tolerated (positive control for the False below).
    run("Failed", clock.instant());
    CronJobSet oneFailure = awaitSet(set -> !set.getStatus().getJobs().isEmpty()
        && JobHistory.FAILED.equals(set.getStatus().getJobs().get(0).getLastResult()));
    assertThat(healthy(oneFailure)).contains("True");

    // Two periods later, and another failure: the job has not succeeded within two periods.
    clock.advance(Duration.ofMinutes(11));
    run("Failed", clock.instant());
    CronJobSet unhealthy = awaitSet(set -> healthy(set).equals(Optional.of("False")));
    var condition = Conditions.find(unhealthy.getStatus().getConditions(), CronJobSetKind.JOBS_HEALTHY).orElseThrow();
    assertThat(condition.getReason()).isEqualTo(CronJobSetKind.JOBS_NOT_SUCCEEDING);
    assertThat(condition.getMessage()).startsWith("Not succeeded within two periods: sync (never succeeded");
    await().atMost(OperatorHarness.WAIT).until(() -> harness.hasEvent(NS, "batch", CronJobSetKind.JOBS_NOT_SUCCEEDING));
    assertThat(harness.events(NS, "batch").stream().filter(e -> CronJobSetKind.JOBS_NOT_SUCCEEDING.equals(e.getReason()))
        .map(e -> e.getType())).containsOnly("Warning");

    clock.advance(Duration.ofMinutes(5));
    run("Complete", clock.instant());
    CronJobSet recovered = awaitSet(set -> healthy(set).equals(Optional.of("True")));
    CronJobStatus status = recovered.getStatus().getJobs().get(0);
    assertThat(status.getLastResult()).isEqualTo(JobHistory.SUCCEEDED);
    assertThat(status.getLastSuccessfulTime()).isNotNull();
    assertThat(status.getLastScheduleTime()).isNotNull();
  }
}
