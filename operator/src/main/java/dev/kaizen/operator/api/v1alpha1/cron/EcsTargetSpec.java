package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** An ECS RunTask target: one task per run, in awsvpc networking. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EcsTargetSpec {

  @JsonPropertyDescription("The ECS cluster (ARN) the tasks run in.")
  @Required
  @Size(max = 600)
  @Pattern("^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}$")
  private String clusterArn;

  @JsonPropertyDescription("The task definition (ARN, with or without its revision).")
  @Required
  @Size(max = 600)
  @Pattern("^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/[A-Za-z0-9_-]{1,255}(:[0-9]+)?$")
  private String taskDefinitionArn;

  @JsonPropertyDescription("The container of the task definition whose command the job's command replaces.")
  @Required
  @Size(max = 255)
  @Pattern("^[A-Za-z0-9_-]+$")
  private String containerName;

  @JsonPropertyDescription("FARGATE (default) or EC2.")
  private EcsLaunchType launchType;

  @JsonPropertyDescription("Subnet IDs of the task's network interface (1 to 16).")
  @Required
  @Size(min = 1, max = 16)
  private List<@Size(max = 32) @Pattern("^subnet-[0-9a-f]{8,17}$") String> subnets = new ArrayList<>();

  @JsonPropertyDescription("Security group IDs of the task (up to 5).")
  @Size(max = 5)
  private List<@Size(max = 32) @Pattern("^sg-[0-9a-f]{8,17}$") String> securityGroups = new ArrayList<>();

  @JsonPropertyDescription("Give the task a public IP address (Fargate in a public subnet without a NAT). Default false.")
  private Boolean assignPublicIp;

  public String getClusterArn() {
    return clusterArn;
  }

  public void setClusterArn(String clusterArn) {
    this.clusterArn = clusterArn;
  }

  public String getTaskDefinitionArn() {
    return taskDefinitionArn;
  }

  public void setTaskDefinitionArn(String taskDefinitionArn) {
    this.taskDefinitionArn = taskDefinitionArn;
  }

  public String getContainerName() {
    return containerName;
  }

  public void setContainerName(String containerName) {
    this.containerName = containerName;
  }

  public EcsLaunchType getLaunchType() {
    return launchType;
  }

  public void setLaunchType(EcsLaunchType launchType) {
    this.launchType = launchType;
  }

  public List<String> getSubnets() {
    return subnets;
  }

  public void setSubnets(List<String> subnets) {
    this.subnets = subnets == null ? new ArrayList<>() : subnets;
  }

  public List<String> getSecurityGroups() {
    return securityGroups;
  }

  public void setSecurityGroups(List<String> securityGroups) {
    this.securityGroups = securityGroups == null ? new ArrayList<>() : securityGroups;
  }

  public Boolean getAssignPublicIp() {
    return assignPublicIp;
  }

  public void setAssignPublicIp(Boolean assignPublicIp) {
    this.assignPublicIp = assignPublicIp;
  }
}
