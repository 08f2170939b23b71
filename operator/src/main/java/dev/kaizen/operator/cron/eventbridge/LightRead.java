package dev.kaizen.operator.cron.eventbridge;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The group and schedules one reconcile's light observe read, handed once to the full observe the loop makes right
 * after it in the same reconcile (when an object changed since the last full observe). Reading them again would ask
 * Scheduler's per-operation buckets for a second token within one attempt; on a bucket many sets share, the herd
 * takes it between the two reads, the attempt is refused and retried whole, and the set never gets through (measured:
 * 9 of 15 sets held back for minutes at a tenth of the quota). Scoped to one reconcile's ports, so nothing read before
 * a change is ever taken for what AWS holds after it.
 */
public final class LightRead {
  /** A group as read: absent, or present with its schedules by name. */
  record GroupRead(String groupName, Optional<ObservedGroup> group, Map<String, ScheduleDefinition> schedules) {}

  private final AtomicReference<GroupRead> kept = new AtomicReference<>();

  void keep(GroupRead read) {
    kept.set(read);
  }

  /** The read kept for this group, once: a later observe in the same reconcile reads AWS again. */
  Optional<GroupRead> take(String groupName) {
    GroupRead read = kept.getAndSet(null);
    return Optional.ofNullable(read).filter(r -> r.groupName().equals(groupName));
  }
}
