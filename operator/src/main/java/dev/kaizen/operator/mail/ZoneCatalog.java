package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.listing.ListingSource;
import dev.kaizen.operator.core.listing.Page;
import dev.kaizen.operator.core.listing.SharedListing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What every MailRoute of one account sees of its hosted zones: one paginated ListResourceRecordSets per zone in use,
 * shared by every MailRoute in it and refreshed in the background by the {@link ListingRefresher} (Route 53's quota
 * is the account's, shared with external-dns: one pass per zone instead of reads per resource per resync). A light
 * observe reads the record sets at each name it manages from it; a full observe reads the domain's subtree directly
 * and remembers the answers until a newer listing page.
 */
final class ZoneCatalog {
  /** A record set of one zone, keyed {@code <zone id> <name>}. */
  record ZoneRecord(String zoneId, RecordSet set) {}

  private final DnsGateway dns;
  private final Map<String, Set<String>> zonesInUse = new ConcurrentHashMap<>();
  private final SharedListing<String, ZoneRecord> records;

  ZoneCatalog(DnsGateway dns, ListingRefresher refresher, String scope) {
    this.dns = dns;
    this.records = refresher.listing(scope, new ZoneListing());
  }

  /** The record sets at each of {@code names}, from the shared listing (light) or read directly (full). */
  @SuppressWarnings("unchecked")
  Map<String, List<RecordSet>> recordsAt(String zoneId, String domain, Set<String> names, boolean full,
      DnsGateway reader, String user) {
    zonesInUse.computeIfAbsent(zoneId, z -> ConcurrentHashMap.newKeySet()).add(user);
    if (full) {
      List<RecordSet> subtree = reader.subtree(zoneId, domain);
      return names.stream().collect(Collectors.toMap(name -> name, name -> records.read(key(zoneId, name),
          k -> at(subtree, zoneId, name)).stream().map(ZoneRecord::set).toList()));
    }
    // Names we changed are read directly: one read of the domain's subtree serves them all (reading each name on its
    // own would cost a call per name, more than Route 53's bucket holds for one reconcile).
    List<RecordSet>[] subtree = new List[1];
    return names.stream().collect(Collectors.toMap(name -> name, name -> records.get(key(zoneId, name), k -> {
      if (subtree[0] == null) {
        subtree[0] = reader.subtree(zoneId, domain);
      }
      return at(subtree[0], zoneId, name);
    }).stream().map(ZoneRecord::set).toList()));
  }

  /** Names we just changed are read directly next time, not from a listing page read before the change. */
  void changed(String zoneId, Set<String> names) {
    names.forEach(name -> records.invalidate(key(zoneId, name)));
  }

  /** The resource no longer reads this zone; the zone's listing stops when nobody does. */
  void forget(String zoneId, String user) {
    Optional.ofNullable(zonesInUse.get(zoneId)).ifPresent(users -> {
      users.remove(user);
      if (users.isEmpty()) {
        zonesInUse.remove(zoneId);
      }
    });
  }

  Optional<String> behind() {
    return records.behind();
  }

  private static List<ZoneRecord> at(List<RecordSet> sets, String zoneId, String name) {
    return sets.stream().filter(set -> set.name().equals(name)).map(set -> new ZoneRecord(zoneId, set)).toList();
  }

  private static String key(String zoneId, String name) {
    return zoneId + " " + name;
  }

  /** ListResourceRecordSets of each zone in use, 300 record sets a page. */
  private final class ZoneListing implements ListingSource<String, ZoneRecord> {
    @Override
    public String service() {
      return Route53DnsGateway.SERVICE;
    }

    @Override
    public String operation() {
      return "ListResourceRecordSets";
    }

    @Override
    public Set<String> queries() {
      return Set.copyOf(zonesInUse.keySet());
    }

    @Override
    public Page<ZoneRecord> page(String zoneId, String token) {
      Page<RecordSet> page = dns.page(zoneId, token);
      return new Page<>(page.items().stream().map(set -> new ZoneRecord(zoneId, set)).toList(), page.nextToken());
    }

    @Override
    public String keyOf(ZoneRecord item) {
      return key(item.zoneId(), item.set().name());
    }

    @Override
    public boolean covers(String zoneId, String key) {
      return key.startsWith(zoneId + " ");
    }
  }
}
