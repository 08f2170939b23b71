package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The nodes' image: exactly one of an AMI ID or an SSM parameter that holds one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.id) != has(self.ssmParameter)", message = "ami needs exactly one of id or ssmParameter.")
public class AmiSpec {

  @JsonPropertyDescription("An AMI ID, e.g. ami-0123456789abcdef0.")
  @Size(max = 32)
  @Pattern("^ami-[0-9a-f]{8,17}$")
  private String id;

  @JsonPropertyDescription("An SSM parameter whose value is an AMI ID, e.g."
      + " /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64. Resolved once per colour and pinned"
      + " in status.")
  @Size(max = 2048)
  @Pattern("^/?[a-zA-Z0-9_.\\-/]+$")
  private String ssmParameter;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getSsmParameter() {
    return ssmParameter;
  }

  public void setSsmParameter(String ssmParameter) {
    this.ssmParameter = ssmParameter;
  }
}
