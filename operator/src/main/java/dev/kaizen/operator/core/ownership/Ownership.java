package dev.kaizen.operator.core.ownership;

/** What the operator may do with an existing AWS object, judged from its tags (DESIGN.md, "Ownership"). */
public enum Ownership {
  /** Ours: same cluster, owner and uid. */
  OWNED,
  /** Ours from a previous life: same cluster and owner, another uid (deleted with Retain and created again). */
  REATTACH,
  /**
   * Ours under a previous identity of this installation (a rebuilt cluster started with {@code --take-over-from}):
   * same owner, re-tagged with the current cluster identity.
   */
  TAKE_OVER,
  /** No owner tags and the resource says {@code adopt: true}: take it over by tagging it. */
  ADOPT,
  /** No owner tags and no {@code adopt: true}: leave it alone, Stalled {@code NameConflict}. */
  UNOWNED,
  /** Tagged by another resource or another cluster: never touched. */
  FOREIGN;

  /** Judges the tags found on an existing object against the tags this resource would write. */
  public static Ownership judge(OwnerTags found, OwnerTags mine, boolean adopt) {
    return judge(found, mine, adopt, new ClusterIdentity(mine.cluster()));
  }

  /** As {@link #judge(OwnerTags, OwnerTags, boolean)}, also taking over from the cluster's previous identities. */
  public static Ownership judge(OwnerTags found, OwnerTags mine, boolean adopt, ClusterIdentity cluster) {
    if (found.cluster() == null && found.owner() == null) {
      return adopt ? ADOPT : UNOWNED;
    }
    if (!mine.owner().equals(found.owner())) {
      return FOREIGN;
    }
    if (cluster.isPrevious(found.cluster())) {
      return TAKE_OVER;
    }
    if (!mine.cluster().equals(found.cluster())) {
      return FOREIGN;
    }
    return mine.uid().equals(found.uid()) ? OWNED : REATTACH;
  }

  /** Whether the operator may change the object (after tagging it, for REATTACH, TAKE_OVER and ADOPT). */
  public boolean mayManage() {
    return this == OWNED || this == REATTACH || this == TAKE_OVER || this == ADOPT;
  }

  /** Whether the object carries someone else's (or an older) ownership marker that must be rewritten first. */
  public boolean retags() {
    return this == REATTACH || this == TAKE_OVER || this == ADOPT;
  }
}
