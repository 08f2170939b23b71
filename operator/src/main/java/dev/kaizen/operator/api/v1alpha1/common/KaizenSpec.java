package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * The fields every kind shares, with or without AWS (DESIGN.md, "Common spec fields"): mode, deletion policy,
 * adoption. {@link AwsResourceSpec} adds the region.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class KaizenSpec {

  @JsonPropertyDescription(
      "Apply (default): converge AWS to this spec. Plan: observe AWS and report the changes the operator"
          + " would make in status.plan, changing nothing (and never deleting anything).")
  // A schema default, so `kubectl get` shows the mode in effect (the MODE column) instead of a blank.
  @Default("Apply")
  private Mode mode;

  @JsonPropertyDescription(
      "Retain (default): deleting this resource keeps its AWS objects. Delete: deleting this resource deletes"
          + " the AWS objects it owns.")
  @Default("Retain")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "Take over an existing object of the same name that carries no owner marker. Objects owned by another"
          + " resource or another cluster are never adopted.")
  private Boolean adopt;

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public Boolean getAdopt() {
    return adopt;
  }

  public void setAdopt(Boolean adopt) {
    this.adopt = adopt;
  }

  /** The effective mode: {@link Mode#Apply} unless set. */
  public Mode effectiveMode() {
    return mode == null ? Mode.Apply : mode;
  }

  /** The effective deletion policy: {@link DeletionPolicy#Retain} unless set. */
  public DeletionPolicy effectiveDeletionPolicy() {
    return deletionPolicy == null ? DeletionPolicy.Retain : deletionPolicy;
  }

  public boolean adoptRequested() {
    return Boolean.TRUE.equals(adopt);
  }
}
