package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Optional;

/**
 * What one AWS-backed kind contributes to the shared {@link AwsReconcileLoop}: how to observe, plan, delete
 * and describe its objects. Everything else — conditions, ownership rules, modes, deletion policy, errors,
 * backoff, events, when to look again — is the loop's and identical for every kind.
 *
 * @param <R> the custom resource
 * @param <O> what one observation of its AWS objects holds
 * @param <G> the gateway (port) through which it reads and writes AWS
 */
public interface AwsKind<R extends CustomResource<? extends AwsResourceSpec, ? extends KaizenStatus>, O, G> {

  /**
   * Gives a resource that has no status yet an empty one. (Resources start without status: the API server drops
   * status on create, and a status patch must start from what the server holds.)
   */
  KaizenStatus initStatus(R resource);

  /**
   * Semantic checks of the spec alone that the CRD schema cannot express, one plain sentence each; empty when
   * valid. Pure: also run by {@code kaizen validate}. Checks that need the operator's configuration or the
   * status throw {@link dev.kaizen.operator.core.InvalidSpecException} from {@link #gateway} or {@link #observe}.
   */
  List<String> problems(R resource);

  /** The gateway for the resource's AWS account and region. */
  G gateway(R resource);

  /**
   * Reads the AWS objects the resource owns. Reads only. A light observation ({@code full == false}) is served
   * from shared, batched snapshots; a full one reads each object directly, tags included.
   */
  O observe(R resource, G gateway, boolean full);

  /** What observing an account that holds none of the resource's objects gives ({@code kaizen plan} offline). */
  O emptyAccount(R resource);

  /** The root object as observed. */
  RootState root(R resource, O observed);

  /** The pure planner: desired spec and observed state in, ordered changes out. No I/O, no clock. */
  Plan<G> plan(R resource, O observed, Ownership ownership, OwnerTags mine);

  /** Writes the observed facts users need (ARNs, observed settings) into the resource's status. */
  void describe(R resource, O observed);

  /**
   * Writes what the resource asks for into status when it cannot proceed (a conflict), so {@code kubectl get}
   * still names the object it is about. Nothing observed is written: the object found is not ours.
   */
  default void describeIntent(R resource) {}

  /** The changes that delete what the resource owns (called only when ownership allows it). */
  Plan<G> deletionPlan(R resource, O observed);

  /**
   * When the shared listings this resource's light observes read cannot keep up with the resync interval, one
   * sentence saying which and why; the loop then reports Ready with reason DriftDetectionBehind instead of InSync.
   */
  default Optional<String> driftDetectionBehind(R resource) {
    return Optional.empty();
  }

  /** Called after changes were applied (or partly applied): drop cached observations of the resource's objects. */
  void changed(R resource);
}
