package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.KaizenSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus;
import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus.ObjectOwnership;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Assessment.Conflict;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Observes a resource, judges the ownership of each object it owns and plans; applies nothing.
 *
 * <p>A light observe never decides ownership (DESIGN.md, "The kind contract"): it is used only when the verdicts of
 * the last full observe, kept in {@code status.ownership}, say every object was ours or absent, and only while each
 * object it sees is that same object. Anything else is observed in full first.
 */
public final class Assessor<R extends CustomResource<? extends KaizenSpec, ? extends KaizenStatus>, O, G> {
  private final String kindName;
  private final Kind<R, O, G> kind;
  private final ClusterIdentity cluster;

  public Assessor(String kindName, Kind<R, O, G> kind, ClusterIdentity cluster) {
    this.kindName = kindName;
    this.kind = kind;
    this.cluster = cluster;
  }

  /**
   * Observes (light when {@code full} is false and the kept verdicts allow it) and judges.
   *
   * @param recorded the verdicts of the last full observe, from status; null when there was none
   */
  public Assessment<O, G> assess(R resource, G gateway, boolean full, OwnershipStatus recorded) {
    boolean observeInFull = full || recorded == null || !recorded.settled();
    O observed = kind.observe(resource, gateway, observeInFull);
    if (!observeInFull && !sameObjects(kind.owned(resource, observed), recorded)) {
      // An object changed since the last full observe (deleted and recreated by someone, say): read its markers.
      observeInFull = true;
      observed = kind.observe(resource, gateway, true);
    }
    return judge(resource, observed, observeInFull);
  }

  /** Judges ownership and plans from an observation made elsewhere (e.g. in full by {@code kaizen plan}). */
  public Assessment<O, G> judge(R resource, O observed) {
    List<OwnedObject> objects = kind.owned(resource, observed);
    return judge(resource, observed, objects.stream().allMatch(o -> !o.exists() || o.marker().isPresent()));
  }

  private Assessment<O, G> judge(R resource, O observed, boolean full) {
    List<OwnedObject> objects = kind.owned(resource, observed);
    if (objects.isEmpty()) {
      throw new IllegalStateException(kindName + " lists no owned object: the root comes first");
    }
    Verdicts verdicts = verdicts(resource, objects);
    List<String> conflicts = new ArrayList<>();
    String reason = null;
    for (OwnedObject object : objects) {
      Ownership ownership = verdicts.of(object.key());
      Optional<String> sentence = conflictSentence(object, ownership);
      if (sentence.isPresent()) {
        reason = reason != null ? reason : ownership == Ownership.UNOWNED ? Reasons.NAME_CONFLICT
            : Reasons.OWNED_BY_OTHER;
        conflicts.add(sentence.get());
      }
    }
    Optional<Conflict> conflict = conflicts.isEmpty() ? Optional.empty()
        : Optional.of(new Conflict(reason, String.join(" ", conflicts)));
    Plan<G> plan = conflict.isPresent() ? Plan.empty() : kind.plan(resource, observed, verdicts, ownerTags(resource));
    return new Assessment<>(observed, objects, verdicts, conflict, plan, full);
  }

  /** Judges each object on its own marker; an object seen without its marker is one a full observe found ours. */
  public Verdicts verdicts(R resource, List<OwnedObject> objects) {
    return verdicts(resource, objects, resource.getSpec().adoptRequested());
  }

  /** As {@link #verdicts(CustomResource, List)}; {@code adopt} false for deletion, which never adopts. */
  public Verdicts verdicts(R resource, List<OwnedObject> objects, boolean adopt) {
    OwnerTags mine = ownerTags(resource);
    Map<String, Ownership> byKey = new LinkedHashMap<>();
    for (OwnedObject object : objects) {
      // Without a marker (a light observe) the object is the one a full observe found OWNED: assess() made sure.
      Ownership ownership = object.exists()
          ? object.marker().map(found -> Ownership.judge(found, mine, adopt, cluster))
              .orElse(Ownership.OWNED)
          : Ownership.OWNED;
      byKey.put(object.key(), ownership);
    }
    return new Verdicts(byKey, objects);
  }

  private static Optional<String> conflictSentence(OwnedObject object, Ownership ownership) {
    return switch (ownership) {
      case UNOWNED -> Optional.of("The " + object.description() + " already exists and carries no kaizen.dev owner"
          + " marker: set spec.adopt: true to take it over, or choose another name.");
      case FOREIGN -> Optional.of("The " + object.description() + " belongs to " + object.marker().orElseThrow().owner()
          + " of cluster " + object.marker().orElseThrow().cluster() + " and is never taken over: choose another name.");
      default -> Optional.empty();
    };
  }

  /** Whether a light observe still sees, for every object, the one the last full observe judged. */
  private static boolean sameObjects(List<OwnedObject> objects, OwnershipStatus recorded) {
    for (int i = 0; i < objects.size(); i++) {
      OwnedObject object = objects.get(i);
      if (!object.exists()) {
        continue; // gone (or never created): creating it makes it ours, and a create never overwrites
      }
      Optional<ObjectOwnership> kept = recorded.object(object.key());
      String verdict = kept.map(ObjectOwnership::getVerdict).orElse(i == 0 ? recorded.getVerdict() : null);
      String identity = kept.map(ObjectOwnership::getIdentity).orElse(i == 0 ? recorded.getRoot() : null);
      if (!OwnershipStatus.OWNED.equals(verdict) || !Objects.equals(object.identity().orElse(null), identity)) {
        return false;
      }
    }
    return true;
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
