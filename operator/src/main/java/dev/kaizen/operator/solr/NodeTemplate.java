package dev.kaizen.operator.solr;

import java.util.List;

/**
 * What a colour's launch template holds, compared field by field with what EC2 returns ($Latest version).
 *
 * @param userData base64, as EC2 stores it
 * @param resourceTags the tags the template gives the instances and volumes launched from it (its TagSpecifications:
 *     EC2 Auto Scaling propagates a group's tags to instances, never to volumes); null when not managed (not
 *     compared, none sent)
 */
public record NodeTemplate(String imageId, String instanceType, String userData, List<String> securityGroups,
    String instanceProfileArn, int volumeSizeGiB, String volumeType, java.util.Map<String, String> resourceTags) {

  public NodeTemplate {
    securityGroups = List.copyOf(securityGroups);
    resourceTags = resourceTags == null ? null : java.util.Map.copyOf(resourceTags);
  }

  /** A template whose launched instances' and volumes' tags are not managed. */
  public NodeTemplate(String imageId, String instanceType, String userData, List<String> securityGroups,
      String instanceProfileArn, int volumeSizeGiB, String volumeType) {
    this(imageId, instanceType, userData, securityGroups, instanceProfileArn, volumeSizeGiB, volumeType, null);
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
    if (resourceTags != null && other.resourceTags != null && !resourceTags.equals(other.resourceTags)) {
      fields.add("tags of launched instances and volumes");
    }
    return fields;
  }
}
