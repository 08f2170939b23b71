package dev.kaizen.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobEntry;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.api.v1alpha1.cron.CronTarget;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.cron.CronJobNames;
import java.util.ArrayList;
import dev.kaizen.operator.core.manifest.DuplicateCheck.Claim;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.logs.LogPipelineKind;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Optional;

/**
 * The AWS objects a valid manifest names, worked out as the operator works them out (defaults included), so that
 * {@code kaizen validate} catches two resources claiming one object before they meet in an account. A new kind
 * adds its own claims here.
 */
final class ClaimedAwsObjects {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  /** Where a manifest without {@code spec.region} lands when the operator's region is not given. */
  private static final String OPERATOR_REGION = "the operator's region";

  private ClaimedAwsObjects() {}

  /**
   * What {@code manifest} claims when it lands in {@code namespace}, with {@code operatorRegion} for a manifest that
   * names no region; nothing for kinds that claim nothing.
   */
  static List<Claim> of(Manifest manifest, String namespace, Optional<String> operatorRegion) {
    if (LogPipeline.KIND.equals(manifest.kind())) {
      return List.of(logGroup(manifest, namespace, operatorRegion));
    }
    if (CronJobSet.KIND.equals(manifest.kind())) {
      return cronJobs(manifest, namespace);
    }
    return List.of();
  }

  /**
   * A CronJobSet on Kubernetes claims one CronJob per job, {@code <set>-<job>}: sets {@code a-b} with job {@code c}
   * and {@code a} with job {@code b-c} both claim {@code a-b-c}. (Its EventBridge group is unique by construction.)
   */
  private static List<Claim> cronJobs(Manifest manifest, String namespace) {
    CronJobSet set = SERIALIZATION.convertValue(manifest.object(), CronJobSet.class);
    if (set.getSpec() == null || set.getSpec().effectiveTarget() != CronTarget.KUBERNETES) {
      return List.of();
    }
    List<Claim> claims = new ArrayList<>();
    List<CronJobEntry> jobs = set.getSpec().getJobs();
    for (int i = 0; i < jobs.size(); i++) {
      String cronJob = CronJobNames.of(set.getMetadata().getName(), jobs.get(i).getName());
      claims.add(new Claim("the CronJob " + namespace + "/" + cronJob, "spec.jobs[" + i + "].name",
          " (named <set>-<job>)"));
    }
    return claims;
  }

  private static Claim logGroup(Manifest manifest, String namespace, Optional<String> operatorRegion) {
    LogPipeline pipeline = SERIALIZATION.convertValue(manifest.object(), LogPipeline.class);
    pipeline.getMetadata().setNamespace(namespace);
    String group = LogPipelineKind.desiredGroup(pipeline).name();
    String region = Optional.ofNullable(pipeline.getSpec().getRegion()).or(() -> operatorRegion)
        .orElse(OPERATOR_REGION);
    JsonNode explicitName = manifest.object().at("/spec/logGroup/name");
    String how = explicitName.isTextual() ? "" : " (spec.logGroup.name not set: defaulted to /<namespace>/<name>)";
    return new Claim("the CloudWatch Logs group " + group + " in " + region, "spec.logGroup.name", how);
  }
}
