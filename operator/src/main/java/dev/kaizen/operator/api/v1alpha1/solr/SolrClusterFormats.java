package dev.kaizen.operator.api.v1alpha1.solr;

import java.util.Map;

/**
 * What each SolrCluster field with a {@code @Pattern} expects, in words, for {@code kaizen validate}; one entry per
 * pattern of the model (fields by schema path, {@code [*]} for list items).
 */
public final class SolrClusterFormats {
  private static final String COLLECTION = "a Solr collection name such as products (letters, digits, '_', '.' and"
      + " '-', not starting with '.' or '-')";
  private static final String DNS_NAME = "a lower-case DNS name such as solr.search.example.com (letters, digits and"
      + " '-' in dot-separated labels, no trailing dot)";

  public static final Map<String, String> BY_FIELD = Map.ofEntries(
      Map.entry("spec.region", "an AWS region code such as eu-west-1"),
      Map.entry("spec.accountRef", "the name of an AwsAccount such as search-prod (lower-case letters, digits and"
          + " '-')"),
      Map.entry("spec.solrVersion", "a Solr version of three numbers such as 9.10.1"),
      Map.entry("spec.instanceType", "an EC2 instance type such as r6i.large"),
      Map.entry("spec.ami.id", "an AMI ID such as ami-0123456789abcdef0"),
      Map.entry("spec.ami.ssmParameter", "an SSM parameter name such as"
          + " /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"),
      Map.entry("spec.vpcId", "a VPC ID such as vpc-0123456789abcdef0"),
      Map.entry("spec.subnets[*]", "a subnet ID such as subnet-0123456789abcdef0"),
      Map.entry("spec.securityGroups[*]", "a security group ID such as sg-0123456789abcdef0"),
      Map.entry("spec.loadBalancer.securityGroups[*]", "a security group ID such as sg-0123456789abcdef0"),
      Map.entry("spec.instanceProfileArn", "an instance profile ARN such as"
          + " arn:aws:iam::111122223333:instance-profile/solr-node (not a role ARN)"),
      Map.entry("spec.zookeeper.connectString", "host:port pairs separated by commas, such as"
          + " zk-1:2181,zk-2:2181,zk-3:2181 (no chroot: set zookeeper.chroot)"),
      Map.entry("spec.zookeeper.chroot", "a ZooKeeper path such as /solr/search (starting with '/', no trailing '/')"),
      Map.entry("spec.configSet.configMapName", "the name of a ConfigMap in the same namespace such as"
          + " products-configset"),
      Map.entry("spec.configSet.name", "a Solr configset name such as products (letters, digits, '_', '.' and '-')"),
      Map.entry("spec.collections[*].name", COLLECTION),
      Map.entry("spec.rollout.verification.smokeQueries[*].collection", COLLECTION),
      Map.entry("spec.dns.hostedZoneId", "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"),
      Map.entry("spec.dns.hostedZoneName", DNS_NAME),
      Map.entry("spec.dns.recordName", DNS_NAME));

  private SolrClusterFormats() {}
}
