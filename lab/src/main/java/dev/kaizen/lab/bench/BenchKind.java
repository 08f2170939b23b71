package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.EmbeddedAws;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.regions.Region;

/**
 * One kind in the benchmark's mix: how to write its i-th resource, what AWS must hold first, the objects of others
 * to seed beside it, a typical drift and how to tell it was put right, and what the anchors would manage for it.
 * Adding a kind to the benchmark is one class of this and one line in {@link BenchKinds}.
 */
interface BenchKind {
  /** As the manifest says it (LogPipeline), and as `--mix` names it in lower case. */
  String kind();

  /** The plural the API server serves it under (logpipelines). */
  String plural();

  /** The YAML of resource {@code index} in {@code namespace}. */
  String manifest(String namespace, int index, Region region);

  /** Manifests of what must exist in the cluster before resources of this kind can converge (a ConfigMap, say). */
  default List<String> clusterObjects(String namespace) {
    return List.of();
  }

  /** What must exist in AWS before resources of this kind can converge (a hosted zone, say). */
  default void prepare(EmbeddedAws aws, Region region, int count) {}

  /** Objects nobody in the benchmark owns, so the operator's listings are as long as in a real account. */
  default int seedForeign(EmbeddedAws aws, Region region, int resources) {
    return 0;
  }

  /**
   * Changes one of the resource's objects behind the operator's back (in the embedded AWS or the cluster); the
   * returned check tells when it is as the resource says again. Empty when the kind has nothing to drift here.
   */
  Optional<BooleanSupplier> injectDrift(EmbeddedAws aws, KubernetesClient kube, GenericKubernetesResource resource);

  /**
   * The AWS objects one resource stands for: what ACK (one custom resource each) and Crossplane (one managed
   * resource each) would reconcile for it. Zero when the kind manages no AWS object (CronJobs in the cluster).
   */
  int awsObjectsEach();
}
