package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The nodes a scale-in removes, pinned before their replicas are moved. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ScaleInStatus {

  @JsonPropertyDescription("The colour being scaled in.")
  @Size(max = 8)
  private String colour;

  @JsonPropertyDescription("The EC2 instance IDs being removed.")
  @Size(max = 50)
  private List<@Size(max = 32) String> instances = new ArrayList<>();

  public ScaleInStatus() {}

  public ScaleInStatus(String colour, List<String> instances) {
    this.colour = colour;
    this.instances = new ArrayList<>(instances);
  }

  public String getColour() {
    return colour;
  }

  public void setColour(String colour) {
    this.colour = colour;
  }

  public List<String> getInstances() {
    return instances;
  }

  public void setInstances(List<String> instances) {
    this.instances = instances == null ? new ArrayList<>() : instances;
  }
}
