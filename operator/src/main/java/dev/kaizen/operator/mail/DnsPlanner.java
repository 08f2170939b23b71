package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import dev.kaizen.operator.core.shared.SharedEdit;
import dev.kaizen.operator.core.shared.TxtRecordValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Route 53 changes that make a zone hold a MailRoute's parts, and their ownership markers, and nothing else of
 * ours: pure. Record sets shared with others (a TXT record set with site verifications beside our SPF value) are
 * written with every other value byte-for-byte as read ({@link TxtRecordValues}); a record set is replaced by
 * deleting it exactly as read and creating the new one in the same atomic batch, so a concurrent change by someone
 * else makes the batch fail rather than be overwritten. Deletions come first in the batch.
 */
public final class DnsPlanner {
  private DnsPlanner() {}

  /**
   * @param parts what the resource manages, desired or to be removed
   * @param recordsAt the record sets observed at a name (every type)
   * @param verdict the loop's ownership verdict on a part, by {@link DnsPart#key()}
   * @throws MailRouteStalled when a TXT value of our kind belongs to someone else
   */
  public static List<RecordChange> plan(List<DnsPart> parts, Function<String, List<RecordSet>> recordsAt,
      Function<String, Ownership> verdict, OwnerTags mine) {
    ClusterIdentity cluster = new ClusterIdentity(mine.cluster());
    Map<String, Optional<RecordSet>> original = new LinkedHashMap<>();
    Map<String, Optional<RecordSet>> current = new LinkedHashMap<>();
    Function<String[], Optional<RecordSet>> read = nameType -> current.computeIfAbsent(nameType[0] + " " + nameType[1],
        key -> {
          Optional<RecordSet> found = recordsAt.apply(nameType[0]).stream()
              .filter(r -> r.name().equals(nameType[0]) && r.type().equals(nameType[1])).findFirst();
          original.put(key, found);
          return found;
        });
    for (DnsPart part : parts) {
      Ownership ownership = verdict.apply(part.key());
      Optional<RecordSet> set = read.apply(new String[] {part.name(), part.type()});
      boolean removing = part.value().isEmpty();
      if (removing ? !deletable(ownership) : !ownership.mayManage()) {
        continue; // not ours: the loop reports the conflict, and a removal leaves others' records alone
      }
      Optional<RecordSet> next;
      if (part.sharedTxt()) {
        TxtRecordValues.Outcome outcome = TxtRecordValues.edit(set.map(RecordSet::values), part.txtKind(), ownership,
            part.value());
        if (outcome.conflict().isPresent()) {
          throw new MailRouteStalled(MailRouteStalled.DNS_CONFLICT, "The TXT record " + RecordSet.display(part.name())
              + ": " + outcome.conflict().get());
        }
        next = apply(outcome.edit(), set, part);
      } else {
        next = part.value().map(value -> new RecordSet(part.name(), part.type(), part.ttl(), List.of(value)));
        if (removing && set.isEmpty()) {
          next = set;
        }
      }
      current.put(part.name() + " " + part.type(), next);
      String markerName = DnsMarkers.markerName(part.name());
      Optional<RecordSet> markerSet = read.apply(new String[] {markerName, "TXT"});
      SharedEdit<String> markerEdit = DnsOwnershipMarker.edit(markerSet.map(RecordSet::values),
          DnsOwnershipMarker.of(mine, part.part()), cluster, !removing);
      current.put(markerName + " TXT", apply(markerEdit, markerSet,
          new DnsPart(markerName, "TXT", part.part(), null, Optional.empty(), MailRecords.TTL)));
    }
    List<RecordChange> deletes = new ArrayList<>();
    List<RecordChange> creates = new ArrayList<>();
    for (Map.Entry<String, Optional<RecordSet>> entry : current.entrySet()) {
      Optional<RecordSet> before = original.get(entry.getKey());
      Optional<RecordSet> after = entry.getValue();
      if (sameContent(before, after)) {
        continue;
      }
      before.ifPresent(set -> deletes.add(RecordChange.delete(set)));
      after.ifPresent(set -> creates.add(RecordChange.create(set)));
    }
    List<RecordChange> batch = new ArrayList<>(deletes);
    batch.addAll(creates);
    return batch;
  }

  private static boolean deletable(Ownership ownership) {
    return ownership == Ownership.OWNED || ownership == Ownership.REATTACH || ownership == Ownership.TAKE_OVER;
  }

  private static Optional<RecordSet> apply(SharedEdit<String> edit, Optional<RecordSet> set, DnsPart part) {
    long ttl = set.map(RecordSet::ttl).orElse(part.ttl());
    if (edit instanceof SharedEdit.Create<String> || edit instanceof SharedEdit.Update<String>) {
      return Optional.of(new RecordSet(part.name(), "TXT", ttl, TxtRecordValues.values(edit)));
    }
    if (edit instanceof SharedEdit.Delete<String>) {
      return Optional.empty();
    }
    return set;
  }

  private static boolean sameContent(Optional<RecordSet> a, Optional<RecordSet> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().ttl() == b.get().ttl() && a.get().values().size() == b.get().values().size()
        && new HashSet<>(a.get().values()).equals(new HashSet<>(b.get().values()))
        && Objects.equals(a.get().type(), b.get().type());
  }
}
