package dev.kaizen.operator.core.ownership;

/**
 * Who this operator installation is, written into every owned AWS object so that two clusters sharing an
 * account never take each other's objects. Default: the UID of the cluster's {@code kube-system} namespace.
 */
public record ClusterIdentity(String id) {
  public ClusterIdentity {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("cluster identity must not be blank");
    }
  }
}
