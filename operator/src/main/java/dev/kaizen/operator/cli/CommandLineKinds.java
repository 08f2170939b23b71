package dev.kaizen.operator.cli;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.logs.LogPipelineKind;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** The kinds the command line can check and plan, built as the operator builds them. */
final class CommandLineKinds {
  private CommandLineKinds() {}

  static Map<String, PlannableKind<?, ?, ?>> all(AwsClients clients, Optional<Region> defaultRegion) {
    AwsCalls calls = new AwsCalls(new RateLimits());
    var logs = new LogPipelineKind(clients, calls, defaultRegion, Clock.systemUTC(),
        ReconcileTimings.defaults().snapshotMaxAge());
    return Map.of(LogPipeline.KIND, new PlannableKind<>(LogPipeline.KIND, LogPipeline.class, logs));
  }

  /** For checks that never reach AWS: any attempt to build a client is a bug. */
  static AwsClients noAws() {
    return target -> {
      throw new IllegalStateException("offline: no AWS client for " + target);
    };
  }
}
