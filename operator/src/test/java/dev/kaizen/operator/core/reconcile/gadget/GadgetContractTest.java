package dev.kaizen.operator.core.reconcile.gadget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus.ObjectOwnership;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.EventRecorder;
import dev.kaizen.operator.core.reconcile.WatchScope;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Event;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kind contract on a kind that is cluster-scoped and touches no AWS: many owned objects each judged on its own
 * marker, changes that take time, a phase machine with a locked status commit, requests by annotation, the port's
 * own failure rules, detail conditions on every path. Each test looks again after rechecks and a restart.
 */
class GadgetContractTest {

  private static GadgetSpec spec(String... parts) {
    GadgetSpec spec = new GadgetSpec();
    spec.setParts(List.of(parts));
    return spec;
  }

  private static double reconciles(GadgetHarness harness) {
    return Search.in(harness.metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION).tag("kind", Gadget.KIND)
        .timers().stream().mapToLong(t -> t.count()).sum();
  }

  private static double reconciles(GadgetHarness harness, String outcome) {
    return Search.in(harness.metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION).tag("kind", Gadget.KIND)
        .tag("outcome", outcome).timers().stream().mapToLong(t -> t.count()).sum();
  }

  /** Waits until the loop has reconciled {@code more} more times: rechecks happened, whatever they did. */
  private static void awaitReconciles(GadgetHarness harness, int more) {
    double before = reconciles(harness);
    await().atMost(OperatorHarness.WAIT).until(() -> reconciles(harness) >= before + more);
  }

  /** Restarts the operator and waits for its first reconcile (a new operator reconciles every resource). */
  private static void restartAndAwaitReconcile(GadgetHarness harness) {
    double before = reconciles(harness);
    harness.restart();
    await().atMost(OperatorHarness.WAIT).until(() -> reconciles(harness) >= before + 1);
  }

  private static Map<String, String> verdicts(Gadget gadget) {
    return gadget.getStatus().getOwnership().getObjects().stream()
        .collect(Collectors.toMap(ObjectOwnership::getKey, ObjectOwnership::getVerdict));
  }

  @Test
  void aClusterScopedKindWithoutAwsConvergesAndReportsEachObject() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      harness.create("g1", spec("a", "b"));
      Gadget ready = harness.awaitCondition("g1", Conditions.READY, "True", Reasons.IN_SYNC);

      assertThat(harness.store().parts()).containsOnlyKeys("a", "b");
      // Owner strings of a cluster-scoped resource carry no namespace.
      assertThat(harness.store().parts().get("a").marker())
          .isEqualTo(new OwnerTags(OperatorHarness.CLUSTER.id(), "Gadget/g1", ready.getMetadata().getUid()));
      assertThat(verdicts(ready)).containsEntry("part a", "Owned").containsEntry("part b", "Owned");
      assertThat(Conditions.find(ready.getStatus().getConditions(), GadgetKind.PARTS_COMPLETE).orElseThrow()
          .getStatus()).isEqualTo("True");
      // Events of a cluster-scoped resource go where kubectl describe looks: the default namespace.
      assertThat(harness.events("g1")).extracting(Event::getReason).contains(Reasons.CREATED);
      assertThat(harness.events("g1").get(0).getMetadata().getNamespace())
          .isEqualTo(EventRecorder.CLUSTER_SCOPED_EVENTS);

