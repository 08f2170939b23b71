package dev.kaizen.operator.cli;

/** {@code kaizen plan}'s exit codes; README "kaizen plan" and {@code --help} document them. */
final class PlanExitCodes {
  /** Planned; with {@code --detailed-exitcode}: planned and nothing to change. */
  static final int OK = 0;
  /** Invalid manifests, or AWS (or the cluster) could not be read for some resource. */
  static final int ERROR = 1;
  /** With {@code --detailed-exitcode}: changes to make, and no stall. */
  static final int CHANGES = 2;
  /** With {@code --detailed-exitcode}: at least one resource would stall (a person must act). */
  static final int STALLS = 3;

  private PlanExitCodes() {}
}
