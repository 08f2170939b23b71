package dev.kaizen.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.Assessment;
import dev.kaizen.operator.core.reconcile.Assessor;
import dev.kaizen.operator.core.reconcile.Kind;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind as the command line sees it: a manifest in, the kind's semantic checks and its plan out, using the
 * same {@link Kind} and {@link Assessor} as the operator.
 */
final class PlannableKind<R extends CustomResource<? extends AwsResourceSpec, ? extends KaizenStatus>, O, G> {
  /** Ownership tags name a cluster; the command line is none, so plans say so. */
  static final ClusterIdentity CLI = new ClusterIdentity("kaizen-cli");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final String kindName;
  private final Class<R> type;
  private final Kind<R, O, G> kind;
  private final Assessor<R, O, G> assessor;

  PlannableKind(String kindName, Class<R> type, Kind<R, O, G> kind) {
    this.kindName = kindName;
    this.type = type;
    this.kind = kind;
    this.assessor = new Assessor<>(kindName, kind, CLI);
  }

  String kindName() {
    return kindName;
  }

  R resource(JsonNode manifest) {
    R resource = SERIALIZATION.convertValue(manifest, type);
    if (resource.getMetadata().getNamespace() == null && resource instanceof io.fabric8.kubernetes.api.model.Namespaced) {
      resource.getMetadata().setNamespace("default");
    }
    return resource;
  }

  /** The kind's semantic checks of a manifest that already passed the CRD's schema and rules. */
  List<String> problemsOf(JsonNode manifest) {
    return kind.problems(resource(manifest));
  }

  /** What {@code kaizen plan} prints for one resource, and how many changes it counts. */
  record Report(List<String> lines, int changes) {}

  Report planManifest(JsonNode manifest, boolean live) {
    return plan(resource(manifest), live);
  }

  Report plan(R resource, boolean live) {
    Assessment<O, G> assessment = live
        ? assessor.assess(resource, kind.gateway(resource), true, null)
        : assessor.judge(resource, kind.emptyAccount(resource));
    List<String> lines = new ArrayList<>();
    String title = kindName + " " + (resource.getMetadata().getNamespace() == null ? ""
        : resource.getMetadata().getNamespace() + "/") + resource.getMetadata().getName()
        + " (" + assessment.root().description() + ")";
    if (assessment.conflict().isPresent()) {
      var conflict = assessment.conflict().get();
      lines.add(title + ": would stall, " + conflict.reason() + ": " + conflict.message());
    } else if (assessment.plan().isEmpty()) {
      lines.add(title + ": in sync, nothing to change.");
    } else {
      String mode = resource.getSpec().effectiveMode().name();
      lines.add(title + ": " + assessment.plan().size() + " change(s)"
          + ("Plan".equals(mode) ? " (mode Plan: the operator would only report them)" : "") + ":");
      assessment.plan().describe().forEach(change -> lines.add("  " + change));
    }
    return new Report(lines, assessment.plan().size());
  }
}
