package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.solr.SolrClusterPorts;
import dev.kaizen.operator.core.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collections behind aliases (strategy Alias): clients query a collection by the name in the spec, which is an alias
 * once an alias rollout has switched it to {@code <name>_<revision>}. A colour's status records the collection behind
 * each alias where the two differ; everything else about the colour (part 1's checks, replica repair, counts) works on
 * those collections. Where the names are equal the collection is reached by its own name and no alias may exist (an
 * alias of a collection's name hides it: Solr resolves aliases first, as the contract test shows).
 */
public final class AliasedCollections {
  private AliasedCollections() {}

  /** The spec's collections as they exist on a colour: each named after the collection behind its alias there. */
  public static List<CollectionSpec> onColour(List<CollectionSpec> spec, Map<String, String> names) {
    List<CollectionSpec> renamed = new ArrayList<>();
    for (CollectionSpec c : spec) {
      String physical = names.getOrDefault(c.getName(), c.getName());
      renamed.add(physical.equals(c.getName()) ? c
          : new CollectionSpec(physical, c.effectiveShards(), c.effectiveReplicationFactor()));
    }
    return renamed;
  }

  /** Alias (the spec's name) -> the collection behind it, for every collection of the spec. */
  public static Map<String, String> physical(List<CollectionSpec> spec, Map<String, String> names) {
    Map<String, String> physical = new LinkedHashMap<>();
    spec.forEach(c -> physical.put(c.getName(), names.getOrDefault(c.getName(), c.getName())));
    return physical;
  }

  /** Only the entries where the collection is not the alias's own name (what a colour's status records). */
  public static Map<String, String> differing(Map<String, String> physical) {
    Map<String, String> differing = new LinkedHashMap<>();
    physical.forEach((alias, collection) -> {
      if (!alias.equals(collection)) {
        differing.put(alias, collection);
      }
    });
    return differing;
  }

  /** The collection an alias rollout of {@code revision} creates for an alias: {@code <alias>_<revision>}. */
  public static String next(String alias, String revision) {
    return alias + "_" + revision;
  }

  /**
   * What makes a colour's aliases say what its status says: each alias pointing to its collection, and no alias where
   * the collection carries the alias's own name. Empty when they already do.
   */
  static List<Change<SolrClusterPorts>> align(String endpoint, String colour, Map<String, String> physical,
      Map<String, List<String>> aliases) {
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    physical.forEach((alias, collection) -> {
      List<String> now = aliases.get(alias);
      if (!alias.equals(collection) && !List.of(collection).equals(now)) {
        changes.add(RolloutChanges.createAlias(endpoint, colour, alias, collection, now == null ? "absent"
            : "points to " + String.join(",", now)));
      } else if (alias.equals(collection) && now != null) {
        changes.add(RolloutChanges.deleteAlias(endpoint, colour, alias, "points to " + String.join(",", now)
            + ": the collection " + alias + " serves its own name"));
      }
    });
    return changes;
  }
}
