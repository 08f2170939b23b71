package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.solr.rollout.RolloutPorts;
import java.util.Map;

/**
 * Everything a SolrCluster plan is applied through, in one account and region.
 *
 * @param accountTags the account binding's default tags, put on every object created (ownership tags win)
 * @param rollout the rollout's Jobs and Events (issue 13)
 * @param endpointRecords Route 53, for the live endpoint's alias record (spec.dns); null where no Route 53 is wired
 */
public record SolrClusterPorts(AwsTarget target, LaunchTemplates templates, ScalingGroups groups,
    LoadBalancing loadBalancing, AmiParameters amis, SolrAdmin.Connector solr, ConfigSetSource configSets,
    java.util.Map<String, String> accountTags, RolloutPorts rollout, EndpointRecords endpointRecords) {

  public SolrClusterPorts(AwsTarget target, LaunchTemplates templates, ScalingGroups groups,
      LoadBalancing loadBalancing, AmiParameters amis, SolrAdmin.Connector solr, ConfigSetSource configSets,
      java.util.Map<String, String> accountTags) {
    this(target, templates, groups, loadBalancing, amis, solr, configSets, accountTags, RolloutPorts.NONE, null);
  }

  public SolrClusterPorts(AwsTarget target, LaunchTemplates templates, ScalingGroups groups,
      LoadBalancing loadBalancing, AmiParameters amis, SolrAdmin.Connector solr, ConfigSetSource configSets,
      java.util.Map<String, String> accountTags, RolloutPorts rollout) {
    this(target, templates, groups, loadBalancing, amis, solr, configSets, accountTags, rollout, null);
  }

  /** The same ports, making every AWS call for {@code caller}: one reconcile of one resource. */
  public SolrClusterPorts forCaller(dev.kaizen.operator.aws.AwsCaller caller) {
    return new SolrClusterPorts(target, templates.forCaller(caller), groups.forCaller(caller),
        loadBalancing.forCaller(caller), amis.forCaller(caller), solr, configSets, accountTags, rollout,
        endpointRecords == null ? null : endpointRecords.forCaller(caller));
  }

  public SolrClusterPorts withAccountTags(java.util.Map<String, String> tags) {
    return new SolrClusterPorts(target, templates, groups, loadBalancing, amis, solr, configSets, Map.copyOf(tags),
        rollout, endpointRecords);
  }

  public SolrClusterPorts withRollout(RolloutPorts rollout) {
    return new SolrClusterPorts(target, templates, groups, loadBalancing, amis, solr, configSets, accountTags,
        rollout, endpointRecords);
  }

  /** The same ports with Route 53 for the endpoint record. */
  public SolrClusterPorts withEndpointRecords(EndpointRecords records) {
    return new SolrClusterPorts(target, templates, groups, loadBalancing, amis, solr, configSets, accountTags,
        rollout, records);
  }
}
