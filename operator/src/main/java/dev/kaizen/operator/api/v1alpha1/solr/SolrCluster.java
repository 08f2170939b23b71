package dev.kaizen.operator.api.v1alpha1.solr;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A SolrCloud on EC2 in two colours (blue and green), each an Auto Scaling group from its own launch template, behind
 * one Application Load Balancer whose live listener forwards to the active colour and whose test listener forwards to
 * the standby.
 */
@Group("kaizen.dev")
@Version("v1alpha1")
@Plural("solrclusters")
@ShortNames({"solrc"})
// A GitOps prune of the CRD would delete every SolrCluster (and, with deletionPolicy Delete, their AWS objects).
@Annotations({"argocd.argoproj.io/sync-options=Prune=false", "kustomize.toolkit.fluxcd.io/prune=disabled",
    "helm.sh/resource-policy=keep"})
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeColour", type = Type.STRING)
@AdditionalPrinterColumn(name = "Revision", jsonPath = ".status.activeRevision", type = Type.STRING)
@AdditionalPrinterColumn(name = "Nodes", jsonPath = ".status.nodes", type = Type.STRING)
@AdditionalPrinterColumn(name = "Live Endpoint", jsonPath = ".status.loadBalancer.liveEndpoint", type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(
    name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = Type.STRING)
@AdditionalPrinterColumn(name = "Rollout", jsonPath = ".status.rollout.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Account", jsonPath = ".status.accountName", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class SolrCluster extends CustomResource<SolrClusterSpec, SolrClusterStatus> implements Namespaced {

  public static final String KIND = "SolrCluster";
}
