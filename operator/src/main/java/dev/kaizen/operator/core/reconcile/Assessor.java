package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Assessment.Conflict;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Optional;

/** Observes a resource, judges ownership of its root object and plans; applies nothing. */
public final class Assessor<R extends CustomResource<? extends AwsResourceSpec, ? extends KaizenStatus>, O, G> {
  private final String kindName;
  private final AwsKind<R, O, G> kind;
  private final ClusterIdentity cluster;

  public Assessor(String kindName, AwsKind<R, O, G> kind, ClusterIdentity cluster) {
    this.kindName = kindName;
    this.kind = kind;
    this.cluster = cluster;
  }

  public Assessment<O, G> assess(R resource, G gateway, boolean full) {
    return judge(resource, kind.observe(resource, gateway, full));
  }

  /** Judges ownership and plans from an observation made elsewhere (e.g. of an empty account). */
  public Assessment<O, G> judge(R resource, O observed) {
    RootState root = kind.root(resource, observed);
    OwnerTags mine = ownerTags(resource);
    // A root seen only in the shared snapshot (tags not read) keeps the verdict of the last full observe.
    Ownership ownership = root.exists()
        ? root.tags().map(found -> Ownership.judge(found, mine, resource.getSpec().adoptRequested()))
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
    return new Assessment<>(observed, root, ownership, conflict, plan);
  }

  public OwnerTags ownerTags(R resource) {
    var metadata = resource.getMetadata();
    String uid = metadata.getUid() == null ? "(not yet created)" : metadata.getUid();
    return OwnerTags.of(cluster, metadata.getNamespace(), kindName, metadata.getName(), uid);
  }
}
