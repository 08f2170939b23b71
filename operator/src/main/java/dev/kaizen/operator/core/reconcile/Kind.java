package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.KaizenSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.common.PendingChange;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Optional;

/**
 * What one kind contributes to the shared {@link ReconcileLoop}: how to observe, plan, delete and describe the
 * objects it owns — in AWS, in Kubernetes, or both. Everything else — conditions, ownership rules, modes, deletion
 * policy, errors, backoff, events, pending changes, locked status commits, when to look again — is the loop's and
 * identical for every kind. Nothing here assumes AWS, a region or a namespace.
 *
 * @param <R> the custom resource
 * @param <O> what one observation of its objects holds
 * @param <G> the ports through which it reads and writes (AWS gateways, Kubernetes clients)
 */
public interface Kind<R extends CustomResource<? extends KaizenSpec, ? extends KaizenStatus>, O, G> {

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

  /**
   * The ports for the resource, in the account the loop resolved for it (for an AWS kind: that account and the
   * resource's region, else the account's default region).
   */
  G gateway(R resource, AccountBinding account);

  /**
   * Reads the objects the resource owns. Reads only. A light observation ({@code full == false}) is served from
   * shared, batched snapshots; a full one reads each object directly, ownership markers included.
   */
  O observe(R resource, G gateway, boolean full);

  /** What observing a place that holds none of the resource's objects gives ({@code kaizen plan} offline). */
  O emptyAccount(R resource);

  /**
   * The objects the resource owns or will own, as observed, root first; each is judged on its own marker. The list
   * names every object whose ownership matters (a part of a shared object included), so a conflict on any of them
   * is named in status and in the Stalled message.
   */
  List<OwnedObject> owned(R resource, O observed);

  /** The pure planner: desired spec, observed state and verdicts in, ordered changes out. No I/O, no clock. */
  Plan<G> plan(R resource, O observed, Verdicts verdicts, OwnerTags mine);

  /** Writes the observed facts users need (ARNs, observed settings) into the resource's status. */
  void describe(R resource, O observed);

  /**
   * Writes what the resource asks for into status when it cannot proceed (a conflict), so {@code kubectl get}
   * still names the object it is about. Nothing observed is written: the object found is not ours.
   */
  default void describeIntent(R resource) {}

  /** The changes that delete what the resource owns: only objects {@link Verdicts#deletable} allows. */
  Plan<G> deletionPlan(R resource, O observed, Verdicts verdicts);

  /**
   * When the observed objects match the spec but are not yet what the spec means (a DKIM identity still pending,
   * instances not yet healthy): what the resource waits for. The loop then reports Ready False with this reason.
   */
  default Optional<Waiting> waiting(R resource, O observed) {
    return Optional.empty();
  }

  /**
   * When a resource that is Ready must be looked at again sooner than the periodic requeue (a rollout's hold time
   * ending). Empty (the default): at the requeue.
   */
  default Optional<java.time.Duration> recheckWhileReady(R resource) {
    return Optional.empty();
  }

  /**
   * Asks whether a change recorded in {@code status.pending} took effect (a Route 53 change ID now INSYNC, a Job
   * that completed). Reads only. The default says done, for kinds whose changes all take effect at once.
   */
  default PendingState poll(R resource, G gateway, PendingChange pending) {
    return PendingState.DONE;
  }

  /**
   * The kind's own conditions, set on every path: {@code observed} is empty when the reconcile failed before it
   * could observe, and {@code failure} says why a reconcile failed. Say {@code Unknown} when you cannot tell.
   */
  default List<DetailCondition> details(R resource, Optional<O> observed, Optional<Failure> failure) {
    return List.of();
  }

  /**
   * The kind's ports' own failure rules, consulted before the shared classifier: which errors of its services
   * are terminal (Stalled until the spec changes) and which are worth retrying. Empty: the shared rules decide.
   */
  default Optional<Failure> classify(Throwable error) {
    return Optional.empty();
  }

  /**
   * Whether a multi-step process (a phase machine) is under way: every reconcile then observes in full, and one
   * phase is entered per reconcile (see {@link dev.kaizen.operator.core.StatusCommit}).
   */
  default boolean inProgress(R resource) {
    return false;
  }

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
