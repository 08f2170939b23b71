package dev.kaizen.operator.resilience;

import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;

/** Conditions of any kind's resources, read as {@code kubectl wait --for=condition=Ready} reads them. */
final class ResourceConditions {
  private ResourceConditions() {}

  /**
   * Ready=True for the current generation, whatever the reason: InSync, or DriftDetectionBehind when the shared
   * listings have not completed a pass within a test's short resync (AWS matches the spec either way).
   */
  static boolean isReady(CustomResource<?, ? extends KaizenStatus> resource) {
    return resource != null && resource.getStatus() != null
        && resource.getStatus().getObservedGeneration() != null
        && resource.getStatus().getObservedGeneration() >= resource.getMetadata().getGeneration()
        && Conditions.find(resource.getStatus().getConditions(), Conditions.READY)
            .filter(c -> "True".equals(c.getStatus())).isPresent();
  }

  /** Waits until the resource is Ready for its current generation; says what it last saw if not. */
  static <T extends CustomResource<?, ? extends KaizenStatus>> T awaitReady(OperatorHarness harness, Class<T> type,
      String namespace, String name, Duration atMost) {
    Object[] seen = new Object[1];
    try {
      await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
        T resource = harness.client().resources(type).inNamespace(namespace).withName(name).get();
        seen[0] = resource;
        return isReady(resource);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      @SuppressWarnings("unchecked")
      T last = (T) seen[0];
      throw new AssertionError(type.getSimpleName() + " " + namespace + "/" + name + " not Ready; status: "
          + harness.client().getKubernetesSerialization().asYaml(last == null ? null : last.getStatus()), e);
    }
    @SuppressWarnings("unchecked")
    T ready = (T) seen[0];
    return ready;
  }
}
