package dev.kaizen.operator.api.v1alpha1.common;

/** Whether the operator changes AWS ({@code Apply}) or only reports what it would change ({@code Plan}). */
public enum Mode {
  Apply,
  Plan
}
