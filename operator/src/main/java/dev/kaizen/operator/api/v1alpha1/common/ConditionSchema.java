package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Schema only, never instantiated: the shape of a status condition with the bounds Kubernetes gives
 * {@code metav1.Condition} (fabric8's {@code Condition} model carries none, and every string of a CRD must be
 * bounded). {@link KaizenStatus#getConditions()} takes its schema from here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConditionSchema {

  /** The values metav1.Condition allows for {@code status}. */
  public enum ConditionStatus {
    True, False, Unknown
  }

  @JsonPropertyDescription("Type of condition: Ready, Reconciling, Stalled, or a kind's detail condition.")
  @Required
  @Size(min = 1, max = 316)
  private String type;

  @JsonPropertyDescription("True, False or Unknown.")
  @Required
  private ConditionStatus status;

  @JsonPropertyDescription("The metadata.generation the condition was set from.")
  @Min(0)
  private Long observedGeneration;

  @JsonPropertyDescription("When status last changed (RFC 3339).")
  @Required
  private java.time.OffsetDateTime lastTransitionTime;

  @JsonPropertyDescription("CamelCase reason for the last transition.")
  @Size(min = 1, max = 1024)
  private String reason;

  @JsonPropertyDescription("One human sentence about the transition.")
  @Size(max = 32768)
  private String message;

  private ConditionSchema() {}

  public String getType() {
    return type;
  }

  public ConditionStatus getStatus() {
    return status;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public java.time.OffsetDateTime getLastTransitionTime() {
    return lastTransitionTime;
  }

  public String getReason() {
    return reason;
  }

  public String getMessage() {
    return message;
  }
}
