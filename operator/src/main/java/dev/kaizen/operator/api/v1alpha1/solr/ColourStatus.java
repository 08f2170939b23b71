package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** One colour: its pinned revision, its AWS objects and what was last seen of its nodes and collections. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ColourStatus {
  public enum State { Provisioning, Serving, Degraded }

  @JsonPropertyDescription("What this colour is built with (pinned when the colour was planned).")
  private RevisionStatus revision;

  @JsonPropertyDescription("Provisioning (nodes or collections not yet up), Serving, or Degraded (fewer healthy nodes"
      + " than desired, e.g. an instance replaced by AWS).")
  private State state;

  @JsonPropertyDescription("Nodes the colour should have.")
  private Integer desiredNodes;

  @JsonPropertyDescription("Nodes healthy in the colour's target group.")
  private Integer healthyNodes;

  @JsonPropertyDescription("The colour's ZooKeeper chroot.")
  @Size(max = 512)
  private String zkChroot;

  @JsonPropertyDescription("The launch template's ID and the version in use.")
  @Size(max = 64)
  private String launchTemplate;

  @JsonPropertyDescription("The Auto Scaling group's name.")
  @Size(max = 255)
  private String autoScalingGroup;

  @JsonPropertyDescription("The colour's target group ARN.")
  @Size(max = 2048)
  private String targetGroupArn;

  @JsonPropertyDescription("Documents per collection, as last counted.")
  @Size(max = 64)
  private Map<@Size(max = 100) String, Long> documents = new LinkedHashMap<>();

  @JsonPropertyDescription("Each collection's health, replicas active and expected, and documents.")
  @Size(max = 64)
  private java.util.List<CollectionStatus> collections = new java.util.ArrayList<>();

  public RevisionStatus getRevision() {
    return revision;
  }

  public void setRevision(RevisionStatus revision) {
    this.revision = revision;
  }

  public State getState() {
    return state;
  }

  public void setState(State state) {
    this.state = state;
  }

  public Integer getDesiredNodes() {
    return desiredNodes;
  }

  public void setDesiredNodes(Integer desiredNodes) {
    this.desiredNodes = desiredNodes;
  }

  public Integer getHealthyNodes() {
    return healthyNodes;
  }

  public void setHealthyNodes(Integer healthyNodes) {
    this.healthyNodes = healthyNodes;
  }

  public String getZkChroot() {
    return zkChroot;
  }

  public void setZkChroot(String zkChroot) {
    this.zkChroot = zkChroot;
  }

  public String getLaunchTemplate() {
    return launchTemplate;
  }

  public void setLaunchTemplate(String launchTemplate) {
    this.launchTemplate = launchTemplate;
  }

  public String getAutoScalingGroup() {
    return autoScalingGroup;
  }

  public void setAutoScalingGroup(String autoScalingGroup) {
    this.autoScalingGroup = autoScalingGroup;
  }

  public String getTargetGroupArn() {
    return targetGroupArn;
  }

  public void setTargetGroupArn(String targetGroupArn) {
    this.targetGroupArn = targetGroupArn;
  }

  public Map<String, Long> getDocuments() {
    return documents;
  }

  public void setDocuments(Map<String, Long> documents) {
    this.documents = documents == null ? new LinkedHashMap<>() : documents;
  }

  public java.util.List<CollectionStatus> getCollections() {
    return collections;
  }

  public void setCollections(java.util.List<CollectionStatus> collections) {
    this.collections = collections == null ? new java.util.ArrayList<>() : collections;
  }

  // ---- issue 13, strategy Alias ----
  @JsonPropertyDescription("The collection behind each alias on this colour, where they differ: collection name in the"
      + " spec (the alias clients query) -> the collection an alias rollout made (<collection>_<revision>).")
  @Size(max = 32)
  private Map<@Size(max = 100) String, @Size(max = 128) String> collectionNames = new LinkedHashMap<>();

  public Map<String, String> getCollectionNames() {
    return collectionNames;
  }

  public void setCollectionNames(Map<String, String> collectionNames) {
    this.collectionNames = collectionNames == null ? new LinkedHashMap<>() : collectionNames;
  }
}
