package dev.kaizen.operator.cron;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.api.v1alpha1.cron.EcsTargetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.EnvVarSpec;
import dev.kaizen.operator.api.v1alpha1.cron.EventBridgeSpec;
import dev.kaizen.operator.api.v1alpha1.cron.LambdaTargetSpec;
import dev.kaizen.operator.api.v1alpha1.cron.SsmTargetSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/** CronJobSets with target eventbridge, for tests. */
final class EventBridgeSets {
  static final String ACCOUNT = "111122223333";
  static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/scheduler-batch";
  static final String DLQ = "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":batch-dlq";
  static final String CLUSTER = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":cluster/batch";
  static final String TASK = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task-definition/report:7";
  static final String FUNCTION = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:nightly-report";

  private EventBridgeSets() {}

  /** An ECS set: a 15-minute flexible window, a dead-letter queue, two subnets and one security group. */
  static CronJobSet ecs(String namespace, String name, CronJobEntry... jobs) {
    EcsTargetSpec ecs = new EcsTargetSpec();
    ecs.setClusterArn(CLUSTER);
    ecs.setTaskDefinitionArn(TASK);
    ecs.setContainerName("app");
    ecs.setSubnets(new ArrayList<>(List.of("subnet-0b1c2d3e4f5a6b7c8", "subnet-0a1b2c3d4e5f6a7b8")));
    ecs.setSecurityGroups(new ArrayList<>(List.of("sg-0123456789abcdef0")));
    EventBridgeSpec eventBridge = base();
    eventBridge.setEcs(ecs);
    CronJobSet set = set(namespace, name, eventBridge, jobs);
    set.getSpec().setEnv(new ArrayList<>(List.of(new EnvVarSpec("DATABASE_HOST", "db.shop.internal"))));
    return set;
  }

  static CronJobSet lambda(String namespace, String name, CronJobEntry... jobs) {
    LambdaTargetSpec lambda = new LambdaTargetSpec();
    lambda.setFunctionArn(FUNCTION);
    EventBridgeSpec eventBridge = base();
    eventBridge.setLambda(lambda);
    return set(namespace, name, eventBridge, jobs);
  }

  static CronJobSet ssm(String namespace, String name, CronJobEntry... jobs) {
    SsmTargetSpec ssm = new SsmTargetSpec();
    ssm.setTagKey("Role");
    ssm.setTagValue("batch");
    EventBridgeSpec eventBridge = base();
    eventBridge.setSsm(ssm);
    return set(namespace, name, eventBridge, jobs);
  }

  private static EventBridgeSpec base() {
    EventBridgeSpec eventBridge = new EventBridgeSpec();
    eventBridge.setExecutionRoleArn(ROLE);
    eventBridge.setFlexibleWindowMinutes(15);
    eventBridge.setDeadLetterQueueArn(DLQ);
    return eventBridge;
  }

  private static CronJobSet set(String namespace, String name, EventBridgeSpec eventBridge, CronJobEntry... jobs) {
    CronJobSet set = new CronJobSet();
    set.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    CronJobSetSpec spec = new CronJobSetSpec();
    spec.setTimeZone("Europe/Berlin");
    spec.setTarget(CronTarget.EVENTBRIDGE);
    spec.setEventBridge(eventBridge);
    spec.setJobs(new ArrayList<>(List.of(jobs)));
    set.setSpec(spec);
    return set;
  }
}
