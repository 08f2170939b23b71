package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SolrClusterSpec extends AwsResourceSpec {

  @JsonPropertyDescription("Apache Solr version the nodes install, e.g. 9.10.1.")
  @Required
  @Size(max = 16)
  @Pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
  private String solrVersion;

  @JsonPropertyDescription("Solr nodes per colour. Changing it scales the live colour in place: a scale-down moves"
      + " the replicas off the nodes it removes first.")
  @Required
  @Min(1)
  @Max(50)
  private Integer nodes;

  @JsonPropertyDescription("EC2 instance type of the nodes, e.g. r6i.large.")
  @Required
  @Size(max = 32)
  @Pattern("^[a-z0-9-]+\\.[a-z0-9]+$")
  private String instanceType;

  @JsonPropertyDescription("The AMI of the nodes: an image ID, or an SSM parameter resolved once when a colour is"
      + " planned and pinned in status, so a colour never changes under the operator.")
  @Required
  private AmiSpec ami;

  @JsonPropertyDescription("Subnets of the nodes and of the load balancer, in at least two Availability Zones.")
  @Required
  @Size(min = 2, max = 16)
  private List<@Size(max = 32) @Pattern("^subnet-[0-9a-f]{8,17}$") String> subnets = new ArrayList<>();

  @JsonPropertyDescription("The VPC of the subnets (the target groups are created in it).")
  @Required
  @Size(max = 32)
  @Pattern("^vpc-[0-9a-f]{8,17}$")
  private String vpcId;

  @JsonPropertyDescription("Security groups of the nodes.")
  @Required
  @Size(min = 1, max = 5)
  private List<@Size(max = 32) @Pattern("^sg-[0-9a-f]{8,17}$") String> securityGroups = new ArrayList<>();

  @JsonPropertyDescription("Instance profile of the nodes (the operator needs iam:PassRole on its role).")
  @Required
  @Size(max = 2048)
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:instance-profile/.+$")
  private String instanceProfileArn;

  @JsonPropertyDescription("The root EBS volume of each node.")
  private VolumeSpec volume = new VolumeSpec();

  @JsonPropertyDescription("The ZooKeeper ensemble. Each colour uses its own chroot, so the colours never share"
      + " cluster state.")
  @Required
  private ZooKeeperSpec zookeeper;

  @JsonPropertyDescription("The collections to create on a colour.")
  @Size(max = 32)
  @ValidationRule(value = "self.all(c, self.exists_one(d, d.name == c.name))",
      message = "collections must have unique names.")
  private List<CollectionSpec> collections = new ArrayList<>();

  @JsonPropertyDescription("The configset (schema and solrconfig files) every collection uses.")
  @Required
  private ConfigSetSpec configSet;

  @JsonPropertyDescription("The Application Load Balancer in front of the colours.")
  private LoadBalancerSpec loadBalancer = new LoadBalancerSpec();

  @JsonPropertyDescription("Tags put on every AWS object of the cluster (beside the operator's ownership tags).")
  @Size(max = 30)
  private Map<@Size(max = 128) String, @Size(max = 256) String> tags = new LinkedHashMap<>();

  public String getSolrVersion() {
    return solrVersion;
  }

  public void setSolrVersion(String solrVersion) {
    this.solrVersion = solrVersion;
  }

  public Integer getNodes() {
    return nodes;
  }

  public void setNodes(Integer nodes) {
    this.nodes = nodes;
  }

  public String getInstanceType() {
    return instanceType;
  }

  public void setInstanceType(String instanceType) {
    this.instanceType = instanceType;
  }

  public AmiSpec getAmi() {
    return ami;
  }

  public void setAmi(AmiSpec ami) {
    this.ami = ami;
  }

  public List<String> getSubnets() {
    return subnets;
  }

  public void setSubnets(List<String> subnets) {
    this.subnets = subnets == null ? new ArrayList<>() : subnets;
  }

  public String getVpcId() {
    return vpcId;
  }

  public void setVpcId(String vpcId) {
    this.vpcId = vpcId;
  }

  public List<String> getSecurityGroups() {
    return securityGroups;
  }

  public void setSecurityGroups(List<String> securityGroups) {
    this.securityGroups = securityGroups == null ? new ArrayList<>() : securityGroups;
  }

  public String getInstanceProfileArn() {
    return instanceProfileArn;
  }

  public void setInstanceProfileArn(String instanceProfileArn) {
    this.instanceProfileArn = instanceProfileArn;
  }

  public VolumeSpec getVolume() {
    return volume;
  }

  public void setVolume(VolumeSpec volume) {
    this.volume = volume == null ? new VolumeSpec() : volume;
  }

  public ZooKeeperSpec getZookeeper() {
    return zookeeper;
  }

  public void setZookeeper(ZooKeeperSpec zookeeper) {
    this.zookeeper = zookeeper;
  }

  public List<CollectionSpec> getCollections() {
    return collections;
  }

  public void setCollections(List<CollectionSpec> collections) {
    this.collections = collections == null ? new ArrayList<>() : collections;
  }

  public ConfigSetSpec getConfigSet() {
    return configSet;
  }

  public void setConfigSet(ConfigSetSpec configSet) {
    this.configSet = configSet;
  }

  public LoadBalancerSpec getLoadBalancer() {
    return loadBalancer;
  }

  public void setLoadBalancer(LoadBalancerSpec loadBalancer) {
    this.loadBalancer = loadBalancer == null ? new LoadBalancerSpec() : loadBalancer;
  }

  public Map<String, String> getTags() {
    return tags;
  }

  public void setTags(Map<String, String> tags) {
    this.tags = tags == null ? new LinkedHashMap<>() : tags;
  }

  // ---- issue 13: the blue/green rollout ----

  @JsonPropertyDescription("How a change of solrVersion, instanceType, ami or the configset is rolled out: a standby"
      + " colour built with it, reindexed, verified, then switched to (README, \"The rollout\").")
  private RolloutSpec rollout = new RolloutSpec();

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout == null ? new RolloutSpec() : rollout;
  }

  // ---- issue 12: the live endpoint's Route 53 alias record ----

  @JsonPropertyDescription("An optional Route 53 alias record for the live endpoint (README, \"The endpoint"
      + " record\").")
  private EndpointDnsSpec dns;

  public EndpointDnsSpec getDns() {
    return dns;
  }

  public void setDns(EndpointDnsSpec dns) {
    this.dns = dns;
  }
}
