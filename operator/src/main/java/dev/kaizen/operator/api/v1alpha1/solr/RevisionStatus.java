package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** What a colour is built with. A colour's revision never changes once pinned: a new revision is a new colour. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RevisionStatus {

  @JsonPropertyDescription("SHA-256 (first 16 hex digits) of the configset's files.")
  @Size(max = 64)
  private String configSetHash;

  @JsonPropertyDescription("Solr version.")
  @Size(max = 16)
  private String solrVersion;

  @JsonPropertyDescription("EC2 instance type.")
  @Size(max = 32)
  private String instanceType;

  @JsonPropertyDescription("The AMI ID, resolved from SSM once if the spec names a parameter.")
  @Size(max = 32)
  private String ami;

  public RevisionStatus() {}

  public RevisionStatus(String configSetHash, String solrVersion, String instanceType, String ami) {
    this.configSetHash = configSetHash;
    this.solrVersion = solrVersion;
    this.instanceType = instanceType;
    this.ami = ami;
  }

  public String getConfigSetHash() {
    return configSetHash;
  }

  public void setConfigSetHash(String configSetHash) {
    this.configSetHash = configSetHash;
  }

  public String getSolrVersion() {
    return solrVersion;
  }

  public void setSolrVersion(String solrVersion) {
    this.solrVersion = solrVersion;
  }

  public String getInstanceType() {
    return instanceType;
  }

  public void setInstanceType(String instanceType) {
    this.instanceType = instanceType;
  }

  public String getAmi() {
    return ami;
  }

  public void setAmi(String ami) {
    this.ami = ami;
  }

  /** One line: {@code solr 9.10.1, r6i.large, ami-0123, configset 1a2b3c}. */
  public String summary() {
    return "solr " + solrVersion + ", " + instanceType + ", " + ami + ", configset " + configSetHash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevisionStatus other && Objects.equals(configSetHash, other.configSetHash)
        && Objects.equals(solrVersion, other.solrVersion) && Objects.equals(instanceType, other.instanceType)
        && Objects.equals(ami, other.ami);
  }

  @Override
  public int hashCode() {
    return Objects.hash(configSetHash, solrVersion, instanceType, ami);
  }

  @Override
  public String toString() {
    return summary();
  }
}
