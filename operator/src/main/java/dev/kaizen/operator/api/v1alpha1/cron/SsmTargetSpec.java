package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * SSM Run Command on EC2 instances selected by one tag: each run calls SendCommand (through Scheduler's universal
 * target) with a shell document running the job's command.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SsmTargetSpec {

  @JsonPropertyDescription("The tag key selecting the instances, e.g. Role.")
  @Required
  @Size(min = 1, max = 128)
  private String tagKey;

  @JsonPropertyDescription("The tag value selecting the instances, e.g. batch.")
  @Required
  @Size(min = 1, max = 256)
  private String tagValue;

  @JsonPropertyDescription("The SSM document run. Default AWS-RunShellScript (its commands parameter gets the job's command).")
  @Size(max = 128)
  @Pattern("^[a-zA-Z0-9_.:/-]{3,128}$")
  private String documentName;

  public String getTagKey() {
    return tagKey;
  }

  public void setTagKey(String tagKey) {
    this.tagKey = tagKey;
  }

  public String getTagValue() {
    return tagValue;
  }

  public void setTagValue(String tagValue) {
    this.tagValue = tagValue;
  }

  public String getDocumentName() {
    return documentName;
  }

  public void setDocumentName(String documentName) {
    this.documentName = documentName;
  }

  public String effectiveDocumentName() {
    return documentName == null ? "AWS-RunShellScript" : documentName;
  }
}
