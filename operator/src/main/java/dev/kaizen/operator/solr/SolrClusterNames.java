package dev.kaizen.operator.solr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The AWS names of a SolrCluster's objects, derived from its namespace and name only, so a lost status never causes a
 * duplicate (DESIGN.md, "Names are contracts"):
 * <ul>
 *   <li>launch template and Auto Scaling group {@code kaizen-solr-<namespace>-<name>-<colour>} (hashed past 120
 *       characters);
 *   <li>load balancer {@code ks-<hash12>} and target groups {@code ks-<hash12>-<colour>}: ELBv2 names are at most
 *       32 characters, so they carry a hash of {@code namespace/name}; the ownership tags say whose they are.
 * </ul>
 */
public record SolrClusterNames(String namespace, String name) {
  private static final int MAX_TEMPLATE_NAME = 120;

  public String launchTemplate(Colour colour) {
    return readable(colour);
  }

  public String autoScalingGroup(Colour colour) {
    return readable(colour);
  }

  public String loadBalancer() {
    return "ks-" + hash12();
  }

  public String targetGroup(Colour colour) {
    return loadBalancer() + "-" + colour.id();
  }

  /** The colour's ZooKeeper chroot: {@code <base>/<colour>}, base default {@code /solr/<namespace>/<name>}. */
  public String zkChroot(String base, Colour colour) {
    return (base == null ? "/solr/" + namespace + "/" + name : base) + "/" + colour.id();
  }

  private String readable(Colour colour) {
    String full = "kaizen-solr-" + namespace + "-" + name + "-" + colour.id();
    return full.length() <= MAX_TEMPLATE_NAME ? full
        : full.substring(0, MAX_TEMPLATE_NAME - 20) + "-" + hash12() + "-" + colour.id();
  }

  private String hash12() {
    return sha256(namespace + "/" + name).substring(0, 12);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
