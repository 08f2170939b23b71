package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.EmbeddedAws;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.regions.Region;

/** A crontab of three jobs run as Kubernetes CronJobs: no AWS call at all, only the cluster's API. */
final class CronJobSetBench implements BenchKind {
  private static final String SCHEDULE = "30 2 * * *";

  @Override
  public String kind() {
    return "CronJobSet";
  }

  @Override
  public String plural() {
    return "cronjobsets";
  }

  @Override
  public String manifest(String namespace, int index, Region region) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: CronJobSet
        metadata:
          name: crontab-%1$d
          namespace: %2$s
        spec:
          timeZone: Europe/Berlin
          image: registry.example.com/batch:1.0.0
          jobs:
            - name: export
              schedule: "%3$s"
              command: [/scripts/export.sh]
            - name: report
              every: weekday
              at: "06:00"
              command: [/scripts/report.sh]
            - name: cleanup
              every: 15m
              command: [/scripts/cleanup.sh]
        """.formatted(index, namespace, SCHEDULE);
  }

  /** Someone edits a CronJob's schedule with kubectl; put right when the schedule is the set's again. */
  @Override
  public Optional<BooleanSupplier> injectDrift(EmbeddedAws aws, KubernetesClient kube,
      GenericKubernetesResource set) {
    var cronJob = kube.batch().v1().cronjobs().inNamespace(set.getMetadata().getNamespace())
        .withName(set.getMetadata().getName() + "-export");
    cronJob.edit(c -> {
      c.getSpec().setSchedule("0 5 * * *");
      return c;
    });
    return Optional.of(() -> {
      CronJob now = cronJob.get();
      return now != null && SCHEDULE.equals(now.getSpec().getSchedule());
    });
  }

  @Override
  public int awsObjectsEach() {
    return 0;
  }
}
