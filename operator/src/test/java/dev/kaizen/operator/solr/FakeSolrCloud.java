package dev.kaizen.operator.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrException.ErrorCode;

/**
 * A fake SolrCloud (one colour) for the operator tests, held to the same contract as the real cluster
 * ({@link SolrAdminContract}). Its live nodes come from a supplier (the operator tests derive them from the healthy
 * targets of the colour's target group, so nodes appear as instances do); replicas are placed on the least loaded
 * nodes, and REPLACENODE moves them as Solr does. Errors are {@link SolrException}s with Solr's HTTP codes.
 */
public final class FakeSolrCloud implements SolrAdmin {
  private record Replica(String shard, String node, String name) {
    Replica(String shard, String node) {
      this(shard, node, "core_node" + REPLICA_NAMES.incrementAndGet());
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger REPLICA_NAMES = new java.util.concurrent.atomic.AtomicInteger();

  private record Collection(String configSet, int shards, int replicationFactor, List<Replica> replicas) {}

  private final Supplier<List<String>> liveNodes;
  private final Map<String, Map<String, String>> configSets = new TreeMap<>();
  private final Map<String, Collection> collections = new LinkedHashMap<>();
  private final Map<String, Long> documents = new TreeMap<>();
  private final List<String> calls = new ArrayList<>();
  /** "collection\0query" -> documents it matches (what a reindex Job's documents would answer). */
  private final Map<String, Long> matches = new TreeMap<>();
  /** Standard aliases: alias -> the collections it points to (Solr keeps them in aliases.json). */
  private final Map<String, List<String>> aliases = new TreeMap<>();

  public FakeSolrCloud(Supplier<List<String>> liveNodes) {
    this.liveNodes = liveNodes;
  }

  @Override
  public synchronized void uploadConfigSet(String name, Map<String, String> files) {
    calls.add("UploadConfigSet " + name);
    if (files.isEmpty()) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Configset upload needs at least one file");
    }
    configSets.put(name, Map.copyOf(files));
  }

  @Override
  public synchronized List<String> configSets() {
    return List.copyOf(configSets.keySet());
  }

