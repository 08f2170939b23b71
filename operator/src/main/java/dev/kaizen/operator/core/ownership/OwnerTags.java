package dev.kaizen.operator.core.ownership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ownership tags of one resource: {@code kaizen.dev/cluster}, {@code kaizen.dev/owner} (namespace/kind/name)
 * and {@code kaizen.dev/uid}. The owner is hashed when longer than an AWS tag value may be.
 */
public record OwnerTags(String cluster, String owner, String uid) {
  public static final String PREFIX = "kaizen.dev/";
  public static final String CLUSTER = PREFIX + "cluster";
  public static final String OWNER = PREFIX + "owner";
  public static final String UID = PREFIX + "uid";

  /** AWS tag values are at most 256 characters in every service this operator uses. */
  static final int MAX_TAG_VALUE = 256;

  /**
   * The tags of one resource; a cluster-scoped resource ({@code namespace} null) is named {@code kind/name}, which
   * no namespaced resource's {@code namespace/kind/name} can equal.
   */
  public static OwnerTags of(ClusterIdentity cluster, String namespace, String kind, String name, String uid) {
    return new OwnerTags(cluster.id(), ownerValue(owner(namespace, kind, name)), uid);
  }

  /** How a resource is named in ownership markers and messages: {@code namespace/kind/name}, or {@code kind/name}. */
  public static String owner(String namespace, String kind, String name) {
    return (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + kind + "/" + name;
  }

  /** Reads the ownership tags found on an AWS object; absent tags are null. */
  public static OwnerTags read(Map<String, String> tags) {
    return new OwnerTags(tags.get(CLUSTER), tags.get(OWNER), tags.get(UID));
  }

  public boolean isEmpty() {
    return cluster == null && owner == null && uid == null;
  }

  public Map<String, String> asTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(CLUSTER, cluster);
    tags.put(OWNER, owner);
    tags.put(UID, uid);
    return tags;
  }

  static String ownerValue(String owner) {
    if (owner.length() <= MAX_TAG_VALUE) {
      return owner;
    }
    // Keep a readable prefix and make it unique with a hash; '/', '=' and hex are valid in every AWS tag value.
    return owner.substring(0, 180) + "/sha256=" + sha256(owner).substring(0, 32);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
