package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Lambda target: the function is invoked (asynchronously) with each job's payload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LambdaTargetSpec {

  @JsonPropertyDescription("The function (ARN, optionally with a version or alias).")
  @Required
  @Size(max = 600)
  @Pattern("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$")
  private String functionArn;

  public String getFunctionArn() {
    return functionArn;
  }

  public void setFunctionArn(String functionArn) {
    this.functionArn = functionArn;
  }
}
