package dev.kaizen.operator.solr;

import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.solr.rollout.RolloutPorts;
import java.util.Map;

/**
 * Everything a SolrCluster plan is applied through, in one account and region.
 *
 * @param accountTags the account binding's default tags, put on every object created (ownership tags win)
 * @param rollout the rollout's Jobs and Events (issue 13)
 */
public record SolrClusterPorts(AwsTarget target, LaunchTemplates templates, ScalingGroups groups,
    LoadBalancing loadBalancing, AmiParameters amis, SolrAdmin.Connector solr, ConfigSetSource configSets,
    java.util.Map<String, String> accountTags, RolloutPorts rollout) {

  public SolrClusterPorts(AwsTarget target, LaunchTemplates templates, ScalingGroups groups,
      LoadBalancing loadBalancing, AmiParameters amis, SolrAdmin.Connector solr, ConfigSetSource configSets,
      java.util.Map<String, String> accountTags) {
    this(target, templates, groups, loadBalancing, amis, solr, configSets, accountTags, RolloutPorts.NONE);
  }

  /** The same ports, making every AWS call for {@code caller}: one reconcile of one resource. */
  public SolrClusterPorts forCaller(dev.kaizen.operator.aws.AwsCaller caller) {
    return new SolrClusterPorts(target, templates.forCaller(caller), groups.forCaller(caller),
        loadBalancing.forCaller(caller), amis.forCaller(caller), solr, configSets, accountTags, rollout);
  }

  public SolrClusterPorts withAccountTags(java.util.Map<String, String> tags) {
    return new SolrClusterPorts(target, templates, groups, loadBalancing, amis, solr, configSets, Map.copyOf(tags),
        rollout);
  }

  public SolrClusterPorts withRollout(RolloutPorts rollout) {
    return new SolrClusterPorts(target, templates, groups, loadBalancing, amis, solr, configSets, accountTags,
        rollout);
  }
}
