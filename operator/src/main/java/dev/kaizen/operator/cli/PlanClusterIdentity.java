package dev.kaizen.operator.cli;

import dev.kaizen.operator.core.ownership.ClusterIdentity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster identity {@code kaizen plan} judges ownership with, found as the running operator finds its own (README
 * "Cluster identity"): {@code --cluster-id} (or {@code KAIZEN_CLUSTER_ID}); else, in the cluster of the current
 * kubeconfig (read only), the installed operator's ConfigMap {@code kaizen-operator-identity} key {@code cluster-id},
 * which the Deployment maps to {@code KAIZEN_CLUSTER_ID}; else that cluster's kube-system namespace UID, the operator's
 * own fallback. Without any of these, the sentence says that ownership cannot be judged and what is assumed.
 */
record PlanClusterIdentity(Optional<ClusterIdentity> identity, String sentence) {
  static final String CONFIGMAP = "kaizen-operator-identity";
  static final String KEY = "cluster-id";

  static PlanClusterIdentity resolve(String clusterId, Optional<KubernetesClient> cluster, String operatorNamespace,
      String noClusterBecause) {
    return resolve(clusterId, List.of(), cluster, operatorNamespace, noClusterBecause);
  }

  /** As the operator's {@code --take-over-from}: objects of these earlier identities plan as taken over. */
  static PlanClusterIdentity resolve(String clusterId, List<String> takeOverFrom, Optional<KubernetesClient> cluster,
      String operatorNamespace, String noClusterBecause) {
    PlanClusterIdentity found = find(clusterId, cluster, operatorNamespace, noClusterBecause);
    Set<String> previous = takeOverFrom == null ? Set.of() : takeOverFrom.stream().map(String::strip)
        .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
    return previous.isEmpty() || found.identity().isEmpty() ? found
        : new PlanClusterIdentity(Optional.of(new ClusterIdentity(found.identity().get().id(), previous)),
            found.sentence());
  }

  private static PlanClusterIdentity find(String clusterId, Optional<KubernetesClient> cluster,
      String operatorNamespace, String noClusterBecause) {
    if (clusterId != null && !clusterId.isBlank()) {
      return known(clusterId.strip(), "--cluster-id");
    }
    if (cluster.isEmpty()) {
      return unknown(noClusterBecause);
    }
    KubernetesClient client = cluster.get();
    Optional<String> installed;
    try {
      installed = Optional.ofNullable(client.configMaps().inNamespace(operatorNamespace).withName(CONFIGMAP).get())
          .map(ConfigMap::getData).map(data -> data.get(KEY)).map(String::strip).filter(id -> !id.isEmpty());
    } catch (RuntimeException e) {
      installed = Optional.empty(); // not allowed to read it, say: the operator's own fallback may still be readable
    }
    if (installed.isPresent()) {
      return known(installed.get(), "ConfigMap " + operatorNamespace + "/" + CONFIGMAP + " key " + KEY
          + ", as the installed operator reads it");
    }
    try {
      Optional<String> uid = Optional.ofNullable(client.namespaces().withName("kube-system").get())
          .map(Namespace::getMetadata).map(m -> m.getUid());
      if (uid.isPresent()) {
        return known(uid.get(), "the kube-system namespace's UID in the current kubeconfig's cluster, the operator's"
            + " fallback when no identity is installed");
      }
      return unknown("the current kubeconfig's cluster has no kube-system namespace");
    } catch (RuntimeException e) {
      return unknown("the current kubeconfig's cluster could not be read (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static PlanClusterIdentity known(String id, String source) {
    return new PlanClusterIdentity(Optional.of(new ClusterIdentity(id)), "Judging ownership as cluster " + id
        + " (" + source + ").");
  }

  private static PlanClusterIdentity unknown(String why) {
    return new PlanClusterIdentity(Optional.empty(), "Ownership by cluster cannot be judged: no --cluster-id, and "
        + why + ". Assumed: an object tagged by the same resource (namespace/kind/name) belongs to the operator's"
        + " cluster; give --cluster-id to judge exactly as the operator does.");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
