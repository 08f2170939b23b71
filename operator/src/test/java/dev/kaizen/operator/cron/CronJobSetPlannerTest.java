package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static dev.kaizen.operator.cron.CronJobSets.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure planner: plain values in, changes out; each change applied to recording ports to see its exact call. */
class CronJobSetPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("cluster-a", "shop/CronJobSet/batch", "uid-1");

  /** Records what the plan calls. */
  static final class RecordingPorts implements CronJobSetPorts {
    final List<String> calls = new ArrayList<>();
    final List<CronJob> written = new ArrayList<>();

    @Override
    public java.util.Optional<CronJob> cronJob(String namespace, String name) {
      return java.util.Optional.empty();
    }

    @Override
    public List<CronJob> markedFor(String namespace, String setName) {
      return List.of();
    }

    @Override
    public List<Job> jobsOf(String namespace, String cronJobName) {
      return List.of();
    }

    @Override
    public void create(CronJob cronJob) {
      calls.add("create " + cronJob.getMetadata().getName());
      written.add(cronJob);
    }

    @Override
    public void update(CronJob cronJob) {
      calls.add("update " + cronJob.getMetadata().getName() + "@" + cronJob.getMetadata().getResourceVersion());
      written.add(cronJob);
    }

    @Override
    public boolean delete(String namespace, String name) {
      calls.add("delete " + namespace + "/" + name);
      return true;
    }
  }

  private static CronJobSet batch() {
    CronJobSet set = set("shop", "batch", "Europe/Berlin", job("report", "30 4 * * MON-FRI", "/scripts/report.sh"),
        job("cleanup", "@hourly", "/scripts/cleanup.sh"));
    set.getMetadata().setUid("uid-1");
    return set;
  }

  /** What the API server would hold after our create: our object plus server fields and defaults. */
  private static CronJob asStored(CronJob ours, String resourceVersion) {
    CronJob stored = new CronJobBuilder(ours).editMetadata().withResourceVersion(resourceVersion).withUid("cj-uid")
        .addToLabels("team", "shop").addToAnnotations("note", "kept").endMetadata()
        .editSpec().withSuccessfulJobsHistoryLimit(3).withFailedJobsHistoryLimit(1).endSpec().build();
    stored.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().setDnsPolicy("ClusterFirst");
    return stored;
  }

  private static CronJobSetObservation observed(CronJobSet set, Map<String, CronJob> found, List<CronJob> strays) {
    return new CronJobSetObservation(DesiredJobs.of(set), found, strays, Map.of());
  }

  private static Plan<CronJobSetPorts> plan(CronJobSetObservation observed, Ownership verdict) {
    return CronJobSetPlanner.plan(observed, key -> verdict, MINE);
  }

  private static Map<String, CronJob> storedAll(CronJobSet set) {
    Map<String, CronJob> found = new LinkedHashMap<>();
    RecordingPorts made = new RecordingPorts();
    plan(observed(set, Map.of(), List.of()), Ownership.OWNED).applyTo(made);
    made.written.forEach(c -> found.put(c.getMetadata().getName(), asStored(c, "7")));
    return found;
  }

  @Test
  void absentCronJobsAreCreatedWithTheOwnerMarker() {
    RecordingPorts ports = new RecordingPorts();
    Plan<CronJobSetPorts> plan = plan(observed(batch(), Map.of(), List.of()), Ownership.OWNED);

    assertThat(plan.describe()).containsExactly("CreateCronJob shop/batch-report: absent",
        "CreateCronJob shop/batch-cleanup: absent");
    plan.applyTo(ports);
    assertThat(ports.calls).containsExactly("create batch-report", "create batch-cleanup");
    assertThat(ports.written.get(0).getMetadata().getAnnotations()).containsAllEntriesOf(MINE.asTags());
    assertThat(ports.written.get(0).getSpec().getSchedule()).isEqualTo("30 4 * * 1-5");
  }

  @Test
  void whatTheServerAddsIsNotDriftSoAnUnchangedSetPlansNothing() {
    CronJobSet set = batch();
    assertThat(plan(observed(set, storedAll(set), List.of()), Ownership.OWNED).changes()).isEmpty();
  }

  @Test
  void aChangedFieldIsAnInPlaceUpdateKeepingResourceVersionAndOthersMarks() {
    CronJobSet set = batch();
    Map<String, CronJob> found = storedAll(set);
    set.getSpec().getJobs().get(0).setSchedule("0 5 * * *");
    set.getSpec().setImage("registry.example.com/shop/batch:1.5.0");
    RecordingPorts ports = new RecordingPorts();

    Plan<CronJobSetPorts> plan = plan(observed(set, found, List.of()), Ownership.OWNED);

    Change<CronJobSetPorts> report = plan.changes().get(0);
    assertThat(report.effect()).isEqualTo(Effect.UPDATE);
    assertThat(report.describe()).startsWith("UpdateCronJob shop/batch-report: schedule, image changed");
    assertThat(report.differences()).contains(new FieldChange("schedule", "30 4 * * 1-5", "0 5 * * *"));
    assertThat(plan.changes()).hasSize(2); // the image changed for both jobs
    plan.applyTo(ports);
    assertThat(ports.calls).containsExactly("update batch-report@7", "update batch-cleanup@7");
    CronJob updated = ports.written.get(0);
    assertThat(updated.getMetadata().getUid()).isEqualTo("cj-uid");
    assertThat(updated.getMetadata().getLabels()).containsEntry("team", "shop");
    assertThat(updated.getMetadata().getAnnotations()).containsEntry("note", "kept");
  }

  @Test
  void aCronJobOfAJobRemovedFromTheSpecIsDeletedOnlyWhenOurs() {
    CronJobSet set = batch();
    Map<String, CronJob> found = storedAll(set);
    CronJob cleanup = found.remove("batch-cleanup");
    set.getSpec().getJobs().remove(1);

    assertThat(plan(observed(set, found, List.of(cleanup)), Ownership.OWNED).describe())
        .containsExactly("DeleteCronJob shop/batch-cleanup: job removed from the spec");
    assertThat(plan(observed(set, found, List.of(cleanup)), Ownership.FOREIGN).describe()).isEmpty();
    assertThat(plan(observed(set, found, List.of(cleanup)), Ownership.UNOWNED).describe()).isEmpty();
  }

  @Test
  void aConflictIsNeverChangedAndAnAdoptionRewritesTheMarker() {
    CronJobSet set = batch();
    Map<String, CronJob> found = storedAll(set);
    found.replaceAll((name, c) -> new CronJobBuilder(c).editMetadata().withAnnotations(Map.of()).endMetadata().build());

    assertThat(plan(observed(set, found, List.of()), Ownership.UNOWNED).changes()).isEmpty();
    assertThat(plan(observed(set, found, List.of()), Ownership.FOREIGN).changes()).isEmpty();
    Plan<CronJobSetPorts> adopt = plan(observed(set, found, List.of()), Ownership.ADOPT);
    assertThat(adopt.describe()).allSatisfy(line -> assertThat(line).contains("ownership adopt"));
  }

  @Test
  void deletionDeletesOnlyWhatIsOurs() {
    CronJobSet set = batch();
    Map<String, CronJob> found = storedAll(set);
    assertThat(CronJobSetPlanner.deletion(observed(set, found, List.of()), key -> Ownership.OWNED).describe())
        .containsExactly("DeleteCronJob shop/batch-report: resource deleted",
            "DeleteCronJob shop/batch-cleanup: resource deleted");
    assertThat(CronJobSetPlanner.deletion(observed(set, found, List.of()), key -> Ownership.UNOWNED).changes())
        .isEmpty();
  }

  @Test
  void namesAreDeterministicAndShortenedWithAHash() {
    assertThat(CronJobNames.of("batch", "report")).isEqualTo("batch-report");
    String set = "warehouse-inventory-reconciliation";
    String a = CronJobNames.of(set, "nightly-stock-level-export-to-erp");
    String b = CronJobNames.of(set, "nightly-stock-level-export-to-shop");
    assertThat(a).hasSizeLessThanOrEqualTo(52).startsWith("warehouse-inventory-reconciliation-nightly-").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").isNotEqualTo(b);
    assertThat(a).isEqualTo(CronJobNames.of(set, "nightly-stock-level-export-to-erp"));
    assertThat(CronJobNames.of("a".repeat(60), "b")).hasSize(52);
    // A cut that ends on a dash is trimmed before the hash: never "--".
    assertThat(CronJobNames.of("x".repeat(42) + "-yyyyyyyyyy", "job")).startsWith("x".repeat(42) + "-").doesNotContain("--");
  }
}
