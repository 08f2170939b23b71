package dev.kaizen.operator.cli;

import dev.kaizen.operator.core.FieldChange;
import java.util.List;
import java.util.Optional;

/**
 * What {@code kaizen plan} found, independent of how it is printed (text, JSON, markdown): where it looked, and per
 * resource its changes, its stall or its error.
 *
 * @param account the AWS account ID the credentials belong to (STS), empty when unknown or not read
 * @param endpoints the custom endpoints in use, one line each ({@code CloudWatch Logs: http://localhost:4566}); empty
 *     when every service is reached at AWS's own endpoint
 * @param notes sentences about what was read and what was assumed (cluster identity, Kubernetes objects)
 */
record PlanReport(Optional<String> account, List<String> endpoints, Optional<String> clusterId, List<String> notes,
    List<ResourcePlan> resources) {

  enum Status { IN_SYNC, CHANGES, STALLED, ERROR }

  /** One change, with each field it alters (old -> new) when the planner named them. */
  record PlannedChange(String operation, String target, String effect, String reason, List<FieldChange> differences) {
    String line() {
      return operation + " " + target + ": " + reason;
    }
  }

  /** What the operator would stall on: its condition reason and sentence. */
  record Stall(String reason, String message) {}

  /**
   * @param object the resource's root AWS object, as a person names it ({@code log group /shop/web})
   * @param reportOnly the resource says {@code mode: Plan}: the operator would only report its changes
   * @param error what stopped the plan of this resource (AWS could not be read), naming service, operation, status
   *     and endpoint
   */
  record ResourcePlan(String kind, String namespace, String name, String object, boolean reportOnly,
      List<PlannedChange> changes, Optional<Stall> stall, Optional<String> error) {

    Status status() {
      if (error.isPresent()) {
        return Status.ERROR;
      }
      if (stall.isPresent()) {
        return Status.STALLED;
      }
      return changes.isEmpty() ? Status.IN_SYNC : Status.CHANGES;
    }

    /** {@code LogPipeline shop/web}, or {@code Kind name} for a cluster-scoped resource. */
    String title() {
      return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
  }

  long count(Status status) {
    return resources.stream().filter(r -> r.status() == status).count();
  }

  int changeCount() {
    return resources.stream().mapToInt(r -> r.changes().size()).sum();
  }

  /** {@code 3 resource(s), 7 change(s), 1 stall(s), 0 error(s).} */
  String summary() {
    return resources.size() + " resource(s), " + changeCount() + " change(s), " + count(Status.STALLED)
        + " stall(s), " + count(Status.ERROR) + " error(s).";
  }

  /**
   * The exit code: with {@code detailed} (Terraform's {@code -detailed-exitcode} spirit) 0 nothing to change, 1 an
   * error, 2 changes, 3 a stall (someone must act before the operator can converge; wins over changes); without it,
   * 0 whenever every resource could be planned and 1 otherwise.
   */
  int exitCode(boolean detailed) {
    if (count(Status.ERROR) > 0) {
      return PlanExitCodes.ERROR;
    }
    if (!detailed) {
      return PlanExitCodes.OK;
    }
    if (count(Status.STALLED) > 0) {
      return PlanExitCodes.STALLS;
    }
    return changeCount() > 0 ? PlanExitCodes.CHANGES : PlanExitCodes.OK;
  }
}
