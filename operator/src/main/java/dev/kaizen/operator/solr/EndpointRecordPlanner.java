package dev.kaizen.operator.solr;

import static dev.kaizen.operator.core.Effect.CREATE;
import static dev.kaizen.operator.core.Effect.DELETE;
import static dev.kaizen.operator.core.Effect.UPDATE;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import dev.kaizen.operator.core.shared.Part;
import dev.kaizen.operator.core.shared.SharedEdit;
import dev.kaizen.operator.core.shared.TxtStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The pure planner of the live endpoint's Route 53 alias record: an A alias (and AAAA when the load balancer is
 * dualstack) to the load balancer's DNS name in its canonical hosted zone, evaluating target health, owned through
 * one value per type in the marker {@code _kaizen-owner.<name>} ({@link DnsOwnershipMarker}, part {@code A/alias}).
 *
 * <p>One Route 53 change batch per name: the marker first (our value written before the record it claims), then the
 * records; a record that differs (by hand, or adopted) is deleted exactly as read and created again in the same
 * atomic batch, never upserted over a value read before someone else's change. The loop has already stalled on a
 * record or marker at the name that is not ours (NameConflict / OwnedByOther), so what this plans is ours to write.
 */
public final class EndpointRecordPlanner {
  /** A Route 53 change the loop keeps in status.pending until it is INSYNC. */
  public static final String HANDLE = "route53:";
  static final long MARKER_TTL = 300;
  static final List<String> TYPES = List.of("A", "AAAA");

  private EndpointRecordPlanner() {}

  /**
   * One Route 53 change batch at one name, as planned (plain values, for tests and {@code kaizen plan}).
   *
   * @param awaited whether the loop waits for it to be INSYNC (a record made or repaired; not a removal)
   */
  public record RecordBatch(String zoneId, String name, dev.kaizen.operator.core.Effect effect, String reason,
      List<software.amazon.awssdk.services.route53.model.Change> changes, boolean awaited) {
    public RecordBatch {
      changes = List.copyOf(changes);
    }

    /** e.g. {@code CREATE A solr.example.com.} for each change, in order. */
    public List<String> describe() {
      return changes.stream().map(c -> c.actionAsString() + " " + c.resourceRecordSet().typeAsString() + " "
          + c.resourceRecordSet().name()).toList();
    }

    Change<SolrClusterPorts> toChange() {
      String target = display(name);
      return awaited
          ? Change.awaiting(effect, "ChangeResourceRecordSets", target, reason,
              p -> HANDLE + p.endpointRecords().change(zoneId, changes))
          : Change.of(effect, "ChangeResourceRecordSets", target, reason,
              p -> p.endpointRecords().change(zoneId, changes));
    }
  }

  /** The marker part of an alias type. */
  public static String part(String type) {
    return type + "/alias";
  }

  /** The owned object's key, e.g. {@code DNS A record solr.example.com}. */
  public static String key(String type, String name) {
    return "DNS " + type + " record " + display(name);
  }

