package dev.kaizen.operator.api.v1alpha1.mail;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.fabric8.crd.generator.annotation.Annotations;

/**
 * One sending domain on SES v2: its identity with Easy DKIM, its DKIM CNAMEs, custom MAIL FROM, DMARC and an optional
 * apex SPF, in a Route 53 hosted zone (or listed for a person to create when {@code dns.manual} is set).
 */
@Group("kaizen.dev")
@Version("v1alpha1")
@Plural("mailroutes")
@ShortNames({"mr", "mailroute"})
// A GitOps prune of the CRD would delete every MailRoute (and, with deletionPolicy Delete, their identities).
@Annotations({"argocd.argoproj.io/sync-options=Prune=false", "kustomize.toolkit.fluxcd.io/prune=disabled",
    "helm.sh/resource-policy=keep"})
@AdditionalPrinterColumn(name = "Domain", jsonPath = ".spec.domain", type = Type.STRING)
@AdditionalPrinterColumn(name = "DKIM", jsonPath = ".status.identity.dkimStatus", type = Type.STRING)
@AdditionalPrinterColumn(name = "SPF Lookups", jsonPath = ".status.apexSpf.lookups", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(
    name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = Type.STRING)
@AdditionalPrinterColumn(name = "Account", jsonPath = ".status.accountName", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class MailRoute extends CustomResource<MailRouteSpec, MailRouteStatus> implements Namespaced {
  public static final String KIND = "MailRoute";
}
