package dev.kaizen.operator.solr;

import dev.kaizen.operator.core.ownership.OwnerTags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the SolrClusters of one account and region read while at rest, instead of their ten objects each: every Auto
 * Scaling group carrying our owner tag key (one DescribeAutoScalingGroups page per 100 groups, AWS filtering by tag),
 * every launch template carrying it (one DescribeLaunchTemplates page per 200: its latest version number and tags)
 * and the listeners every cluster last saw in full (one DescribeListeners per 20 ARNs); and, per hosted zone, the
 * endpoint records (spec.dns) of every cluster in it, a page of the zone per stretch of their names (Route 53's
 * ListResourceRecordSets, from one account-wide bucket shared with MailRoute and external-dns). Read by the first reconcile
 * that finds the snapshot older than {@code freshFor} (a quarter of the resync, as the shared listings), then shared:
 * at the default resync that is at most eight calls per account and region an hour per 100 clusters, whatever their
 * number below that.
 *
 * <p>Read by a reconcile rather than by the listing refresher: a snapshot is one or two calls for up to 100 clusters,
 * so no reconcile waits long on it, and a cluster whose last full observe is unknown observes in full anyway.
 */
final class RestingReads {
  /** One read of the groups, the launch templates and the listeners, and which listener ARNs it asked for. */
  record Snapshot(Instant at, Map<String, ScalingGroups.Observed> groups, Map<String, LaunchTemplates.Listed> templates,
      Optional<Map<String, LoadBalancing.ObservedListener>> listeners, Set<String> listenerArnsRead) {

    /** Whether the snapshot says something of every one of {@code arns}. */
    boolean covers(Collection<String> arns) {
      return listenerArnsRead.containsAll(arns);
    }
  }

  private final Clock clock;
  private final Duration freshFor;
  /** The listener ARNs each cluster (by uid) saw in its last full observe: what the next snapshot asks for. */
  private final Map<String, Set<String>> listenersByCluster = new ConcurrentHashMap<>();
  private Snapshot snapshot;
  /** Each cluster's endpoint record name (by uid) and its zone: what the next records snapshot of that zone reads. */
  private final Map<String, Map.Entry<String, String>> recordByCluster = new ConcurrentHashMap<>();
  /** Per zone: when read, and the records at each name read. */
  private final Map<String, Records> records = new ConcurrentHashMap<>();

  /** The endpoint records of one zone at one time. */
  record Records(Instant at, Map<String, ObservedEndpointRecord> byName) {}

  RestingReads(Clock clock, Duration freshFor) {
    this.clock = clock;
    this.freshFor = freshFor;
  }

  /** A full observe of a cluster saw these listeners: the snapshots from now on ask for them. */
  void remember(String uid, Collection<String> listenerArns) {
    listenersByCluster.put(uid, Set.copyOf(listenerArns));
  }

  /** The cluster is gone or changed: its listeners leave the snapshot (a deleted one would fail the batch). */
  void forget(String uid) {
    listenersByCluster.remove(uid);
    recordByCluster.remove(uid);
  }

  /** A full observe of a cluster read its endpoint record at {@code name} in {@code zoneId}. */
  void rememberRecord(String uid, String zoneId, String name) {
    recordByCluster.put(uid, Map.entry(zoneId, EndpointRecords.fqdn(name)));
  }

  /**
   * The record at {@code name} from the zone's snapshot, read again through {@code route53} (the caller's gateway)
   * with every remembered name of the zone when older than {@code freshFor} or without that name.
   */
  ObservedEndpointRecord record(String zoneId, String name, EndpointRecords route53) {
    String fqdn = EndpointRecords.fqdn(name);
    synchronized (records) {
      Records known = records.get(zoneId);
      Instant now = clock.instant();
      if (known == null || known.at().plus(freshFor).isBefore(now) || !known.byName().containsKey(fqdn)) {
        Set<String> names = new TreeSet<>(List.of(fqdn));
        recordByCluster.values().stream().filter(e -> e.getKey().equals(zoneId)).forEach(e -> names.add(e.getValue()));
        known = new Records(now, Map.copyOf(route53.readMany(zoneId, names)));
        records.put(zoneId, known);
      }
      return known.byName().get(fqdn);
    }
  }

  /**
   * The snapshot, read again through {@code groups} and {@code loadBalancing} (the caller's gateways, so the calls
   * queue with its reconcile) when older than {@code freshFor} or when it does not cover {@code wanted}.
   */
  synchronized Snapshot read(Collection<String> wanted, ScalingGroups groups, LaunchTemplates templates,
      LoadBalancing loadBalancing) {
    Instant now = clock.instant();
    if (snapshot != null && !snapshot.at().plus(freshFor).isBefore(now) && snapshot.covers(wanted)) {
      return snapshot;
    }
    Set<String> arns = new TreeSet<>(wanted);
    listenersByCluster.values().forEach(arns::addAll);
    if (refresh == null || refresh.startedAt.plus(freshFor).isBefore(now)) {
      refresh = new Refresh(now);
    }
    Map<String, ScalingGroups.Observed> found = refresh.groups(() -> groups.describeTagged(OwnerTags.OWNER));
    Map<String, LaunchTemplates.Listed> templatesFound = refresh.templates(
        () -> templates.describeTagged(OwnerTags.OWNER));
    Map<String, LoadBalancing.ObservedListener> listeners = new HashMap<>();
    boolean allFound = true;
    List<String> ordered = List.copyOf(arns);
    for (int from = 0; from < ordered.size(); from += LoadBalancing.LISTENERS_PER_CALL) {
      List<String> chunk = ordered.subList(from, Math.min(ordered.size(), from + LoadBalancing.LISTENERS_PER_CALL));
      Optional<List<LoadBalancing.ObservedListener>> read = refresh.chunks.computeIfAbsent(List.copyOf(chunk),
          loadBalancing::listenersByArn);
      read.ifPresent(list -> list.forEach(l -> listeners.putIfAbsent(l.arn(), l)));
      allFound &= read.isPresent();
    }
    snapshot = new Snapshot(refresh.startedAt, Map.copyOf(found), Map.copyOf(templatesFound),
        allFound ? Optional.of(Map.copyOf(listeners)) : Optional.empty(), Set.copyOf(arns));
    refresh = null;
    return snapshot;
  }

  /**
   * The calls of a snapshot being read, kept when one is refused part-way (our limiter or AWS): the next reader
   * goes on from there instead of starting over. With 90 clusters the listeners take 9 calls, and a refusal at the
   * eighth used to throw the seven answers away, every time the bucket was contended. Dropped when older than
   * {@code freshFor}; the snapshot is dated from its first call, so nothing in it is older than it says.
   */
  private Refresh refresh;

  private static final class Refresh {
    final Instant startedAt;
    final Map<List<String>, Optional<List<LoadBalancing.ObservedListener>>> chunks = new HashMap<>();
    Map<String, ScalingGroups.Observed> groups;
    Map<String, LaunchTemplates.Listed> templates;

    Refresh(Instant startedAt) {
      this.startedAt = startedAt;
    }

    Map<String, ScalingGroups.Observed> groups(Supplier<Map<String, ScalingGroups.Observed>> read) {
      if (groups == null) {
        groups = read.get();
      }
      return groups;
    }

    Map<String, LaunchTemplates.Listed> templates(Supplier<Map<String, LaunchTemplates.Listed>> read) {
      if (templates == null) {
        templates = read.get();
      }
      return templates;
    }
  }
}
