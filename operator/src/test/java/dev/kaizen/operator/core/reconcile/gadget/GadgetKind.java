package dev.kaizen.operator.core.reconcile.gadget;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.api.v1alpha1.common.PendingChange;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.reconcile.PendingState;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.core.reconcile.Waiting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The test-only kind: see {@link Gadget}. */
public final class GadgetKind implements Kind<Gadget, GadgetKind.Observation, GadgetStore> {
  /** The request annotation it acts on: {@code kaizen.dev/poke}. */
  public static final String POKE = "poke";
  public static final String PARTS_COMPLETE = "PartsComplete";

  /** What one observe saw: each part by name (empty when absent), markers included only in a full observe. */
  public record Observation(Map<String, Optional<GadgetStore.Part>> parts, boolean full) {}

  private final GadgetStore store;

  public GadgetKind(GadgetStore store) {
    this.store = store;
  }

  @Override
  public KaizenStatus initStatus(Gadget gadget) {
    if (gadget.getStatus() == null) {
      gadget.setStatus(new GadgetStatus());
    }
    return gadget.getStatus();
  }

  @Override
  public List<String> problems(Gadget gadget) {
    return List.of();
  }

  @Override
  public GadgetStore gateway(Gadget gadget, AccountBinding account) {
    return store;
  }

  @Override
  public Observation observe(Gadget gadget, GadgetStore store, boolean full) {
    store.noteObserve(gadget.getStatus() == null ? null : gadget.getStatus().getPhase(), full);
    Map<String, Optional<GadgetStore.Part>> parts = new LinkedHashMap<>();
    for (String name : gadget.getSpec().getParts()) {
      parts.put(name, store.read(name));
    }
    return new Observation(parts, full);
  }

  @Override
  public Observation emptyAccount(Gadget gadget) {
    Map<String, Optional<GadgetStore.Part>> parts = new LinkedHashMap<>();
    gadget.getSpec().getParts().forEach(name -> parts.put(name, Optional.empty()));
    return new Observation(parts, true);
  }

  @Override
  public List<OwnedObject> owned(Gadget gadget, Observation observed) {
    List<OwnedObject> objects = new ArrayList<>();
    observed.parts().forEach((name, part) -> objects.add(new OwnedObject("part " + name, part.isPresent(),
        part.filter(p -> observed.full()).map(GadgetStore.Part::marker), part.map(GadgetStore.Part::identity))));
    return objects;
  }

  @Override
  public Plan<GadgetStore> plan(Gadget gadget, Observation observed, Verdicts verdicts, OwnerTags mine) {
    List<Change<GadgetStore>> changes = new ArrayList<>();
    observed.parts().forEach((name, part) -> {
      if (part.isEmpty()) {
        changes.add(gadget.getSpec().isSlow()
            ? Change.awaiting(Effect.CREATE, "StartCreate", name, "absent", s -> s.startCreate(name, mine))
            : Change.of(Effect.CREATE, "Create", name, "absent", s -> s.create(name, mine)));
      } else if (verdicts.of("part " + name).retags()) {
        changes.add(Change.of(Effect.UPDATE, "Retag", name, "marker", s -> s.retag(name, mine)));
      }
    });
    Plan<GadgetStore> plan = new Plan<>(changes);
    GadgetStatus status = (GadgetStatus) initStatus(gadget);
    Optional<String> nextPhase = nextPhase(gadget);
    boolean mayLeavePhase = status.getPhase() == null || store.gateOpen();
    if (changes.isEmpty() && nextPhase.isPresent() && mayLeavePhase) {
      // One phase per reconcile: the phase is committed (locked) before its side effect.
      String phase = nextPhase.get();
      return new Plan<>(List.of(Change.<GadgetStore>of(Effect.UPDATE, "SideEffect", phase, "phase " + phase,
          s -> s.sideEffect(phase)))).committingFirst(new StatusCommit("enter phase " + phase,
          s -> ((GadgetStatus) s).setPhase(phase)));
    }
    Optional<Requests.Request> poke = Requests.pending(gadget, status, POKE);
    if (changes.isEmpty() && poke.isPresent()) {
      String value = poke.get().value();
      return new Plan<>(List.of(Change.<GadgetStore>of(Effect.UPDATE, "Poke", value, "requested",
          s -> s.sideEffect("poke " + value)))).committingFirst(poke.get().acknowledgement());
    }
    return plan;
  }

  private static Optional<String> nextPhase(Gadget gadget) {
    List<String> phases = gadget.getSpec().getPhases();
    String current = gadget.getStatus() == null ? null : gadget.getStatus().getPhase();
    int next = current == null ? 0 : phases.indexOf(current) + 1;
    return next < phases.size() ? Optional.of(phases.get(next)) : Optional.empty();
  }

  @Override
  public Optional<Waiting> waiting(Gadget gadget, Observation observed) {
    return inProgress(gadget) && !store.gateOpen()
        ? Optional.of(new Waiting("PhaseGateClosed", "Phase " + gadget.getStatus().getPhase() + " waits for its gate.",
            Duration.ofMillis(200)))
        : Optional.empty();
  }

  @Override
  public boolean inProgress(Gadget gadget) {
    return gadget.getStatus() != null && gadget.getStatus().getPhase() != null && nextPhase(gadget).isPresent();
  }

  @Override
  public void describe(Gadget gadget, Observation observed) {}

  @Override
  public Plan<GadgetStore> deletionPlan(Gadget gadget, Observation observed, Verdicts verdicts) {
    List<Change<GadgetStore>> changes = new ArrayList<>();
    observed.parts().forEach((name, part) -> {
      if (part.isPresent() && verdicts.deletable("part " + name)) {
        changes.add(Change.of(Effect.DELETE, "Delete", name, "resource deleted", s -> s.delete(name)));
      }
    });
    return new Plan<>(changes);
  }

  @Override
  public PendingState poll(Gadget gadget, GadgetStore store, PendingChange pending) {
    if (store.failed(pending.getHandle())) {
      return PendingState.failed("The operation " + pending.getHandle() + " ended without making its part.");
    }
    return store.running(pending.getHandle())
        ? PendingState.waiting(new Waiting("PartBeingMade", "Making a part: " + pending.getChange() + ".",
            Duration.ofMillis(200)))
        : PendingState.DONE;
  }

  @Override
  public List<DetailCondition> details(Gadget gadget, Optional<Observation> observed, Optional<Failure> failure) {
    if (observed.isEmpty()) {
      return List.of(DetailCondition.unknown(PARTS_COMPLETE, "NotObserved",
          failure.map(Failure::message).orElse("Not observed in this reconcile.")));
    }
    long missing = observed.get().parts().values().stream().filter(Optional::isEmpty).count();
    return List.of(DetailCondition.of(PARTS_COMPLETE, missing == 0, missing == 0 ? "AllPresent" : "Missing",
        missing + " part(s) missing."));
  }

  @Override
  public Optional<Failure> classify(Throwable error) {
    return error instanceof GadgetStore.Rejected rejected
        ? Optional.of(new Failure(FailureKind.TERMINAL, "RejectedByStore", rejected.getMessage(), Optional.empty()))
        : Optional.empty();
  }

  @Override
  public void changed(Gadget gadget) {}
}
