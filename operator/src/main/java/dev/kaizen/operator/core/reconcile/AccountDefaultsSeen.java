package dev.kaizen.operator.core.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account default tags each resource's last full observe was planned with. Tags are read only by a full observe,
 * so when an AwsAccount's {@code defaultTags} change (which wakes its bound resources), the next observe of each must
 * be full, or the new defaults would wait for the next periodic full observe. Kept in memory: after a restart the
 * first reconcile only records what it sees (a change made while the operator was down is applied at the next
 * periodic full observe).
 */
final class AccountDefaultsSeen {
  private final Map<String, Map<String, String>> byUid = new ConcurrentHashMap<>();

  /** Whether the defaults differ from those of this resource's last full observe; the first sight records them. */
  boolean changed(String uid, Map<String, String> defaults) {
    Map<String, String> seen = byUid.putIfAbsent(uid, defaults);
    return seen != null && !seen.equals(defaults);
  }

  /** A full observe planned with these defaults. */
  void observedInFull(String uid, Map<String, String> defaults) {
    byUid.put(uid, defaults);
  }

  void forget(String uid) {
    byUid.remove(uid);
  }
}