  static String display(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** A, and AAAA when the load balancer answers on IPv6 too. */
  public static List<String> wantedTypes(LoadBalancing.ObservedLoadBalancer lb) {
    return lb.dualstack() ? TYPES : List.of("A");
  }

  /** Where the alias points: the load balancer's DNS name in its canonical zone, evaluating target health. */
  public static AliasTarget aliasTo(LoadBalancing.ObservedLoadBalancer lb) {
    return AliasTarget.builder().hostedZoneId(lb.canonicalHostedZoneId()).dnsName(EndpointRecords.fqdn(lb.dnsName()))
        .evaluateTargetHealth(true).build();
  }

  /** Whether a record set is that alias (Route 53 returns the DNS name lower case with a final dot). */
  public static boolean pointsAt(ResourceRecordSet set, AliasTarget alias) {
    AliasTarget found = set.aliasTarget();
    return found != null && set.setIdentifier() == null
        && Objects.equals(found.hostedZoneId(), alias.hostedZoneId())
        && found.dnsName() != null && EndpointRecords.fqdn(found.dnsName()).equals(alias.dnsName())
        && Boolean.TRUE.equals(found.evaluateTargetHealth());
  }

  /**
   * The owner the marker names for an alias type, for the loop to judge: another owner's value wins over ours (so it
   * is judged FOREIGN, never a takeover); no value reads as no owner (unowned, or adopted).
   */
  public static OwnerTags ownerOf(ObservedEndpointRecord observed, String type, String myOwner) {
    List<DnsOwnershipMarker> forPart = observed.markerValues().stream().map(TxtStrings::decode)
        .map(DnsOwnershipMarker::parse).flatMap(Optional::stream).filter(m -> m.part().equals(part(type))).toList();
    return forPart.stream().filter(m -> !m.owner().equals(myOwner)).findFirst()
        .or(() -> forPart.stream().findFirst())
        .map(m -> new OwnerTags(m.cluster(), m.owner(), m.uid()))
        .orElse(new OwnerTags(null, null, null));
  }

  /** Whether the marker holds a value for the type, of any owner. */
  public static boolean marked(ObservedEndpointRecord observed, String type) {
    return observed.markerValues().stream().map(TxtStrings::decode).map(DnsOwnershipMarker::parse)
        .flatMap(Optional::stream).anyMatch(m -> m.part().equals(part(type)));
  }

  /** Whether the marker holds our value for the type (this owner, this cluster or one it took over from). */
  static boolean markedOurs(ObservedEndpointRecord observed, String type, OwnerTags mine) {
    Ownership verdict = DnsOwnershipMarker.judge(observed.markerValues(), DnsOwnershipMarker.of(mine, part(type)),
        new ClusterIdentity(mine.cluster()), false);
    return verdict == Ownership.OWNED || verdict == Ownership.REATTACH || verdict == Ownership.TAKE_OVER;
  }

  /**
   * The changes that make the endpoint right: the record at spec.dns's name pointing at the load balancer (once the
   * load balancer exists), the operator's records at a former name removed.
   */
  public static List<Change<SolrClusterPorts>> plan(EndpointRecordObservation observed,
      Optional<LoadBalancing.ObservedLoadBalancer> lb, OwnerTags mine) {
    return batches(observed, lb, mine).stream().map(RecordBatch::toChange).toList();
  }

  /** {@link #plan} as plain batches. */
  public static List<RecordBatch> batches(EndpointRecordObservation observed,
      Optional<LoadBalancing.ObservedLoadBalancer> lb, OwnerTags mine) {
    List<RecordBatch> changes = new ArrayList<>();
    observed.former().flatMap(former -> removal(former, mine, "no longer spec.dns.recordName"))
        .ifPresent(changes::add);
    if (observed.current().isEmpty() || lb.isEmpty() || lb.get().canonicalHostedZoneId() == null) {
      return changes; // the record is planned once the load balancer (its target) exists
    }
    ObservedEndpointRecord current = observed.current().get();
    AliasTarget alias = aliasTo(lb.get());
    List<String> wanted = wantedTypes(lb.get());
    ClusterIdentity identity = new ClusterIdentity(mine.cluster());
    Optional<List<String>> marker = current.marker().map(set -> current.markerValues());
    List<software.amazon.awssdk.services.route53.model.Change> records = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (String type : TYPES) {
      Optional<ResourceRecordSet> found = current.record(type);
      if (wanted.contains(type)) {
        marker = apply(marker, DnsOwnershipMarker.edit(marker, DnsOwnershipMarker.of(mine, part(type)), identity,
            true));
        if (found.isPresent() && pointsAt(found.get(), alias)) {
          continue;
        }
        found.ifPresent(set -> records.add(change(ChangeAction.DELETE, set)));
        records.add(change(ChangeAction.CREATE, ResourceRecordSet.builder().name(current.name()).type(type)
            .aliasTarget(alias).build()));
        why.add(type + " alias " + (found.isEmpty() ? "absent" : "points elsewhere") + " -> "
            + display(alias.dnsName()));
      } else if (markedOurs(current, type, mine)) {
        found.ifPresent(set -> records.add(change(ChangeAction.DELETE, set)));
        marker = apply(marker, DnsOwnershipMarker.edit(marker, DnsOwnershipMarker.of(mine, part(type)), identity,
            false));
        why.add(type + " alias no longer wanted (the load balancer is not dualstack)");
      }
    }
    List<software.amazon.awssdk.services.route53.model.Change> batch = markerChanges(current, marker);
    if (!batch.isEmpty()) {
      why.add(0, "ownership marker " + (current.marker().isEmpty() ? "absent" : "lacks our value"));
    }
    batch.addAll(records);
    if (batch.isEmpty()) {
      return changes;
    }
    boolean creates = current.record("A").isEmpty();
    changes.add(new RecordBatch(current.zoneId(), current.name(), creates ? CREATE : UPDATE, String.join("; ", why),
        batch, true));
    return changes;
  }

  /**
   * Deletion (policy Delete): the alias records the loop judged deletable (ours) and our marker values go; the owner
   * is the one the marker names (deletion has no other view of it).
   */
  public static List<Change<SolrClusterPorts>> deletion(EndpointRecordObservation observed,
      dev.kaizen.operator.core.reconcile.Verdicts verdicts) {
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    for (ObservedEndpointRecord at : java.util.stream.Stream.of(observed.current(), observed.former())
        .flatMap(Optional::stream).toList()) {
      verdicts.objects().stream()
          .filter(o -> TYPES.stream().anyMatch(type -> o.key().equals(key(type, at.name()))))
          .filter(o -> o.exists() && verdicts.deletable(o.key()))
          .flatMap(o -> o.marker().stream()).filter(m -> m.owner() != null).findFirst()
          .flatMap(mine -> removal(at, mine, "deletionPolicy is Delete")).map(RecordBatch::toChange)
          .ifPresent(changes::add);
    }
    return changes;
  }

  /** Removes every alias type the marker says is ours, and our marker values; nothing of anyone else's. */
  static Optional<RecordBatch> removal(ObservedEndpointRecord observed, OwnerTags mine, String reason) {
    ClusterIdentity identity = new ClusterIdentity(mine.cluster());
    Optional<List<String>> marker = observed.marker().map(set -> observed.markerValues());
    List<software.amazon.awssdk.services.route53.model.Change> records = new ArrayList<>();
    for (String type : TYPES) {
      if (markedOurs(observed, type, mine)) {
        observed.record(type).ifPresent(set -> records.add(change(ChangeAction.DELETE, set)));
        marker = apply(marker, DnsOwnershipMarker.edit(marker, DnsOwnershipMarker.of(mine, part(type)), identity,
            false));
      }
    }
    // Records first, then the marker that claimed them: a failure in between never leaves a record nobody claims.
    List<software.amazon.awssdk.services.route53.model.Change> batch = new ArrayList<>(records);
    batch.addAll(markerChanges(observed, marker));
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RecordBatch(observed.zoneId(), observed.name(), DELETE, reason
        + ": delete our alias records and marker value", batch, false));
  }

