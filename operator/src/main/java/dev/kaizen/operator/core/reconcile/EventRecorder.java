package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.core.metrics.KaizenMetrics;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events (core/v1) about a resource, for meaningful transitions only. An event that cannot be
 * written is logged, never fails the reconcile: events are advisory.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  public static final String COMPONENT = "kaizen-operator";
  /** The namespace of events about cluster-scoped resources (as the Kubernetes event recorder does). */
  public static final String CLUSTER_SCOPED_EVENTS = "default";

  private final KubernetesClient client;
  private final Clock clock;
  private final KaizenMetrics metrics;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this(client, clock, KaizenMetrics.discarding());
  }

  /**
   * @param metrics where events are counted; the reconcile loops also take their metrics from here, so every
   *     kind wired with the operator's recorder is measured without code of its own
   */
  public EventRecorder(KubernetesClient client, Clock clock, KaizenMetrics metrics) {
    this.client = client;
    this.clock = clock;
    this.metrics = metrics;
  }

  public KaizenMetrics metrics() {
    return metrics;
  }

  public void normal(HasMetadata resource, String reason, String message) {
    record(resource, "Normal", reason, message);
  }

  public void warning(HasMetadata resource, String reason, String message) {
    record(resource, "Warning", reason, message);
  }

  private void record(HasMetadata resource, String type, String reason, String message) {
    metrics.event(resource.getKind(), type, reason);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    var metadata = resource.getMetadata();
    // Events about a cluster-scoped resource live in "default", where kubectl describe looks for them.
    String namespace = metadata.getNamespace() == null ? CLUSTER_SCOPED_EVENTS : metadata.getNamespace();
    var event = new EventBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(metadata.getName() + "." + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(resource.getApiVersion())
            .withKind(resource.getKind())
            .withNamespace(metadata.getNamespace())
            .withName(metadata.getName())
            .withUid(metadata.getUid())
            .withResourceVersion(metadata.getResourceVersion())
            .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} for {}/{}: {}", reason, metadata.getNamespace(), metadata.getName(),
          e.getMessage());
    }
  }
}
