package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53, as a SolrCluster's endpoint record uses it: find the hosted zone, read the record sets at one name and
 * its ownership marker, submit a change batch, follow it to INSYNC. Every call through {@link AwsCalls} on Route 53's
 * one account-wide bucket, queued for the reconcile's caller.
 */
public final class EndpointRecords {
  static final String SERVICE = "Route53";
  /** Record sets read per page from the name on: its few types, its marker, rarely names below it. */
  private static final int PAGE = 20;

  private final Route53Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;
  /**
   * Zone ids by zone name, found once per account: a zone's id never changes, and Route 53's one account-wide bucket
   * (shared with external-dns and MailRoute) is too small to look it up on every observe. Forgotten when a read
   * finds the zone gone.
   */
  private final Map<String, String> zoneIds;

  public EndpointRecords(Route53Client client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED, new java.util.concurrent.ConcurrentHashMap<>());
  }

  private EndpointRecords(Route53Client client, AwsCalls calls, AwsTarget target, AwsCaller caller,
      Map<String, String> zoneIds) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
    this.zoneIds = zoneIds;
  }

  public EndpointRecords forCaller(AwsCaller caller) {
    return new EndpointRecords(client, calls, target, caller, zoneIds);
  }

  /** {@code Example.com} -> {@code example.com.}: Route 53 names are case-insensitive and end with a dot. */
  public static String fqdn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  /** The id of the one hosted zone (public or private) of that name; a person must choose when there are several. */
  public String zoneId(String zoneName) {
    String fqdn = fqdn(zoneName);
    String known = zoneIds.get(fqdn);
    if (known != null) {
      return known;
    }
    List<HostedZone> zones = call("ListHostedZonesByName", () -> client.listHostedZonesByName(r -> r.dnsName(fqdn)
        .maxItems("10"))).hostedZones().stream().filter(zone -> fqdn(zone.name()).equals(fqdn)).toList();
    if (zones.isEmpty()) {
      throw new InvalidSpecException("The account has no Route 53 hosted zone named " + zoneName
          + " (spec.dns.hostedZoneName): create it, or name the zone by spec.dns.hostedZoneId.");
    }
    if (zones.size() > 1) {
      throw new InvalidSpecException("The account has " + zones.size() + " hosted zones named " + zoneName
          + " (public and private ones count alike): set spec.dns.hostedZoneId to say which one holds the record.");
    }
    String id = zones.get(0).id().replaceFirst("^/hostedzone/", "");
    zoneIds.put(fqdn, id);
    return id;
  }

  /** Forgets a zone found by name (it was deleted: a zone made again under that name has another id). */
  public void forgetZone(String zoneId) {
    zoneIds.values().remove(zoneId);
  }

  /**
   * The record sets at {@code name} (by type) and its marker {@code _kaizen-owner.<name>}, usually in one call: Route 53
   * lists a name's subtree together (labels reversed), and the marker is in it; pages are read on only while they stay
   * in the subtree.
   */
  public ObservedEndpointRecord read(String zoneId, String name) {
    String fqdn = fqdn(name);
    String markerName = fqdn(DnsOwnershipMarker.recordName(fqdn));
    Map<String, ResourceRecordSet> byType = new LinkedHashMap<>();
    ResourceRecordSet marker = null;
    String nextName = fqdn;
    String nextType = null;
    while (nextName != null) {
      String fromName = nextName;
      String fromType = nextType;
      ListResourceRecordSetsResponse page = call("ListResourceRecordSets", () -> client.listResourceRecordSets(r -> {
        r.hostedZoneId(zoneId).startRecordName(fromName).maxItems(String.valueOf(PAGE));
        if (fromType != null) {
          r.startRecordType(fromType);
        }
      }));
      nextName = Boolean.TRUE.equals(page.isTruncated()) ? page.nextRecordName() : null;
      nextType = page.nextRecordTypeAsString();
      for (ResourceRecordSet set : page.resourceRecordSets()) {
        String at = fqdn(set.name());
        if (!at.equals(fqdn) && !at.endsWith("." + fqdn)) {
          nextName = null; // past the subtree
          break;
        }
        if (set.setIdentifier() != null) {
          continue; // routing-policy record sets are never the endpoint's
        }
        if (at.equals(fqdn)) {
          byType.put(set.typeAsString(), set);
        } else if (at.equals(markerName) && "TXT".equals(set.typeAsString())) {
          marker = set;
        }
      }
    }
    return new ObservedEndpointRecord(zoneId, fqdn, byType, Optional.ofNullable(marker));
  }

  /** Record sets per page of a batched read: Route 53's largest page. */
  private static final int BATCH_PAGE = 300;

  /**
   * The record sets at each of {@code names} and their markers, as {@link #read} gives them, in as few calls as the
   * zone allows: a page of 300 from the first name not yet covered says everything about each name whose subtree it
   * holds from its start to a record past it. Names in one stretch of the zone (the SolrClusters of one zone, say)
   * share a page; a name whose subtree runs past a page is read on its own.
   */
  public Map<String, ObservedEndpointRecord> readMany(String zoneId, java.util.Collection<String> names) {
    java.util.TreeSet<String> pending = new java.util.TreeSet<>(ROUTE53_ORDER);
    names.forEach(name -> pending.add(fqdn(name)));
    Map<String, ObservedEndpointRecord> found = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      String start = pending.first();
      ListResourceRecordSetsResponse page = call("ListResourceRecordSets", () -> client.listResourceRecordSets(r -> r
          .hostedZoneId(zoneId).startRecordName(start).maxItems(String.valueOf(BATCH_PAGE))));
      List<ResourceRecordSet> sets = page.resourceRecordSets();
      boolean truncated = Boolean.TRUE.equals(page.isTruncated());
      for (String name : List.copyOf(pending)) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < sets.size(); i++) {
          String at = fqdn(sets.get(i).name());
          if (at.equals(name) || at.endsWith("." + name)) {
            first = first < 0 ? i : first;
            last = i;
          }
        }
        // Its subtree's start is in the page (the page starts there, or its own records are here: they come first)...
        boolean fromItsStart = name.equals(start) || first >= 0 && fqdn(sets.get(first).name()).equals(name);
        // ...and its end: a record past it, or the zone's end.
        boolean toItsEnd = !truncated || (last >= 0 ? last < sets.size() - 1 : name.equals(start) && !sets.isEmpty());
        if (fromItsStart && toItsEnd) {
          found.put(name, collect(zoneId, name, first < 0 ? List.of() : sets.subList(first, last + 1)));
          pending.remove(name);
        }
      }
      if (pending.remove(start)) {
        found.put(start, read(zoneId, start)); // more under it than one page holds
      }
    }
    return found;
  }

  /** The record sets of one name's subtree, as read: its own by type, and its marker. */
  private static ObservedEndpointRecord collect(String zoneId, String fqdn, List<ResourceRecordSet> subtree) {
    String markerName = fqdn(DnsOwnershipMarker.recordName(fqdn));
    Map<String, ResourceRecordSet> byType = new LinkedHashMap<>();
    ResourceRecordSet marker = null;
    for (ResourceRecordSet set : subtree) {
      String at = fqdn(set.name());
      if (set.setIdentifier() != null) {
        continue; // routing-policy record sets are never the endpoint's
      }
      if (at.equals(fqdn)) {
        byType.put(set.typeAsString(), set);
      } else if (at.equals(markerName) && "TXT".equals(set.typeAsString())) {
        marker = set;
      }
    }
    return new ObservedEndpointRecord(zoneId, fqdn, byType, Optional.ofNullable(marker));
  }

  /**
   * Route 53's listing order, near enough: by labels from the right. Only the number of pages a batched read takes
   * depends on it; what it reports never does.
   */
  private static final java.util.Comparator<String> ROUTE53_ORDER = java.util.Comparator.comparing(
      (String name) -> {
        List<String> labels = new ArrayList<>(List.of(name.split("\\.")));
        java.util.Collections.reverse(labels);
        return String.join("\0", labels);
      });

  /** One atomic change batch; returns the change ID to follow. */
  public String change(String zoneId, List<Change> batch) {
    return call("ChangeResourceRecordSets", () -> client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
        .changeBatch(b -> b.comment("kaizen-operator SolrCluster endpoint").changes(new ArrayList<>(batch)))))
        .changeInfo().id();
  }

  /** Whether the change is INSYNC (served by every Route 53 name server). */
  public boolean inSync(String changeId) {
    return call("GetChange", () -> client.getChange(r -> r.id(changeId))).changeInfo().status() == ChangeStatus.INSYNC;
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
