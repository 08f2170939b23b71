package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** One collection of a colour, as Solr last reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CollectionStatus {
  @JsonPropertyDescription("The collection's name.")
  @Size(max = 100)
  private String name;

  @JsonPropertyDescription("Solr's health of the collection: GREEN (every replica active), YELLOW (a replica down, every"
      + " shard served; the operator re-creates replicas lost with a node), ORANGE or RED (a shard without a live"
      + " replica).")
  @Size(max = 16)
  private String health;

  @JsonPropertyDescription("Replicas active on live nodes.")
  private Integer activeReplicas;

  @JsonPropertyDescription("Replicas the collection should have: shards times the replication factor.")
  private Integer expectedReplicas;

  @JsonPropertyDescription("Documents, as last counted.")
  private Long documents;

  public CollectionStatus() {}

  public CollectionStatus(String name, String health, Integer activeReplicas, Integer expectedReplicas,
      Long documents) {
    this.name = name;
    this.health = health;
    this.activeReplicas = activeReplicas;
    this.expectedReplicas = expectedReplicas;
    this.documents = documents;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getHealth() {
    return health;
  }

  public void setHealth(String health) {
    this.health = health;
  }

  public Integer getActiveReplicas() {
    return activeReplicas;
  }

  public void setActiveReplicas(Integer activeReplicas) {
    this.activeReplicas = activeReplicas;
  }

  public Integer getExpectedReplicas() {
    return expectedReplicas;
  }

  public void setExpectedReplicas(Integer expectedReplicas) {
    this.expectedReplicas = expectedReplicas;
  }

  public Long getDocuments() {
    return documents;
  }

  public void setDocuments(Long documents) {
    this.documents = documents;
  }
}
