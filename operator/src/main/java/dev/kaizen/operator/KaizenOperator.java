package dev.kaizen.operator;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.reconcile.AwsReconcileLoop;
import dev.kaizen.operator.core.reconcile.ControllerRegistration;
import dev.kaizen.operator.core.reconcile.EventRecorder;
import dev.kaizen.operator.logs.KubernetesFluentBitConfigs;
import dev.kaizen.operator.logs.LogPipelineKind;
import dev.kaizen.operator.logs.LogPipelineReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;

/**
 * Wires the kinds into one JOSDK operator. Used by {@code kaizen run} and, with the mock API server and the AWS
 * fakes, by the operator tests: the path the tests exercise is the path that runs.
 */
public final class KaizenOperator implements AutoCloseable {
  private final Operator operator;

  public KaizenOperator(KubernetesClient client, AwsClients aws, OperatorSettings settings) {
    this.operator = new Operator(config -> config
        .withKubernetesClient(client)
        .withCloseClientOnStop(false)
        // DESIGN.md: writes use update/merge-patch with optimistic locking, never server-side apply.
        .withUseSSAToPatchPrimaryResource(false)
        .withConcurrentReconciliationThreads(settings.reconcileThreads()));
    AwsCalls calls = new AwsCalls(new RateLimits());
    EventRecorder events = new EventRecorder(client, settings.clock());

    var fluentBit = new KubernetesFluentBitConfigs(client, settings.fluentBitNamespace(),
        settings.fluentBitConfigMap());
    LogPipelineKind logs = new LogPipelineKind(aws, calls, settings.defaultRegion(), settings.clock(),
        settings.timings().snapshotMaxAge(), fluentBit);
    var logLoop = new AwsReconcileLoop<>(LogPipeline.KIND, logs, settings.cluster(), settings.timings(), events,
        settings.clock());
    ControllerRegistration.register(operator, new LogPipelineReconciler(logLoop, logs), settings.timings());
  }

  public void start() {
    operator.start();
  }

  /** True once every informer has synced and is healthy: the readiness probe. */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
