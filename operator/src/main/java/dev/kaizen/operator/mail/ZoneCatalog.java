package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.listing.ListingSource;
import dev.kaizen.operator.core.listing.Page;
import dev.kaizen.operator.core.listing.SharedListing;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the MailRoutes of one account see of their hosted zones: a shared listing refreshed in the background by the
 * {@link ListingRefresher}, with one query per zone in use: the names every MailRoute manages there (its records and
 * their ownership markers). A pass reads only those: Route 53 lists names in {@link ZoneOrder}, so the query starts
 * at the first name and skips past others' records to the next wanted one. A zone of thousands of others' records
 * costs a MailRoute one to three pages per pass instead of the whole zone; many MailRoutes in one zone share the pages
 * (never more than the zone's own page count plus one per skip). A light observe reads the listing; a full observe,
 * and names we just changed, read the route's own names directly the same way, remembered until a newer listing page.
 */
final class ZoneCatalog {
  /** A record set of one zone, keyed {@code <zone id> <name>}. */
  record ZoneRecord(String zoneId, RecordSet set) {}

  /** One MailRoute's names in one zone, as a listing query ({@code <zone id> <name> <name>...}). */
  private record NamesQuery(String zoneId, NavigableSet<String> names) {
    static NamesQuery parse(String query) {
      String[] words = query.split(" ");
      return new NamesQuery(words[0], ZoneOrder.sorted(Arrays.asList(words).subList(1, words.length)));
    }

    String text() {
      return zoneId + " " + String.join(" ", names);
    }
  }

  private final DnsGateway dns;
  /** Each MailRoute's zone and names (by uid), replaced when its names change (DKIM tokens appear). */
  private final Map<String, NamesQuery> namesByUser = new ConcurrentHashMap<>();
  private final Map<String, NamesQuery> parsed = new ConcurrentHashMap<>();
  private final SharedListing<String, ZoneRecord> records;

  ZoneCatalog(DnsGateway dns, ListingRefresher refresher, String scope) {
    this.dns = dns;
    this.records = refresher.listing(scope, new ZoneListing());
  }

  /** The record sets at each of {@code names}, from the shared listing (light) or read directly (full). */
  Map<String, List<RecordSet>> recordsAt(String zoneId, Set<String> names, boolean full, DnsGateway reader,
      String user) {
    NamesQuery query = new NamesQuery(zoneId, ZoneOrder.sorted(names));
    namesByUser.put(user, query);
    if (full) {
      List<RecordSet> read = reader.read(zoneId, query.names());
      return names.stream().collect(Collectors.toMap(name -> name, name -> records.read(key(zoneId, name),
          k -> at(read, zoneId, name)).stream().map(ZoneRecord::set).toList()));
    }
    // Names we changed are read directly: one read of all our names serves them all (reading each name on its own
    // would cost a call per name, more than Route 53's bucket holds for one reconcile).
    @SuppressWarnings("unchecked")
    List<RecordSet>[] read = new List[1];
    return names.stream().collect(Collectors.toMap(name -> name, name -> records.get(key(zoneId, name), k -> {
      if (read[0] == null) {
        read[0] = reader.read(zoneId, query.names());
      }
      return at(read[0], zoneId, name);
    }).stream().map(ZoneRecord::set).toList()));
  }

  /** Names we just changed are read directly next time, not from a listing page read before the change. */
  void changed(String zoneId, Set<String> names) {
    names.forEach(name -> records.invalidate(key(zoneId, name)));
  }

  /** The resource no longer reads its zone; its names leave the listing. */
  void forget(String user) {
    namesByUser.remove(user);
  }

  Optional<String> behind() {
    return records.behind();
  }

  private NamesQuery query(String text) {
    return parsed.computeIfAbsent(text, NamesQuery::parse);
  }

  private static List<ZoneRecord> at(List<RecordSet> sets, String zoneId, String name) {
    String fqdn = RecordSet.fqdn(name);
    return sets.stream().filter(set -> set.name().equals(fqdn)).map(set -> new ZoneRecord(zoneId, set)).toList();
  }

  private static String key(String zoneId, String name) {
    return zoneId + " " + RecordSet.fqdn(name);
  }

  /** ListResourceRecordSets of the MailRoutes' names in each zone, 300 record sets a page, skipping others' records. */
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
      // One query per zone: the union of its routes' names. A route whose names change changes its zone's query,
      // which a pass then lists; until then the previous one still covers every name it held.
      Map<String, java.util.NavigableSet<String>> byZone = new java.util.HashMap<>();
      namesByUser.values().forEach(route -> byZone.computeIfAbsent(route.zoneId(),
          zone -> new java.util.TreeSet<>(ZoneOrder.NAMES)).addAll(route.names()));
      Map<String, NamesQuery> current = new java.util.HashMap<>();
      byZone.forEach((zone, names) -> {
        NamesQuery query = new NamesQuery(zone, names);
        current.put(query.text(), query);
      });
      parsed.keySet().retainAll(current.keySet()); // an older query still listed is parsed again on demand
      parsed.putAll(current);
      return Set.copyOf(current.keySet());
    }

    @Override
    public Page<ZoneRecord> page(String text, String token) {
      NamesQuery query = query(text);
      Page<RecordSet> page = dns.page(query.zoneId(), query.names(), token);
      return new Page<>(page.items().stream().map(set -> new ZoneRecord(query.zoneId(), set)).toList(),
          page.nextToken());
    }

    @Override
    public String keyOf(ZoneRecord item) {
      return key(item.zoneId(), item.set().name());
    }

    @Override
    public boolean covers(String text, String key) {
      NamesQuery query = query(text);
      return key.startsWith(query.zoneId() + " ") && query.names().contains(key.substring(query.zoneId().length() + 1));
    }
  }
}
