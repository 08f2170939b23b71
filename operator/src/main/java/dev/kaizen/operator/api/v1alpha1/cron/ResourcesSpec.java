package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** Requests and limits of a job's container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {

  @JsonPropertyDescription("What the container is guaranteed.")
  private ComputeResources requests;

  @JsonPropertyDescription("What the container may use at most.")
  private ComputeResources limits;

  public ComputeResources getRequests() {
    return requests;
  }

  public void setRequests(ComputeResources requests) {
    this.requests = requests;
  }

  public ComputeResources getLimits() {
    return limits;
  }

  public void setLimits(ComputeResources limits) {
    this.limits = limits;
  }
}