  @Override
  public synchronized void createCollection(String name, String configSet, int shards, int replicationFactor) {
    calls.add("CreateCollection " + name);
    if (collections.containsKey(name)) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "collection already exists: " + name);
    }
    if (!configSets.containsKey(configSet)) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Can not find the specified config set: " + configSet);
    }
    List<String> nodes = liveNodes.get();
    if (nodes.isEmpty()) {
      throw new SolrException(ErrorCode.SERVER_ERROR, "Cannot create collection " + name + ". No live Solr-instances");
    }
    List<Replica> replicas = new ArrayList<>();
    for (int s = 1; s <= shards; s++) {
      for (int r = 0; r < replicationFactor; r++) {
        String shard = "shard" + s;
        replicas.add(new Replica(shard, leastLoaded(nodes, replicas, shard, null)));
      }
    }
    collections.put(name, new Collection(configSet, shards, replicationFactor, replicas));
    documents.put(name, 0L);
  }

  @Override
  public synchronized List<String> collections() {
    collectionListings++;
    return List.copyOf(collections.keySet());
  }

  /** How often the collections were listed: once per observe that reached Solr (a count of rechecks). */
  public synchronized int collectionListings() {
    return collectionListings;
  }

  private int collectionListings;

  @Override
  public List<String> liveNodes() {
    return List.copyOf(liveNodes.get());
  }

  @Override
  public synchronized long documentCount(String name) {
    String collection = resolve(name);
    if (!collections.containsKey(collection)) {
      throw new SolrException(ErrorCode.NOT_FOUND, "Collection not found: " + collection);
    }
    return documents.get(collection);
  }

  /** GREEN: every replica on a live node; YELLOW: some down but every shard has one; RED: a shard has none. */
  @Override
  public synchronized Map<String, String> collectionHealth() {
    List<String> live = liveNodes.get();
    Map<String, String> health = new TreeMap<>();
    collections.forEach((name, c) -> {
      boolean allUp = c.replicas().stream().allMatch(r -> live.contains(r.node()));
      boolean everyShard = java.util.stream.IntStream.rangeClosed(1, c.shards()).allMatch(s -> c.replicas().stream()
          .anyMatch(r -> r.shard().equals("shard" + s) && live.contains(r.node())));
      health.put(name, allUp ? "GREEN" : everyShard ? "YELLOW" : "RED");
    });
    return health;
  }

  @Override
  public synchronized Map<String, Integer> replicasPerNode() {
    Map<String, Integer> counts = new TreeMap<>();
    collections.values().forEach(c -> c.replicas().forEach(r -> counts.merge(r.node(), 1, Integer::sum)));
    return counts;
  }

  @Override
  public synchronized void moveReplicasOff(String node) {
    calls.add("ReplaceNode " + node);
    List<String> others = liveNodes.get().stream().filter(n -> !n.equals(node)).toList();
    if (!liveNodes.get().contains(node)) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Source Node: " + node + " is not live");
    }
    if (others.isEmpty()) {
      throw new SolrException(ErrorCode.SERVER_ERROR, "No nodes other than the source node: " + node
          + " are live, therefore replicas cannot be moved");
    }
    collections.replaceAll((name, c) -> {
      List<Replica> moved = new ArrayList<>(c.replicas());
      for (int i = 0; i < moved.size(); i++) {
        if (moved.get(i).node().equals(node)) {
          Replica replica = moved.get(i);
          moved.set(i, new Replica(replica.shard(), leastLoaded(others, moved, replica.shard(), node),
              replica.name()));
        }
      }
      return new Collection(c.configSet(), c.shards(), c.replicationFactor(), moved);
    });
  }

  /**
   * Replicas on live nodes are active (recovery is instant here); those on a node that is gone are down, as Solr's
   * Overseer marks them when the node's live entry disappears.
   */
  @Override
  public synchronized List<ReplicaState> replicas() {
    List<String> live = liveNodes.get();
    List<ReplicaState> replicas = new ArrayList<>();
    collections.forEach((name, c) -> c.replicas().forEach(r -> replicas.add(new ReplicaState(name, r.shard(),
        r.name(), r.node(), live.contains(r.node()) ? "active" : "down"))));
    return replicas;
  }

  @Override
  public synchronized void addReplica(String collection, String shard, String node) {
    calls.add("AddReplica " + collection + "/" + shard + " " + node);
    Collection c = collections.get(collection);
    if (c == null) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Collection: " + collection + " does not exist");
    }
    if (c.replicas().stream().noneMatch(r -> r.shard().equals(shard))) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Shard: " + shard + " does not exist in " + collection);
    }
    if (!liveNodes.get().contains(node)) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Node: " + node + " is not live");
    }
    List<Replica> replicas = new ArrayList<>(c.replicas());
    replicas.add(new Replica(shard, node));
    collections.put(collection, new Collection(c.configSet(), c.shards(), c.replicationFactor(), replicas));
  }

  @Override
  public synchronized void deleteDownReplica(String collection, String shard, String replica) {
    calls.add("DeleteReplica " + collection + "/" + shard + " " + replica);
    Collection c = collections.get(collection);
    Replica found = c == null ? null : c.replicas().stream()
        .filter(r -> r.shard().equals(shard) && r.name().equals(replica)).findFirst().orElse(null);
    if (found == null) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Invalid replica : " + replica + " in shard/collection : "
          + shard + "/" + collection);
    }
    if (liveNodes.get().contains(found.node())) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Attempted to remove replica : " + collection + "/" + shard + "/"
          + replica + " with onlyIfDown='true', but state is 'active'");
    }
    List<Replica> replicas = new ArrayList<>(c.replicas());
    replicas.remove(found);
    collections.put(collection, new Collection(c.configSet(), c.shards(), c.replicationFactor(), replicas));
  }

  @Override
  public synchronized long count(String name, String query) {
    String collection = resolve(name);
    if (!collections.containsKey(collection)) {
      throw new SolrException(ErrorCode.NOT_FOUND, "Collection not found: " + collection);
    }
    if ("*:*".equals(query)) {
      return documents.get(collection);
    }
    return Math.min(documents.get(collection), matches.getOrDefault(collection + "\0" + query, 0L));
  }

  @Override
  public synchronized void deleteCollection(String name) {
    calls.add("DeleteCollection " + name);
    List<String> referencing = aliases.entrySet().stream().filter(a -> a.getValue().contains(name))
        .map(Map.Entry::getKey).toList();
    if (collections.containsKey(name) && !referencing.isEmpty()) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Collection : " + name + " is part of aliases: " + referencing
          + ", remove or modify the aliases before removing this collection.");
    }
    if (collections.remove(name) == null) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Could not find collection : " + name);
    }
    documents.remove(name);
  }

  @Override
  public synchronized void createAlias(String alias, String collection) {
    calls.add("CreateAlias " + alias + " -> " + collection);
    if (!collections.containsKey(collection) && !aliases.containsKey(collection)) {
      throw new SolrException(ErrorCode.BAD_REQUEST, "Can't create collection alias for collections='" + collection
          + "', '" + collection + "' is not an existing collection or alias");
    }
    aliases.put(alias, List.of(collection)); // replaces an alias of that name in one step
  }

  @Override
  public synchronized Map<String, List<String>> aliases() {
    return new TreeMap<>(aliases);
  }

  @Override
  public synchronized void deleteAlias(String alias) {
    calls.add("DeleteAlias " + alias);
    aliases.remove(alias);
  }

  /** An alias is resolved before a collection of the same name, as Solr routes a request. */
  private String resolve(String name) {
    List<String> target = aliases.get(name);
    return target == null ? name : target.get(0);
  }

  /** Says how many of a collection's documents {@code query} matches (the fake does not parse queries). */
  public synchronized void matches(String collection, String query, long hits) {
    matches.put(collection + "\0" + query, hits);
  }

  /** Indexes {@code count} more documents into a collection (what a client of the cluster would do). */
  public synchronized void index(String collection, long count) {
    documents.merge(collection, count, Long::sum);
  }

  /** The admin calls received, in order (uploads, creates, node replacements). */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized Map<String, String> configSet(String name) {
    return configSets.get(name);
  }

  /** A node that holds no replica of the shard (else the least loaded), least loaded first. */
  private String leastLoaded(List<String> nodes, List<Replica> placed, String shard, String excluded) {
    Map<String, Integer> load = new TreeMap<>();
    nodes.forEach(n -> load.put(n, 0));
    collections.values().forEach(c -> c.replicas().forEach(r -> load.computeIfPresent(r.node(), (n, v) -> v + 1)));
    placed.forEach(r -> load.computeIfPresent(r.node(), (n, v) -> v + 1));
    return nodes.stream().filter(n -> !n.equals(excluded))
        .min(Comparator.<String>comparingInt(n -> placed.stream()
                .anyMatch(r -> r.shard().equals(shard) && r.node().equals(n)) ? 1 : 0)
            .thenComparingInt(load::get).thenComparing(n -> n))
        .orElseThrow();
  }
}
