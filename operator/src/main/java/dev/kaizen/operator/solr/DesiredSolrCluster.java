package dev.kaizen.operator.solr;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import java.util.List;
import java.util.Map;

/**
 * What a SolrCluster asks for, in AWS terms, for its active colour.
 *
 * @param revision what the active colour is built with: pinned in status once planned (the AMI resolved once)
 * @param template the launch template's content for that revision
 * @param configSetFiles the configset's files; empty when the ConfigMap is missing
 * @param tags the spec's tags and the account's default tags (ownership tags are added by the planner and win)
 */
public record DesiredSolrCluster(SolrClusterNames names, Colour active, int nodes, RevisionStatus revision,
    NodeTemplate template, List<String> subnets, String vpcId, String scheme, List<String> loadBalancerSecurityGroups,
    int livePort, int testPort, List<CollectionSpec> collections, String configSetName,
    Map<String, String> configSetFiles, Map<String, String> tags) {}
