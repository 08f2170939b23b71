package dev.kaizen.operator.cron;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.FieldChange;
import dev.kaizen.operator.core.Happened;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;

/** The changes a CronJobSet makes, one factory per call. */
final class CronJobChanges {
  private CronJobChanges() {}

  static Change<CronJobSetPorts> create(CronJob cronJob, String reason) {
    return Change.of(Effect.CREATE, "CreateCronJob", target(cronJob), reason, ports -> ports.create(cronJob));
  }

  static Change<CronJobSetPorts> update(CronJob cronJob, String reason, List<FieldChange> differences) {
    return Change.<CronJobSetPorts>of(Effect.UPDATE, "UpdateCronJob", target(cronJob), reason,
        ports -> ports.update(cronJob)).withDifferences(differences);
  }

  static Change<CronJobSetPorts> delete(CronJob cronJob, String reason) {
    String namespace = cronJob.getMetadata().getNamespace();
    String name = cronJob.getMetadata().getName();
    return Change.reporting(Effect.DELETE, "DeleteCronJob", target(cronJob), reason,
        ports -> ports.delete(namespace, name) ? Happened.DELETED : Happened.NOTHING);
  }

  private static String target(CronJob cronJob) {
    return cronJob.getMetadata().getNamespace() + "/" + cronJob.getMetadata().getName();
  }
}
