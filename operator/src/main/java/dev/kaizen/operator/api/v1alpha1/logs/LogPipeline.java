package dev.kaizen.operator.api.v1alpha1.logs;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A CloudWatch Logs group (and, in later slices, what feeds and watches it) kept in Git. */
@Group("kaizen.dev")
@Version("v1alpha1")
@Plural("logpipelines")
@ShortNames({"lp", "logpipe"})
// A GitOps prune of the CRD would delete every LogPipeline (and, with deletionPolicy Delete, their AWS objects).
@Annotations({"argocd.argoproj.io/sync-options=Prune=false", "kustomize.toolkit.fluxcd.io/prune=disabled",
    "helm.sh/resource-policy=keep"})
@AdditionalPrinterColumn(name = "Log Group", jsonPath = ".status.logGroup.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "Retention", jsonPath = ".status.logGroup.retentionDays", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(
    name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = Type.STRING)
@AdditionalPrinterColumn(name = "Account", jsonPath = ".status.accountName", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class LogPipeline extends CustomResource<LogPipelineSpec, LogPipelineStatus> implements Namespaced {

  public static final String KIND = "LogPipeline";
}