  /** The marker values after an edit: empty when the marker record goes. */
  private static Optional<List<String>> apply(Optional<List<String>> values, SharedEdit<String> edit) {
    if (edit instanceof SharedEdit.Create<String> create) {
      return Optional.of(create.parts().stream().map(Part::value).toList());
    }
    if (edit instanceof SharedEdit.Update<String> update) {
      return Optional.of(update.parts().stream().map(Part::value).toList());
    }
    return edit instanceof SharedEdit.Delete ? Optional.empty() : values;
  }

  /** The marker record from what was read to {@code values}: delete exactly as read, create anew. */
  private static List<software.amazon.awssdk.services.route53.model.Change> markerChanges(
      ObservedEndpointRecord observed, Optional<List<String>> values) {
    List<String> before = observed.markerValues();
    List<String> after = values.orElse(List.of());
    List<software.amazon.awssdk.services.route53.model.Change> changes = new ArrayList<>();
    if (before.equals(after)) {
      return changes;
    }
    observed.marker().ifPresent(set -> changes.add(change(ChangeAction.DELETE, set)));
    if (!after.isEmpty()) {
      long ttl = observed.marker().map(ResourceRecordSet::ttl).orElse(MARKER_TTL);
      changes.add(change(ChangeAction.CREATE, ResourceRecordSet.builder()
          .name(EndpointRecords.fqdn(DnsOwnershipMarker.recordName(observed.name()))).type("TXT").ttl(ttl)
          .resourceRecords(after.stream().map(v -> ResourceRecord.builder().value(v).build()).toList()).build()));
    }
    return changes;
  }

  private static software.amazon.awssdk.services.route53.model.Change change(ChangeAction action,
      ResourceRecordSet set) {
    return software.amazon.awssdk.services.route53.model.Change.builder().action(action).resourceRecordSet(set)
        .build();
  }
}
