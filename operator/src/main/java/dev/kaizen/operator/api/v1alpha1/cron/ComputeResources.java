package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** CPU and memory of a job's container, as Kubernetes quantities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeResources {

  @JsonPropertyDescription("CPU, e.g. 250m or 1.")
  @Size(max = 32)
  @Pattern("^[0-9]+(\\.[0-9]+)?m?$")
  private String cpu;

  @JsonPropertyDescription("Memory, e.g. 256Mi or 1Gi.")
  @Size(max = 32)
  @Pattern("^[0-9]+(\\.[0-9]+)?([EPTGMk]i?|[eE][0-9]+)?$")
  private String memory;

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }
}
