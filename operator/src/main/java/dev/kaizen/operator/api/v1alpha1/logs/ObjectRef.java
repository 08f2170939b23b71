package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** One AWS or Kubernetes object the pipeline owns, as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectRef {

  @JsonPropertyDescription("Name of the object, e.g. the metric filter, alarm or ConfigMap key.")
  @Size(max = 1024)
  private String name;

  @JsonPropertyDescription("ARN, or namespace/name for a Kubernetes object.")
  @Size(max = 2048)
  private String id;

  @JsonPropertyDescription("What AWS reports of it, e.g. an alarm's state.")
  @Size(max = 256)
  private String state;

  public ObjectRef() {}

  public ObjectRef(String name, String id, String state) {
    this.name = name;
    this.id = id;
    this.state = state;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectRef other && Objects.equals(name, other.name) && Objects.equals(id, other.id)
        && Objects.equals(state, other.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, id, state);
  }
}
