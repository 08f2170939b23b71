package dev.kaizen.operator.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.ConfigSetAdminResponse;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;

/**
 * {@link SolrAdmin} over SolrJ's JDK HTTP client: the Collections and ConfigSets APIs of any node of the cluster (the
 * load balancer picks one). No ZooKeeper client: the operator needs no access to ZooKeeper.
 */
public final class SolrJAdmin implements SolrAdmin {
  /** A REPLACENODE moves every replica of a node: give it time, within the SDK-like call budget of a reconcile. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;

  public SolrJAdmin(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static Connector connector() {
    return SolrJAdmin::new;
  }

  private SolrClient client() {
    // HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade stalls requests to Solr's Jetty (seen as timeouts).
    return new HttpJdkSolrClient.Builder(baseUrl)
        .useHttp1_1(true)
        .withConnectionTimeout(3, TimeUnit.SECONDS)
        .withRequestTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .build();
  }

  @Override
  public void uploadConfigSet(String name, Map<String, String> files) {
    var stream = new ContentStreamBase.ByteArrayStream(zip(files), name + ".zip", "application/zip");
    run(client -> new ConfigSetAdminRequest.Upload().setConfigSetName(name).setOverwrite(true).setCleanup(true)
        .setUploadStream(stream).process(client));
  }

  @Override
  public List<String> configSets() {
    return run(client -> {
      ConfigSetAdminResponse.List response = new ConfigSetAdminRequest.List().process(client);
      return response.getConfigSets();
    });
  }

  @Override
  public void createCollection(String name, String configSet, int shards, int replicationFactor) {
    run(client -> CollectionAdminRequest.createCollection(name, configSet, shards, replicationFactor)
        .process(client));
  }

  @Override
  public List<String> collections() {
    return run(CollectionAdminRequest::listCollections);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> liveNodes() {
    return run(client -> new ArrayList<>((List<String>) clusterStatus(client).get("live_nodes")));
  }

  @Override
  public long documentCount(String collection) {
    return run(client -> client.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
  }

  @Override
  public Map<String, String> collectionHealth() {
    return run(client -> {
      Map<String, String> health = new TreeMap<>();
      collectionsOf(clusterStatus(client)).forEach((name, collection) ->
          health.put(name, String.valueOf(((Map<?, ?>) collection).get("health"))));
      return health;
    });
  }

  @Override
  public Map<String, Integer> replicasPerNode() {
    return run(client -> {
      Map<String, Integer> counts = new TreeMap<>();
      collectionsOf(clusterStatus(client)).values().forEach(collection ->
          ((Map<?, ?>) ((Map<?, ?>) collection).get("shards")).values().forEach(shard ->
              ((Map<?, ?>) ((Map<?, ?>) shard).get("replicas")).values().forEach(replica ->
                  counts.merge(String.valueOf(((Map<?, ?>) replica).get("node_name")), 1, Integer::sum))));
      return counts;
    });
  }

  @Override
  public List<ReplicaState> replicas() {
    return run(client -> {
      List<ReplicaState> replicas = new ArrayList<>();
      collectionsOf(clusterStatus(client)).forEach((collection, state) ->
          ((Map<?, ?>) ((Map<?, ?>) state).get("shards")).forEach((shard, shardState) ->
              ((Map<?, ?>) ((Map<?, ?>) shardState).get("replicas")).forEach((name, replica) -> {
                Map<?, ?> r = (Map<?, ?>) replica;
                replicas.add(new ReplicaState(collection, String.valueOf(shard), String.valueOf(name),
                    String.valueOf(r.get("node_name")), String.valueOf(r.get("state"))));
              })));
      return replicas;
    });
  }

  @Override
  public void addReplica(String collection, String shard, String node) {
    run(client -> CollectionAdminRequest.addReplicaToShard(collection, shard).setNode(node).process(client));
  }

  @Override
  public void deleteDownReplica(String collection, String shard, String replica) {
    run(client -> CollectionAdminRequest.deleteReplica(collection, shard, replica).setOnlyIfDown(true)
        .process(client));
  }

  @Override
  public void moveReplicasOff(String node) {
    run(client -> new CollectionAdminRequest.ReplaceNode(node, null).process(client));
  }

  @Override
  public long count(String collection, String query) {
    return run(client -> client.query(collection, new SolrQuery(query).setRows(0)).getResults().getNumFound());
  }

  @Override
  public void deleteCollection(String name) {
    run(client -> CollectionAdminRequest.deleteCollection(name).process(client));
  }

  @Override
  public void createAlias(String alias, String collection) {
    run(client -> CollectionAdminRequest.createAlias(alias, collection).process(client));
  }

  @Override
  public Map<String, List<String>> aliases() {
    return run(client -> new TreeMap<>(new CollectionAdminRequest.ListAliases().process(client).getAliasesAsLists()));
  }

  @Override
  public void deleteAlias(String alias) {
    run(client -> CollectionAdminRequest.deleteAlias(alias).process(client));
  }

  private static NamedList<Object> clusterStatus(SolrClient client) throws SolrServerException, IOException {
    @SuppressWarnings("unchecked")
    NamedList<Object> cluster = (NamedList<Object>) CollectionAdminRequest.getClusterStatus().process(client)
        .getResponse().get("cluster");
    return cluster;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> collectionsOf(NamedList<Object> cluster) {
    Object collections = cluster.get("collections");
    if (collections instanceof NamedList<?> list) {
      return ((NamedList<Object>) list).asShallowMap();
    }
    return collections == null ? Map.of() : (Map<String, Object>) collections;
  }

  private static byte[] zip(Map<String, String> files) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var file : new TreeMap<>(files).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private interface SolrCall<T> {
    T call(SolrClient client) throws SolrServerException, IOException;
  }

  private <T> T run(SolrCall<T> call) {
    try (SolrClient client = client()) {
      return call.call(client);
    } catch (IOException e) {
      throw new SolrUnavailableException("Solr at " + baseUrl + " could not be reached: " + e.getMessage(), e);
    } catch (SolrServerException e) {
      throw new SolrUnavailableException("Solr at " + baseUrl + " failed: " + e.getMessage(), e);
    }
  }
}
