package dev.kaizen.operator.cron;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pure planner of the Kubernetes target: the CronJobs the spec asks for against those found, and the verdict on
 * each. Absent -> created; ours and different in a field the set decides -> updated in place (the object read, its
 * resourceVersion kept, so history and the controller's state survive and a concurrent edit conflicts); marked as
 * ours but no longer in the spec -> deleted. Anything not ours is never in a change.
 */
public final class CronJobSetPlanner {
  private CronJobSetPlanner() {}

  /** Key of a CronJob in the ownership verdicts. */
  public static String key(String cronJobName) {
    return "cronjob " + cronJobName;
  }

  public static Plan<CronJobSetPorts> plan(CronJobSetObservation observed, Function<String, Ownership> verdicts,
      OwnerTags mine) {
    List<Change<CronJobSetPorts>> changes = new ArrayList<>();
    for (DesiredJob job : observed.desired()) {
      var found = observed.found(job);
      CronJob wanted = CronJobTemplates.withOwner(job.cronJob(), mine);
      if (found.isEmpty()) {
        changes.add(CronJobChanges.create(wanted, "absent"));
        continue;
      }
      Ownership verdict = verdicts.apply(key(job.cronJobName()));
      if (!verdict.mayManage()) {
        continue; // a conflict: the loop stalls naming it
      }
      Map<String, String[]> differences = CronJobFields.differences(found.get(), wanted);
      if (!differences.isEmpty() || verdict.retags()) {
        List<FieldChange> fields = new ArrayList<>();
        differences.forEach((field, values) -> fields.add(new FieldChange(field, values[0], values[1])));
        String reason = verdict.retags() && differences.keySet().stream().allMatch(f -> f.endsWith("annotations")
            || f.endsWith("labels")) ? "ownership " + verdict.name().toLowerCase(java.util.Locale.ROOT)
            : String.join(", ", differences.keySet()) + " changed";
        changes.add(CronJobChanges.update(inPlace(found.get(), wanted), reason, fields));
      }
    }
    for (CronJob stray : observed.strays()) {
      if (deletable(verdicts.apply(key(stray.getMetadata().getName())))) {
        changes.add(CronJobChanges.delete(stray, "job removed from the spec"));
      }
    }
    return new Plan<>(changes);
  }

  /** Deleting the set (policy Delete): every CronJob found that is ours. */
  public static Plan<CronJobSetPorts> deletion(CronJobSetObservation observed, Function<String, Ownership> verdicts) {
    List<Change<CronJobSetPorts>> changes = new ArrayList<>();
    List<CronJob> existing = new ArrayList<>();
    observed.desired().forEach(job -> observed.found(job).ifPresent(existing::add));
    existing.addAll(observed.strays());
    for (CronJob cronJob : existing) {
      if (deletable(verdicts.apply(key(cronJob.getMetadata().getName())))) {
        changes.add(CronJobChanges.delete(cronJob, "resource deleted"));
      }
    }
    return new Plan<>(changes);
  }

  private static boolean deletable(Ownership verdict) {
    return verdict == Ownership.OWNED || verdict == Ownership.REATTACH || verdict == Ownership.TAKE_OVER;
  }

  /**
   * The CronJob as read, with the set's spec and marks: others' labels and annotations stay, and so do the
   * resourceVersion (a concurrent edit conflicts instead of being overwritten) and the uid (it is the same object).
   */
  static CronJob inPlace(CronJob found, CronJob desired) {
    CronJob updated = new CronJobBuilder(found).build();
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(found.getMetadata().getLabels()));
    labels.putAll(orEmpty(desired.getMetadata().getLabels()));
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(found.getMetadata().getAnnotations()));
    annotations.putAll(orEmpty(desired.getMetadata().getAnnotations()));
    updated.getMetadata().setLabels(labels);
    updated.getMetadata().setAnnotations(annotations);
    updated.setSpec(desired.getSpec());
    updated.setStatus(null);
    return updated;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
