package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class LogPipelineStatus extends KaizenStatus {

  @JsonPropertyDescription("The log group as last observed in AWS.")
  private LogGroupStatus logGroup;

  public LogGroupStatus getLogGroup() {
    return logGroup;
  }

  public void setLogGroup(LogGroupStatus logGroup) {
    this.logGroup = logGroup;
  }
}
