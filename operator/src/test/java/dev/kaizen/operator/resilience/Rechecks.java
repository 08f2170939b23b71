package dev.kaizen.operator.resilience;

import org.awaitility.Awaitility;

import dev.kaizen.operator.fakes.FakeAwsService;
import java.time.Duration;
import java.util.List;

/**
 * Waits for the operator to look again, instead of sleeping: until the fakes have served {@code reads} more calls
 * (the reads of rechecks). A test then asserts that those rechecks wrote nothing.
 */
final class Rechecks {
  private Rechecks() {}

  static void of(int reads, Duration atMost, FakeAwsService... fakes) {
    long before = calls(fakes);
    Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> calls(fakes) >= before + reads);
  }

  private static long calls(FakeAwsService... fakes) {
    return List.of(fakes).stream().mapToLong(f -> f.calls().size()).sum();
  }
}
