package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How the jobs of a set with {@code target: eventbridge} run: the execution role EventBridge Scheduler assumes, the
 * delivery settings shared by every schedule, and exactly one target (an ECS task, a Lambda function, or SSM Run
 * Command on instances selected by a tag).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "[has(self.ecs), has(self.lambda), has(self.ssm)].filter(x, x).size() == 1",
    message = "eventBridge needs exactly one target: ecs, lambda or ssm.")
public class EventBridgeSpec {
  static final String ROLE_ARN = "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[-A-Za-z0-9+=,.@_/]{1,512}$";

  @JsonPropertyDescription("The IAM role EventBridge Scheduler assumes to start each run (its trust policy names scheduler.amazonaws.com; its permissions allow the target's call). The operator passes it (iam:PassRole).")
  @Required
  @Size(max = 600)
  @Pattern(ROLE_ARN)
  private String executionRoleArn;

  @JsonPropertyDescription("A flexible time window: each run starts at some moment within this many minutes after its time (spreads load). Absent: runs start on time.")
  @Min(1)
  @Max(1440)
  private Integer flexibleWindowMinutes;

  @JsonPropertyDescription("An SQS queue (ARN) receiving the runs EventBridge Scheduler could not deliver after its retries.")
  @Size(max = 300)
  @Pattern("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[a-zA-Z0-9_-]{1,80}(\\.fifo)?$")
  private String deadLetterQueueArn;

  @JsonPropertyDescription("Run an ECS task: the job's command (and environment) override the container's.")
  private EcsTargetSpec ecs;

  @JsonPropertyDescription("Invoke a Lambda function with the job's payload.")
  private LambdaTargetSpec lambda;

  @JsonPropertyDescription("Run the job's command with SSM Run Command on the instances carrying a tag.")
  private SsmTargetSpec ssm;

  public String getExecutionRoleArn() {
    return executionRoleArn;
  }

  public void setExecutionRoleArn(String executionRoleArn) {
    this.executionRoleArn = executionRoleArn;
  }

  public Integer getFlexibleWindowMinutes() {
    return flexibleWindowMinutes;
  }

  public void setFlexibleWindowMinutes(Integer flexibleWindowMinutes) {
    this.flexibleWindowMinutes = flexibleWindowMinutes;
  }

  public String getDeadLetterQueueArn() {
    return deadLetterQueueArn;
  }

  public void setDeadLetterQueueArn(String deadLetterQueueArn) {
    this.deadLetterQueueArn = deadLetterQueueArn;
  }

  public EcsTargetSpec getEcs() {
    return ecs;
  }

  public void setEcs(EcsTargetSpec ecs) {
    this.ecs = ecs;
  }

  public LambdaTargetSpec getLambda() {
    return lambda;
  }

  public void setLambda(LambdaTargetSpec lambda) {
    this.lambda = lambda;
  }

  public SsmTargetSpec getSsm() {
    return ssm;
  }

  public void setSsm(SsmTargetSpec ssm) {
    this.ssm = ssm;
  }
}
