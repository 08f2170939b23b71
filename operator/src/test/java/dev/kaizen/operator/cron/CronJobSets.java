package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.EnvVarSpec;
import dev.kaizen.operator.api.v1alpha1.cron.ScriptsSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/** Builds CronJobSets for tests. */
final class CronJobSets {
  private CronJobSets() {}

  static CronJobSet set(String namespace, String name, String timeZone, CronJobEntry... jobs) {
    CronJobSet set = new CronJobSet();
    set.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    CronJobSetSpec spec = new CronJobSetSpec();
    spec.setTimeZone(timeZone);
    spec.setImage("registry.example.com/shop/batch:1.4.2");
    spec.setEnv(new ArrayList<>(List.of(new EnvVarSpec("DATABASE_HOST", "db.shop.svc"))));
    ScriptsSpec scripts = new ScriptsSpec();
    scripts.setConfigMap("shop-batch-scripts");
    spec.setScripts(scripts);
    spec.setJobs(new ArrayList<>(List.of(jobs)));
    set.setSpec(spec);
    return set;
  }

  static CronJobEntry job(String name, String schedule, String... command) {
    CronJobEntry job = new CronJobEntry();
    job.setName(name);
    job.setSchedule(schedule);
    job.setCommand(new ArrayList<>(List.of(command)));
    return job;
  }

  static CronJobEntry every(String name, String every, String at, String... command) {
    CronJobEntry job = new CronJobEntry();
    job.setName(name);
    job.setEvery(every);
    job.setAt(at);
    job.setCommand(new ArrayList<>(List.of(command)));
    return job;
  }
}
