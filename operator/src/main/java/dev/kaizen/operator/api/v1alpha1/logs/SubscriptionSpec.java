package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A subscription filter that streams the group's events to Kinesis, Firehose or Lambda. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubscriptionSpec {

  @JsonPropertyDescription("ARN of the destination: a Kinesis stream, a Firehose stream, a Lambda function or a"
      + " CloudWatch Logs destination.")
  @Required
  @Size(max = 2048)
  @Pattern("^arn:aws[a-z-]*:(kinesis|firehose|lambda|logs):[a-z0-9-]+:[0-9]{12}:.+$")
  private String destinationArn;

  @JsonPropertyDescription("IAM role CloudWatch Logs assumes to write to a Kinesis or Firehose destination.")
  @Size(max = 2048)
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")
  private String roleArn;

  @JsonPropertyDescription("Filter pattern of the events to stream; \"\" (the default) streams every event.")
  @Size(max = 1024)
  private String pattern;

  public String getDestinationArn() {
    return destinationArn;
  }

  public void setDestinationArn(String destinationArn) {
    this.destinationArn = destinationArn;
  }

  public String getRoleArn() {
    return roleArn;
  }

  public void setRoleArn(String roleArn) {
    this.roleArn = roleArn;
  }

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }
}