      restartAndAwaitReconcile(harness);
      assertThat(harness.store().writes()).containsExactlyInAnyOrder("create a", "create b");
    }
  }

  @Test
  void namespaceShardingDoesNotHideAClusterScopedKind() {
    try (GadgetHarness harness = new GadgetHarness()
        .start(new WatchScope(java.util.Set.of("team-a", "team-b"), java.util.Optional.empty()))) {
      harness.create("g0", spec("a"));
      harness.awaitCondition("g0", Conditions.READY, "True", Reasons.IN_SYNC);
    }
  }

  @Test
  void eachObjectIsJudgedOnItsOwnMarkerAndEveryConflictIsNamed() {
    try (GadgetHarness harness = new GadgetHarness()) {
      harness.store().putForeign("b", new OwnerTags("another-cluster", "Gadget/g2", "uid-2"));
      harness.store().putForeign("c", new OwnerTags(null, null, null));
      harness.start();
      harness.create("g2", spec("a", "b", "c"));

      Gadget stalled = harness.awaitCondition("g2", Conditions.STALLED, "True", Reasons.OWNED_BY_OTHER);
      String message = Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow()
          .getMessage();
      assertThat(message).contains("part b belongs to Gadget/g2 of cluster another-cluster")
          .contains("part c already exists and carries no kaizen.dev owner marker");
      assertThat(verdicts(stalled)).containsEntry("part a", "Absent").containsEntry("part b", "OwnedByAnother")
          .containsEntry("part c", "NameConflict");
      assertThat(stalled.getStatus().getOwnership().getVerdict()).isEqualTo("OwnedByAnother");

      // A conflict never turns into a takeover: not at a recheck, not after a restart.
      restartAndAwaitReconcile(harness);
      assertThat(harness.store().writes()).isEmpty();
      assertThat(Conditions.isTrue(harness.get("g2").getStatus().getConditions(), Conditions.STALLED)).isTrue();
    }
  }

  @Test
  void aRestartWhileAChangeIsPendingWaitsForItInsteadOfRepeatingIt() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      GadgetSpec slow = spec("a");
      slow.setSlow(true);
      harness.create("g3", slow);

      Gadget waiting = harness.awaitCondition("g3", Conditions.RECONCILING, "True", "PartBeingMade");
      assertThat(waiting.getStatus().getPending()).singleElement()
          .satisfies(p -> assertThat(p.getHandle()).isEqualTo("op-1"));
      assertThat(Conditions.find(waiting.getStatus().getConditions(), Conditions.READY).orElseThrow().getStatus())
          .isEqualTo("False");

      harness.restart();
      int polls = harness.store().polls();
      await().atMost(OperatorHarness.WAIT).until(() -> harness.store().polls() >= polls + 3);
      assertThat(harness.store().writes()).containsExactly("start create a");

      harness.store().completeAll();
      Gadget ready = harness.awaitCondition("g3", Conditions.READY, "True", Reasons.IN_SYNC);
      assertThat(ready.getStatus().getPending()).isEmpty();
      assertThat(harness.store().writes()).containsExactly("start create a");
      assertThat(verdicts(ready)).containsEntry("part a", "Owned");
    }
  }

  @Test
  void aPendingChangeThatFailsIsPlannedAgainWithAWarning() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      GadgetSpec slow = spec("a");
      slow.setSlow(true);
      harness.create("g10", slow);
      harness.awaitCondition("g10", Conditions.RECONCILING, "True", "PartBeingMade");

      harness.store().fail("op-1");
      await().atMost(OperatorHarness.WAIT).until(() -> harness.store().writes().size() == 2);
      assertThat(harness.store().writes()).containsExactly("start create a", "start create a");
      assertThat(harness.events("g10")).extracting(Event::getReason).contains(Reasons.PENDING_CHANGE_FAILED);
      // The new operation is the one now waited for.
      await().atMost(OperatorHarness.WAIT).until(() -> harness.get("g10").getStatus().getPending().stream()
          .map(p -> p.getHandle()).toList().equals(List.of("op-2")));

      harness.store().completeAll();
      harness.awaitCondition("g10", Conditions.READY, "True", Reasons.IN_SYNC);
      assertThat(harness.store().writes()).hasSize(2);
    }
  }

  @Test
  void aChangeThatTookEffectBeforeAThrottleIsWaitedForNotRepeated() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      // AWS throttles the plan's second change after its first started: the first must reach status.pending even
      // though a moment of throttling is otherwise retried without a status write.
      harness.store().throttleNextStart("b");
      GadgetSpec slow = spec("a", "b");
      slow.setSlow(true);
      harness.create("g11", slow);
      harness.awaitCondition("g11", Conditions.RECONCILING, "True", "PartBeingMade");
      awaitReconciles(harness, 3);
      restartAndAwaitReconcile(harness);
      awaitReconciles(harness, 2);
      assertThat(harness.store().writes()).containsExactly("start create a");

      harness.store().completeAll();
      await().atMost(OperatorHarness.WAIT).until(() -> harness.store().writes().contains("start create b"));
      harness.store().completeAll();
      harness.awaitCondition("g11", Conditions.READY, "True", Reasons.IN_SYNC);
      assertThat(harness.store().writes()).containsExactly("start create a", "start create b");
    }
  }

  @Test
  void aSpecChangeThatCannotBeAppliedYetIsNeverReportedReadyAtItsGeneration() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      harness.create("g13", spec("a"));
      harness.awaitCondition("g13", Conditions.READY, "True", Reasons.IN_SYNC);
      // The new part cannot be made for now (a transient failure, retried): the status says so for generation 2,
      // and its Ready must not be the InSync of generation 1 (a GitOps tool reads observedGeneration + Ready).
      harness.store().unreachable("b");
      OperatorHarness.edit(harness.client().resources(Gadget.class).withName("g13"), g -> {
        g.getSpec().setParts(List.of("a", "b"));
        return g;
      });
      await().atMost(OperatorHarness.WAIT).until(() -> Long.valueOf(2).equals(harness.get("g13").getStatus()
          .getObservedGeneration()));
      awaitReconciles(harness, 2);
      var ready = Conditions.find(harness.get("g13").getStatus().getConditions(), Conditions.READY).orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getObservedGeneration()).isEqualTo(2L);

      // Positive control: once the part can be made, Ready at generation 2.
      harness.store().reachable("b");
      Gadget converged = harness.awaitCondition("g13", Conditions.READY, "True", Reasons.IN_SYNC);
      assertThat(converged.getStatus().getObservedGeneration()).isEqualTo(2L);
      assertThat(harness.store().writes()).containsExactly("create a", "create b");
    }
  }

  @Test
  void deletionWaitsForAChangeUnderWaySoNothingIsLeftBehind() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      GadgetSpec slow = spec("a");
      slow.setSlow(true);
      slow.setDeletionPolicy(DeletionPolicy.Delete);
      harness.create("g9", slow);
      harness.awaitCondition("g9", Conditions.RECONCILING, "True", "PartBeingMade");

      harness.client().resources(Gadget.class).withName("g9").delete();
      int polls = harness.store().polls();
      await().atMost(OperatorHarness.WAIT).until(() -> harness.store().polls() >= polls + 3);
      assertThat(harness.get("g9")).as("kept while its part is being made").isNotNull();

      harness.store().completeAll();
      await().atMost(OperatorHarness.WAIT).until(() -> harness.get("g9") == null);
      assertThat(harness.store().parts()).isEmpty();
      assertThat(harness.store().writes()).containsExactly("start create a", "delete a");
    }
  }

  @Test
  void aConflictOnTheLockedStatusCommitPreventsThePhaseSideEffect() {
    try (GadgetHarness harness = new GadgetHarness()) {
      // Someone else writes the gadget's status after the operator read it, just before it would enter phase one.
      harness.store().interfereWhen(() -> {
        Gadget current = harness.get("g4");
        if (current == null || current.getStatus() == null || current.getStatus().getPhase() != null
            || !harness.store().parts().containsKey("a")) {
          return false;
        }
        harness.client().resource(current).editStatus(g -> {
          g.getStatus().setNote("written by someone else");
          return g;
        });
        return true;
      });
      harness.start();
      GadgetSpec phased = spec("a");
      phased.setPhases(List.of("one", "two"));
      harness.create("g4", phased);

      await().atMost(OperatorHarness.WAIT).until(() -> harness.get("g4").getStatus() != null
          && "two".equals(harness.get("g4").getStatus().getPhase()));
      harness.awaitCondition("g4", Conditions.READY, "True", Reasons.IN_SYNC);
      restartAndAwaitReconcile(harness);

      assertThat(reconciles(harness, "conflict")).as("the interfering write made the commit conflict: "
          + harness.metrics().registry().getMeters().stream().map(m -> m.getId().toString()
              + "=" + m.measure().iterator().next().getValue()).toList()).isEqualTo(1);
      assertThat(harness.store().writes()).containsExactly("create a", "side effect one", "side effect two");
      // The locked writes were made on top of the other writer's status, never over it.
      assertThat(harness.get("g4").getStatus().getNote()).isEqualTo("written by someone else");
    }
  }

  @Test
  void whileAPhaseIsUnderWayEveryReconcileObservesInFull() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      harness.store().gate(false);
      GadgetSpec phased = spec("a");
      phased.setPhases(List.of("one", "two"));
      harness.create("g8", phased);

      harness.awaitCondition("g8", Conditions.RECONCILING, "True", "PhaseGateClosed");
      await().atMost(OperatorHarness.WAIT)
          .until(() -> harness.store().observes().stream().filter(o -> o.startsWith("one:")).count() >= 5);
      assertThat(harness.store().observes()).filteredOn(o -> o.startsWith("one:")).containsOnly("one:full");
      assertThat(harness.store().writes()).containsExactly("create a", "side effect one");

      harness.store().gate(true);
      harness.awaitCondition("g8", Conditions.READY, "True", Reasons.IN_SYNC);
      assertThat(harness.store().writes()).containsExactly("create a", "side effect one", "side effect two");
      // Positive control: once no phase is under way, rechecks are light again.
      restartAndAwaitReconcile(harness);
      assertThat(harness.store().observes()).last().isEqualTo("two:light");
    }
  }

  @Test
  void aRequestByAnnotationIsActedOnOncePerValue() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      harness.create("g5", spec("a"));
      harness.awaitCondition("g5", Conditions.READY, "True", Reasons.IN_SYNC);

      poke(harness, "g5", "2026-11-30T10:00:00Z");
      await().atMost(OperatorHarness.WAIT).until(() -> "2026-11-30T10:00:00Z"
          .equals(harness.get("g5").getStatus().getRequests().get(GadgetKind.POKE)));
      restartAndAwaitReconcile(harness);
      assertThat(harness.store().writes()).containsExactly("create a", "side effect poke 2026-11-30T10:00:00Z");

      poke(harness, "g5", "2026-11-30T11:00:00Z");
      await().atMost(OperatorHarness.WAIT).until(() -> harness.store().writes().size() == 3);
      restartAndAwaitReconcile(harness);
      assertThat(harness.store().writes()).endsWith("side effect poke 2026-11-30T11:00:00Z").hasSize(3);
    }
  }

  private static void poke(GadgetHarness harness, String name, String value) {
    OperatorHarness.edit(harness.client().resources(Gadget.class).withName(name), g -> {
      g.getMetadata().getAnnotations().put("kaizen.dev/" + GadgetKind.POKE, value);
      return g;
    });
  }

  @Test
  void aFailureThePortCallsTerminalStallsAndIsNotRetried() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      harness.create("g6", spec(GadgetStore.REJECTED_NAME));

      Gadget stalled = harness.awaitCondition("g6", Conditions.STALLED, "True", "RejectedByStore");
      assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
          .isEqualTo("Create forbidden-name failed: The store refuses the name forbidden-name.");
      // The kind's own condition is set on the failure path too.
      assertThat(Conditions.find(stalled.getStatus().getConditions(), GadgetKind.PARTS_COMPLETE).orElseThrow())
          .satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
      assertThat(stalled.getStatus().getBlockedGeneration()).isEqualTo(stalled.getMetadata().getGeneration());
      // Terminal: rechecked (every 2 s here) without being attempted again: observing goes on, applying does not.
      awaitReconciles(harness, 2);
      assertThat(harness.store().attempts()).containsExactly("create forbidden-name");
      assertThat(harness.get("g6").getStatus().getPlan()).containsExactly("Create forbidden-name: absent");

      // A person asks for one more try: exactly one more attempt.
      OperatorHarness.edit(harness.client().resources(Gadget.class).withName("g6"), g -> {
        g.getMetadata().getAnnotations().put("kaizen.dev/retry", "ticket-42");
        return g;
      });
      await().atMost(OperatorHarness.WAIT).until(() -> harness.store().attempts().size() == 2);
      awaitReconciles(harness, 2);
      assertThat(harness.store().attempts()).hasSize(2);

      // A new spec is tried at once.
      OperatorHarness.edit(harness.client().resources(Gadget.class).withName("g6"), g -> {
        g.getSpec().setParts(List.of("fine-name"));
        return g;
      });
      harness.awaitCondition("g6", Conditions.READY, "True", Reasons.IN_SYNC);
      assertThat(harness.get("g6").getStatus().getBlockedGeneration()).isNull();
    }
  }

  @Test
  void deletionDeletesOnlyTheObjectsThatAreStillOurs() {
    try (GadgetHarness harness = new GadgetHarness().start()) {
      GadgetSpec spec = spec("a", "b");
      spec.setDeletionPolicy(DeletionPolicy.Delete);
      harness.create("g7", spec);
      harness.awaitCondition("g7", Conditions.READY, "True", Reasons.IN_SYNC);
      // Someone took part b over since.
      harness.store().putForeign("b", new OwnerTags(OperatorHarness.CLUSTER.id(), "Gadget/other", "uid-9"));

      harness.client().resources(Gadget.class).withName("g7").delete();
      await().atMost(OperatorHarness.WAIT).until(() -> harness.get("g7") == null);

      assertThat(harness.store().parts()).containsOnlyKeys("b");
      assertThat(harness.events("g7")).extracting(Event::getMessage)
          .contains("The part b is not owned by this resource, so it was not deleted.", "Deleted: Delete a:"
              + " resource deleted.");
    }
  }
}
