package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class LogPipelineSpec extends AwsResourceSpec {

  @JsonPropertyDescription("The CloudWatch Logs group this pipeline owns.")
  @Required
  @ValidationRule(
      value = "!has(oldSelf.name) || (has(self.name) && self.name == oldSelf.name)",
      message = "logGroup.name cannot change once set: to rename, create a new LogPipeline with the new name"
          + " and delete this one (with deletionPolicy Retain the old group is kept).")
  private LogGroupSpec logGroup;

  public LogGroupSpec getLogGroup() {
    return logGroup;
  }

  public void setLogGroup(LogGroupSpec logGroup) {
    this.logGroup = logGroup;
  }
}
