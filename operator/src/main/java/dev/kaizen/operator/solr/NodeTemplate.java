package dev.kaizen.operator.solr;

import java.util.List;

/**
 * What a colour's launch template holds, compared field by field with what EC2 returns ($Latest version).
 *
 * @param userData base64, as EC2 stores it
 */
public record NodeTemplate(String imageId, String instanceType, String userData, List<String> securityGroups,
    String instanceProfileArn, int volumeSizeGiB, String volumeType) {

  public NodeTemplate {
    securityGroups = List.copyOf(securityGroups);
  }

  /** The fields that differ from {@code other}, by name; empty when the same. */
  public List<String> differences(NodeTemplate other) {
    List<String> fields = new java.util.ArrayList<>();
    if (!imageId.equals(other.imageId)) {
      fields.add("imageId");
    }
    if (!instanceType.equals(other.instanceType)) {
      fields.add("instanceType");
    }
    if (!java.util.Objects.equals(userData, other.userData)) {
      fields.add("userData");
    }
    if (!new java.util.TreeSet<>(securityGroups).equals(new java.util.TreeSet<>(other.securityGroups))) {
      fields.add("securityGroups");
    }
    if (!java.util.Objects.equals(instanceProfileArn, other.instanceProfileArn)) {
      fields.add("instanceProfile");
    }
    if (volumeSizeGiB != other.volumeSizeGiB || !volumeType.equals(other.volumeType)) {
      fields.add("volume");
    }
    return fields;
  }
}
