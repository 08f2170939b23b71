package dev.kaizen.operator.api.v1alpha1.accounts;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fabric8.crd.generator.annotation.Annotations;

/**
 * One AWS account the operator may work in, reached by assuming an IAM role; cluster-scoped, since it decides which
 * namespaces may use it. Resources bind to it by {@code spec.accountRef} or their namespace's
 * {@code kaizen.dev/aws-account} label.
 */
@Group("kaizen.dev")
@Version("v1alpha1")
@Plural("awsaccounts")
@ShortNames({"awsacct"})
// A GitOps prune of the CRD would delete every AwsAccount and strand the resources bound to them.
@Annotations({"argocd.argoproj.io/sync-options=Prune=false", "kustomize.toolkit.fluxcd.io/prune=disabled",
    "helm.sh/resource-policy=keep"})
@AdditionalPrinterColumn(name = "Account ID", jsonPath = ".status.accountId", type = Type.STRING)
@AdditionalPrinterColumn(name = "Environment", jsonPath = ".spec.environment", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class AwsAccount extends CustomResource<AwsAccountSpec, AwsAccountStatus> {

  public static final String KIND = "AwsAccount";
}
