package dev.kaizen.operator.api.v1alpha1.common;

/** What happens to the AWS objects a resource owns when the resource is deleted. */
public enum DeletionPolicy {
  /** Keep them (the default): deleting YAML never deletes data. */
  Retain,
  /** Delete the objects this resource owns, and only those. */
  Delete
}
