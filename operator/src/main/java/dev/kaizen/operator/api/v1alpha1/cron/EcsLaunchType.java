package dev.kaizen.operator.api.v1alpha1.cron;

/** Where an ECS task runs. */
public enum EcsLaunchType {
  FARGATE,
  EC2
}
