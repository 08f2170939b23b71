package dev.kaizen.operator.core.ownership;

import java.util.Set;

/**
 * Who this operator installation is, written into every owned AWS object so that two clusters sharing an
 * account never take each other's objects. Set once at install ({@code --cluster-id}, from the kustomization);
 * without it, the UID of the cluster's {@code kube-system} namespace, which a rebuilt cluster does not keep.
 *
 * @param id the identity written into {@code kaizen.dev/cluster}
 * @param previous earlier identities of this same installation ({@code --take-over-from}): objects tagged with
 *     one of them and the same owner are taken over and re-tagged, never treated as another cluster's
 */
public record ClusterIdentity(String id, Set<String> previous) {
  public ClusterIdentity {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("cluster identity must not be blank");
    }
    previous = Set.copyOf(previous);
    if (previous.contains(id)) {
      throw new IllegalArgumentException("the cluster identity to take over from must differ from " + id);
    }
  }

  public ClusterIdentity(String id) {
    this(id, Set.of());
  }

  public boolean isPrevious(String cluster) {
    return cluster != null && previous.contains(cluster);
  }
}
