package dev.kaizen.operator.api.v1alpha1.cron;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One service's whole crontab, kept in Git: one Kubernetes CronJob per job. */
@Group("kaizen.dev")
@Version("v1alpha1")
@Plural("cronjobsets")
@ShortNames({"cjs"})
// A GitOps prune of the CRD would delete every CronJobSet (and, with deletionPolicy Delete, their CronJobs).
@Annotations({"argocd.argoproj.io/sync-options=Prune=false", "kustomize.toolkit.fluxcd.io/prune=disabled",
    "helm.sh/resource-policy=keep"})
@AdditionalPrinterColumn(name = "Time Zone", jsonPath = ".spec.timeZone", type = Type.STRING)
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.target", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(
    name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Jobs Healthy", jsonPath = ".status.conditions[?(@.type==\"JobsHealthy\")].status", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = Type.STRING)
@AdditionalPrinterColumn(name = "Account", jsonPath = ".status.accountName", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CronJobSet extends CustomResource<CronJobSetSpec, CronJobSetStatus> implements Namespaced {

  public static final String KIND = "CronJobSet";
}
