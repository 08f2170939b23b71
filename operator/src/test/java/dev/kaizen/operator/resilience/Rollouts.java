package dev.kaizen.operator.resilience;

import dev.kaizen.operator.testing.OperatorHarness;

/** Events of a resource, counted by reason. */
final class Rollouts {
  private Rollouts() {}

  static long eventCount(OperatorHarness harness, String namespace, String name, String reason) {
    return harness.events(namespace, name).stream().filter(e -> reason.equals(e.getReason()))
        .mapToLong(e -> e.getCount() == null ? 1 : e.getCount()).sum();
  }
}
