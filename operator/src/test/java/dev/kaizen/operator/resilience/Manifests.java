package dev.kaizen.operator.resilience;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.api.v1alpha1.cron.EventBridgeSpec;
import dev.kaizen.operator.api.v1alpha1.cron.LambdaTargetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/** The resources the resilience tests apply, each with {@code deletionPolicy: Delete} so nothing should be left. */
final class Manifests {
  static final String ACCOUNT = "111122223333";
  static final String SCHEDULER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/scheduler-batch";
  static final String FUNCTION = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:nightly-report";

  private Manifests() {}

  /** A MailRoute whose records go to {@code zoneId}, or are published by hand when it is null (dns.manual). */
  static MailRoute mailRoute(String namespace, String name, String domain, String zoneId) {
    MailRoute route = dev.kaizen.operator.mail.MailRoutes.route(namespace, name, domain, zoneId);
    route.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    return route;
  }

  /** A CronJobSet on EventBridge Scheduler invoking a Lambda function, one schedule per job name. */
  static CronJobSet lambdaSet(String namespace, String name, String... jobNames) {
    LambdaTargetSpec lambda = new LambdaTargetSpec();
    lambda.setFunctionArn(FUNCTION);
    EventBridgeSpec eventBridge = new EventBridgeSpec();
    eventBridge.setExecutionRoleArn(SCHEDULER_ROLE);
    eventBridge.setLambda(lambda);
    CronJobSet set = cronJobSet(namespace, name, jobNames);
    set.getSpec().setTarget(CronTarget.EVENTBRIDGE);
    set.getSpec().setEventBridge(eventBridge);
    return set;
  }

  /** A CronJobSet of Kubernetes CronJobs. */
  static CronJobSet kubernetesSet(String namespace, String name, String... jobNames) {
    CronJobSet set = cronJobSet(namespace, name, jobNames);
    set.getSpec().setImage("registry.example.com/shop/batch:1.4.2");
    return set;
  }

  private static CronJobSet cronJobSet(String namespace, String name, String... jobNames) {
    CronJobSet set = new CronJobSet();
    set.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    CronJobSetSpec spec = new CronJobSetSpec();
    spec.setTimeZone("Europe/Berlin");
    List<CronJobEntry> jobs = new ArrayList<>();
    int minute = 0;
    for (String jobName : jobNames) {
      CronJobEntry job = new CronJobEntry();
      job.setName(jobName);
      job.setSchedule((minute++ * 7 % 60) + " 4 * * *");
      job.setCommand(new ArrayList<>(List.of("/app/" + jobName)));
      jobs.add(job);
    }
    spec.setJobs(jobs);
    spec.setDeletionPolicy(DeletionPolicy.Delete);
    set.setSpec(spec);
    return set;
  }
}
