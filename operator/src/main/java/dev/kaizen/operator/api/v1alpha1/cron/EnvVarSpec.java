package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One environment variable of a job's container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvVarSpec {

  @JsonPropertyDescription("The variable's name.")
  @Required
  @Size(max = 256)
  @Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$")
  private String name;

  @JsonPropertyDescription("Its value.")
  @Size(max = 32768)
  private String value;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public EnvVarSpec() {}

  public EnvVarSpec(String name, String value) {
    this.name = name;
    this.value = value;
  }
}
