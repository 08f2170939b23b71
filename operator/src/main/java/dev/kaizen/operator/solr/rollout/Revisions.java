package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Comparing what the spec asks for with a colour's pinned revision, and naming a revision in short. */
public final class Revisions {
  private Revisions() {}

  /** {@code r} and 10 hex digits of SHA-256 over the revision's summary: what kaizen.dev/promote names. */
  public static String id(RevisionStatus revision) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(revision.summary().getBytes(StandardCharsets.UTF_8));
      return "r" + HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }

  /**
   * What differs between the spec and a pinned revision, one phrase each; empty when the spec asks for that revision.
   * An AMI given by SSM parameter is resolved once per colour, so a newly published image is not a difference; an
   * unknown configset hash (the ConfigMap is missing) is not one either.
   */
  public static List<String> differences(SolrClusterSpec spec, String configSetHash, RevisionStatus pinned) {
    List<String> changed = new ArrayList<>();
    if (!spec.getSolrVersion().equals(pinned.getSolrVersion())) {
      changed.add("solrVersion " + pinned.getSolrVersion() + " -> " + spec.getSolrVersion());
    }
    if (!spec.getInstanceType().equals(pinned.getInstanceType())) {
      changed.add("instanceType " + pinned.getInstanceType() + " -> " + spec.getInstanceType());
    }
    if (spec.getAmi().getId() != null && !spec.getAmi().getId().equals(pinned.getAmi())) {
      changed.add("ami " + pinned.getAmi() + " -> " + spec.getAmi().getId());
    }
    if (!"unknown".equals(configSetHash) && !configSetHash.equals(pinned.getConfigSetHash())) {
      changed.add("configset " + pinned.getConfigSetHash() + " -> " + configSetHash);
    }
    return changed;
  }

  /**
   * Whether a change is the configset's alone (what strategy Alias can roll out inside the live colour): the same
   * Solr version, instance type and AMI, and another configset.
   */
  public static boolean configSetOnly(List<String> differences, SolrClusterSpec spec, RevisionStatus pinned) {
    return !differences.isEmpty() && spec.getSolrVersion().equals(pinned.getSolrVersion())
        && spec.getInstanceType().equals(pinned.getInstanceType())
        && (spec.getAmi().getId() == null || spec.getAmi().getId().equals(pinned.getAmi()));
  }
}
