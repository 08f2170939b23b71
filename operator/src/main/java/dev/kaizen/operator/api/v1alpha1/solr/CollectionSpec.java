package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One collection created on a colour, with the cluster's configset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CollectionSpec {

  @JsonPropertyDescription("Collection name.")
  @Required
  @Size(max = 100)
  @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
  private String name;

  @JsonPropertyDescription("Number of shards (default 1).")
  @Min(1)
  @Max(64)
  private Integer shards;

  @JsonPropertyDescription("Replicas of each shard (default 2).")
  @Min(1)
  @Max(10)
  private Integer replicationFactor;

  public CollectionSpec() {}

  public CollectionSpec(String name, int shards, int replicationFactor) {
    this.name = name;
    this.shards = shards;
    this.replicationFactor = replicationFactor;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getShards() {
    return shards;
  }

  public void setShards(Integer shards) {
    this.shards = shards;
  }

  public Integer getReplicationFactor() {
    return replicationFactor;
  }

  public void setReplicationFactor(Integer replicationFactor) {
    this.replicationFactor = replicationFactor;
  }

  public int effectiveShards() {
    return shards == null ? 1 : shards;
  }

  public int effectiveReplicationFactor() {
    return replicationFactor == null ? 2 : replicationFactor;
  }
}
