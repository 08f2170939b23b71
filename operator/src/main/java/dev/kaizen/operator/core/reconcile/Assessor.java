package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Assessment.Conflict;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Objects;
import java.util.Optional;

/**
 * Observes a resource, judges ownership of its root object and plans; applies nothing.
 *
 * <p>A light observe never decides ownership (DESIGN.md, "The kind contract"): it is used only when the verdict of
 * the last full observe, kept in {@code status.ownership}, says the root was ours or absent, and only while the
 * root it sees is that same object. Anything else is observed in full first.
 */
public final class Assessor<R extends CustomResource<? extends AwsResourceSpec, ? extends KaizenStatus>, O, G> {
  private final String kindName;
  private final AwsKind<R, O, G> kind;
  private final ClusterIdentity cluster;

  public Assessor(String kindName, AwsKind<R, O, G> kind, ClusterIdentity cluster) {
    this.kindName = kindName;
    this.kind = kind;
    this.cluster = cluster;
  }

  /**
   * Observes (light when {@code full} is false and the kept verdict allows it) and judges.
   *
   * @param recorded the verdict of the last full observe, from status; null when there was none
   */
  public Assessment<O, G> assess(R resource, G gateway, boolean full, OwnershipStatus recorded) {
    boolean observeInFull = full || recorded == null || !recorded.settled();
    O observed = kind.observe(resource, gateway, observeInFull);
    if (!observeInFull && !sameRoot(kind.root(resource, observed), recorded)) {
      // The root changed since the last full observe (deleted and recreated by someone, say): read its markers.
      observeInFull = true;
      observed = kind.observe(resource, gateway, true);
    }
    return judge(resource, observed, observeInFull);
  }

  /** Judges ownership and plans from an observation made elsewhere (e.g. in full by {@code kaizen plan}). */
  public Assessment<O, G> judge(R resource, O observed) {
    return judge(resource, observed, kind.root(resource, observed).tags().isPresent());
  }

  private Assessment<O, G> judge(R resource, O observed, boolean full) {
    RootState root = kind.root(resource, observed);
    OwnerTags mine = ownerTags(resource);
    // Without tags (a light observe) the root is the one a full observe found OWNED: assess() made sure of it.
    Ownership ownership = root.exists()
        ? root.tags().map(found -> Ownership.judge(found, mine, resource.getSpec().adoptRequested(), cluster))
            .orElse(Ownership.OWNED)
        : Ownership.OWNED;
    Optional<Conflict> conflict = switch (ownership) {
      case UNOWNED -> Optional.of(new Conflict(Reasons.NAME_CONFLICT, "The " + root.description()
          + " already exists and carries no kaizen.dev owner tags: set spec.adopt: true to take it over, or"
          + " choose another name."));
      case FOREIGN -> Optional.of(new Conflict(Reasons.OWNED_BY_OTHER, "The " + root.description()
          + " belongs to " + root.tags().orElseThrow().owner() + " of cluster " + root.tags().orElseThrow().cluster()
          + " and is never taken over: choose another name."));
      default -> Optional.empty();
    };
    Plan<G> plan = conflict.isPresent() ? Plan.empty() : kind.plan(resource, observed, ownership, mine);
    return new Assessment<>(observed, root, ownership, conflict, plan, full);
  }

  /** Whether a light observe still sees the root the last full observe judged. */
  private static boolean sameRoot(RootState root, OwnershipStatus recorded) {
    if (!root.exists()) {
      return true; // gone (or never created): creating it makes it ours, and a create never overwrites
    }
    return OwnershipStatus.OWNED.equals(recorded.getVerdict()) && root.identity().isPresent()
        && Objects.equals(root.identity().get(), recorded.getRoot());
  }

  public OwnerTags ownerTags(R resource) {
    var metadata = resource.getMetadata();
    String uid = metadata.getUid() == null ? "(not yet created)" : metadata.getUid();
    return OwnerTags.of(cluster, metadata.getNamespace(), kindName, metadata.getName(), uid);
  }

  public ClusterIdentity cluster() {
    return cluster;
  }
}
