package dev.kaizen.operator.core.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.common.KaizenSpec;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.common.OwnershipStatus;
import dev.kaizen.operator.api.v1alpha1.common.PendingChange;
import dev.kaizen.operator.core.Applied;
import dev.kaizen.operator.core.ChangeFailedException;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.Happened;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.core.metrics.KaizenMetrics.Outcome;
import dev.kaizen.operator.core.metrics.ResourceTracker;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.Ownership;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * observe -> plan -> apply -> report, the same for every kind, with or without AWS, namespaced or cluster-scoped
 * (DESIGN.md, "The shape of one reconcile", "The kind contract"). One status write per reconcile at most, and none
 * when nothing changed; a plan with a {@link StatusCommit} writes it first, locked, and then the rest locked too.
 *
 * <p>Before observing, changes still pending from an earlier reconcile ({@code status.pending}) are asked about:
 * while one is under way nothing is planned again, so a restart resumes instead of repeating it.
 */
public final class ReconcileLoop<R extends CustomResource<? extends KaizenSpec, ? extends KaizenStatus>, O, G> {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

  /** Setting or changing this annotation asks for an immediate full re-observe (incident runbooks). */
  public static final String RECONCILE_REQUESTED_AT = "kaizen.dev/reconcile-requested-at";
  /** The request ({@code kaizen.dev/retry}) to apply again changes a terminal failure blocked. */
  public static final String RETRY = "retry";

  private final String kindName;
  private final Kind<R, O, G> kind;
  private final ClusterIdentity cluster;
  private final ReconcileTimings timings;
  private final EventRecorder events;
  private final Clock clock;
  private final Backoff backoff;
  private final Assessor<R, O, G> assessor;
  private final KaizenMetrics metrics;
  private final ResourceTracker tracker;
  private final RateLimitStreaks rateLimitStreaks = new RateLimitStreaks();
  private final StatusWriter statusWriter;
  private final AccountResolver accounts;
  private final AccountDefaultsSeen accountDefaults = new AccountDefaultsSeen();
  /**
   * The generation each resource was last Ready at, in this process. A correction made while an earlier one is
   * still being confirmed (Ready=False, Applying) is drift too: the spec has not changed since it converged.
   */
  private final Map<String, Long> convergedGenerations = new ConcurrentHashMap<>();

  /** MDC keys set around every reconcile and deletion, so each log line names its resource. */
  public static final String MDC_KIND = "kind";
  public static final String MDC_NAMESPACE = "namespace";
  public static final String MDC_NAME = "name";

  public ReconcileLoop(String kindName, Kind<R, O, G> kind, ClusterIdentity cluster, ReconcileTimings timings,
      EventRecorder events, Clock clock, StatusWriter statusWriter, AccountResolver accounts) {
    this.statusWriter = statusWriter;
    this.accounts = accounts;
    this.kindName = kindName;
    this.kind = kind;
    this.cluster = cluster;
    this.timings = timings;
    this.events = events;
    this.clock = clock;
    this.backoff = new Backoff(timings.backoffBase(), timings.backoffMax());
    this.assessor = new Assessor<>(kindName, kind, cluster);
    this.metrics = events.metrics();
    this.tracker = metrics.kind(kindName);
  }

  /** What a reconcile or deletion tells the framework, and how it ended (for the metrics). */
  private record Done<C>(C control, Outcome outcome) {}

  /** What one reconcile learned on the way, for the kind's detail conditions and the final status write. */
  private final class Pass {
    Optional<O> observed = Optional.empty();
    Optional<Failure> failure = Optional.empty();
    /** A status commit was written (locked): the final write must be locked too, never a patch on a stale base. */
    boolean committed;
  }

  /** The locked status write of a plan's commit failed: someone wrote the resource since it was read. */
  private static final class CommitConflict extends RuntimeException {
    CommitConflict(StatusCommit commit, KubernetesClientException cause) {
      super("could not " + commit.describe() + ": the resource changed since it was read", cause);
    }
  }

  /** One reconcile, timed and counted by outcome, with the resource's kind/namespace/name in the MDC. */
  public UpdateControl<R> reconcile(R resource) {
    long start = System.nanoTime();
    Outcome outcome = Outcome.FAILED;
    try (var mdc = mdc(resource)) {
      Done<UpdateControl<R>> done = reconcileOnce(resource);
      outcome = done.outcome();
      tracker.update(uid(resource), statusOf(resource).getConditions(), outcome.synced());
      return done.control();
    } finally {
      metrics.reconciled(kindName, outcome, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Done<UpdateControl<R>> reconcileOnce(R resource) {
    JsonNode before = Serialization.jsonMapper().valueToTree(resource.getStatus());
    KaizenStatus status = kind.initStatus(resource);
    Instant now = clock.instant();
    Long generation = resource.getMetadata().getGeneration();
    boolean specChanged = !Objects.equals(status.getObservedGeneration(), generation);
    boolean wasReady = Conditions.isTrue(status.getConditions(), Conditions.READY);
    Pass pass = new Pass();
    Duration next;
    Outcome outcome;
    try {
      List<String> problems = kind.problems(resource);
      if (!problems.isEmpty()) {
        next = stalled(resource, Reasons.INVALID_SPEC, String.join(" ", problems), now);
        outcome = Outcome.STALLED;
      } else {
        next = converge(resource, pass, now, specChanged, wasReady);
        outcome = convergeOutcome(status);
      }
    } catch (CommitConflict conflict) {
      // Nothing was applied. The status we hold is stale: write nothing, read the resource again shortly.
      LOG.info("{} {}/{}: {}", kindName, ns(resource), name(resource), conflict.getMessage());
      return new Done<>(UpdateControl.<R>noUpdate().rescheduleAfter(timings.backoffBase()), Outcome.CONFLICT);
    } catch (RuntimeException e) {
      if (e instanceof ChangeFailedException changeFailed) {
        kind.changed(resource);
        recordPending(status, changeFailed.appliedBefore(), now);
      }
      Failure failure = FailureClassifier.classify(e, kind::classify);
      pass.failure = Optional.of(failure);
      log(resource, "", failure, e);
      if (failure.kind() == FailureKind.TERMINAL) {
        status.setBlockedGeneration(generation);
      }
      if (failure.stalls()) {
        next = stalled(resource, failure.reason(), failure.message(), now);
        outcome = Outcome.STALLED;
      } else if (failure.kind() == FailureKind.THROTTLED) {
        // Our own limiter (a retry time given: nothing was sent) or AWS's throttling (back off): nothing is wrong
        // with the resource, so come back quietly — unless it has lasted long enough that the status must say what
        // it waits for. A moment of AWS throttling flapping Ready and Reconciling would read as trouble to GitOps
        // tools (measured: 8 of 10 MailRoutes in `kaizen bench` showed one SES throttle in their status).
        boolean ours = failure.retryAfter().isPresent();
        Outcome throttled = ours ? Outcome.RATE_LIMITED : Outcome.THROTTLED;
        Duration retry = failure.retryAfter().orElseGet(() -> backoff.next(uid(resource)));
        Instant streakStart = rateLimitStreaks.note(uid(resource), now);
        // Quiet only when nothing took effect: what did (a pending change to follow) must reach the status.
        boolean tookEffect = e instanceof ChangeFailedException changeFailed && !changeFailed.appliedBefore().isEmpty();
        if (!pass.committed && !tookEffect
            && Duration.between(streakStart, now).compareTo(timings.rateLimitedQuietFor()) < 0) {
          return new Done<>(UpdateControl.<R>noUpdate().rescheduleAfter(retry), throttled);
        }
        next = ours ? heldBack(resource, failure, streakStart, now) : retrying(resource, failure, retry, now);
        outcome = throttled;
      } else {
        next = retrying(resource, failure, now);
        outcome = Outcome.TRANSIENT_ERROR;
      }
    }
    if (outcome != Outcome.RATE_LIMITED && outcome != Outcome.THROTTLED) {
      rateLimitStreaks.end(uid(resource));
    }
    setDetails(resource, pass, now);
    status.setObservedGeneration(generation);
    JsonNode after = Serialization.jsonMapper().valueToTree(status);
    if (pass.committed) {
      return new Done<>(writeLockedAfterCommit(resource, before.equals(after)).rescheduleAfter(next), outcome);
    }
    UpdateControl<R> control = before.equals(after) ? UpdateControl.noUpdate() : UpdateControl.patchStatus(resource);
    return new Done<>(control.rescheduleAfter(next), outcome);
  }

  /** The kind's own conditions, on every path (failures included), so none of them is ever left stale. */
  private void setDetails(R resource, Pass pass, Instant now) {
    KaizenStatus status = statusOf(resource);
    for (DetailCondition detail : kind.details(resource, pass.observed, pass.failure)) {
      Conditions.set(status.getConditions(), detail.type(), detail.status(), detail.reason(), detail.message(),
          generation(resource), now);
    }
  }

  /**
   * After a locked commit the rest of the status is written locked too, on top of the committed version: the
   * framework's patch is computed against its cached copy, which no longer is what the server holds.
   */
  private UpdateControl<R> writeLockedAfterCommit(R resource, boolean unchanged) {
    if (!unchanged) {
      try {
        statusWriter.writeLocked(resource);
      } catch (KubernetesClientException e) {
        // The commit itself is durable; the report is written again by the next reconcile, which reads afresh.
        LOG.info("{} {}/{}: status report after a commit not written ({}); the next reconcile writes it", kindName,
            ns(resource), name(resource), e.getMessage());
      }
    }
    return UpdateControl.noUpdate();
  }

  private Duration converge(R resource, Pass pass, Instant now, boolean specChanged, boolean wasReady) {
    KaizenStatus status = statusOf(resource);
    KaizenSpec spec = resource.getSpec();
    AccountBinding account = accounts.resolve(resource);
    G gateway = kind.gateway(resource, account);
    Optional<Duration> stillPending = pollPending(resource, gateway, now);
    if (stillPending.isPresent()) {
      return stillPending.get();
    }
    OwnershipStatus recorded = status.getOwnership();
    // New account default tags reach existing objects only through a full observe (tags are read there).
    boolean defaultsChanged = accountDefaults.changed(uid(resource), account.defaultTags());
    Assessment<O, G> assessment = assessor.assess(resource, gateway,
        defaultsChanged || fullObserveDue(resource, now, specChanged), recorded);
    pass.observed = Optional.of(assessment.observed());
    if (assessment.objects().stream().anyMatch(object -> object.exists()
        && assessment.verdicts().of(object.key()).mayManage())) {
      // The account its objects live in: the resolver refuses another one from now on (a move is a migration). An
      // object of someone else found at our name does not count: nothing of ours lives there.
      recordAccount(resource, status, account);
    }
    if (assessment.full()) {
      accountDefaults.observedInFull(uid(resource), account.defaultTags());
      status.setLastFullSyncTime(now.toString());
      status.setOwnership(assessment.verdict());
    }
    if (assessment.conflict().isPresent()) {
      kind.describeIntent(resource);
      return stalled(resource, assessment.conflict().get().reason(), assessment.conflict().get().message(), now);
    }
    O observed = assessment.observed();
    Plan<G> plan = assessment.plan();
    kind.describe(resource, observed);
    if (plan.isEmpty()) {
      status.setPlan(List.of());
      status.setBlockedGeneration(null); // nothing left to refuse
      backoff.reset(uid(resource));
      Optional<Waiting> waiting = kind.waiting(resource, observed);
      if (waiting.isPresent()) {
        setConditions(resource, false, waiting.get().reason(), waiting.get().message(), true,
            waiting.get().reason(), now);
        return waiting.get().recheckAfter();
      }
      Optional<String> behind = kind.driftDetectionBehind(resource);
      Optional.ofNullable(generation(resource)).ifPresent(g -> convergedGenerations.put(uid(resource), g));
      setConditions(resource, true, behind.isPresent() ? Reasons.DRIFT_DETECTION_BEHIND : Reasons.IN_SYNC,
          "AWS matches the spec." + behind.map(note -> " " + note).orElse(""), false, null, now);
      return kind.recheckWhileReady(resource).filter(sooner -> sooner.compareTo(timings.requeue()) < 0)
          .orElse(timings.requeue());
    }
    if (spec.effectiveMode() == Mode.Plan) {
      status.setPlan(plan.describe());
      backoff.reset(uid(resource));
      setConditions(resource, false, Reasons.PLAN_PENDING, plan.size() + " change(s) pending; mode is Plan, so"
          + " nothing is applied. See status.plan.", false, null, now);
      return timings.requeue();
    }
    if (blockedByTerminalFailure(resource)) {
      // The same changes were refused as they are: show them, keep the Stalled sentence, apply nothing.
      status.setPlan(plan.describe());
      return timings.stalledRecheck();
    }
    // Kept until applied: if a change fails, status.plan still lists what remains.
    status.setPlan(plan.describe());
    plan.commit().ifPresent(commit -> commit(resource, commit, pass));
    List<Applied<G>> applied = apply(resource, plan, gateway);
    kind.changed(resource);
    if (applied.stream().anyMatch(a -> a.happened() == Happened.CREATED)) {
      recordAccount(resource, status, account);
    }
    status.setPlan(List.of());
    backoff.reset(uid(resource));
    announce(resource, applied, assessment.verdicts().root(), specChanged, wasReady, recorded,
        assessment.root().exists());
    if (recordPending(status, applied, now) > 0) {
      String message = "Applied " + plan.size() + " change(s); waiting for " + status.getPending().size()
          + " to take effect: " + status.getPending().stream().map(PendingChange::getChange)
              .collect(java.util.stream.Collectors.joining("; ")) + ".";
      setConditions(resource, false, Reasons.WAITING_FOR_CHANGES, message, true, Reasons.WAITING_FOR_CHANGES, now);
      return timings.confirm();
    }
    setConditions(resource, false, Reasons.APPLYING, "Applied " + plan.size() + " change(s); confirming.", true,
        Reasons.APPLYING, now);
    return timings.confirm();
  }

  /**
   * Records the account the resource's objects live in: the binding's name ({@code status.accountName}, which the
   * resolver holds it to from now on: a move is a migration) and its 12-digit ID ({@code status.account}, what a
   * person compares with the AWS console). The ID is asked once per binding change; when it cannot be had now (STS
   * unreachable, say) the name is kept and the ID asked again at the next reconcile.
   */
  private void recordAccount(R resource, KaizenStatus status, AccountBinding account) {
    boolean idKnown = account.account().equals(status.getAccountName()) && status.getAccount() != null;
    status.setAccountName(account.account());
    if (idKnown) {
      return;
    }
    try {
      status.setAccount(accounts.accountId(account).orElse(null));
    } catch (RuntimeException e) {
      status.setAccount(null);
      LOG.info("{} {}/{}: the ID of account {} is not known yet ({}); asking again at the next reconcile", kindName,
          ns(resource), name(resource), account.account(), e.getMessage());
    }
  }

  /**
   * Whether a terminal failure blocked this generation's changes. A new generation, or a new value of
   * {@code kaizen.dev/retry} (acknowledged in status.requests), lifts the block.
   */
  private boolean blockedByTerminalFailure(R resource) {
    KaizenStatus status = statusOf(resource);
    Long blocked = status.getBlockedGeneration();
    if (blocked == null) {
      return false;
    }
    Optional<Requests.Request> retry = Requests.pending(resource, status, RETRY);
    if (!blocked.equals(generation(resource)) || retry.isPresent()
        || !Conditions.isTrue(status.getConditions(), Conditions.STALLED)) {
      retry.ifPresent(r -> status.getRequests().put(r.name(), r.value()));
      status.setBlockedGeneration(null);
      return false;
    }
    return true;
  }

  /**
   * Asks the kind about each change still pending. While one is under way, says when to look again and plans
   * nothing (so nothing is made twice); once all took effect (or failed, and are planned again), the reconcile goes
   * on with a full observe.
   */
  private Optional<Duration> pollPending(R resource, G gateway, Instant now) {
    KaizenStatus status = statusOf(resource);
    if (status.getPending().isEmpty()) {
      return Optional.empty();
    }
    List<PendingChange> still = new ArrayList<>();
    Optional<Waiting> first = Optional.empty();
    for (PendingChange pending : status.getPending()) {
      PendingState state = kind.poll(resource, gateway, pending);
      switch (state.state()) {
        case WAITING -> {
          still.add(pending);
          first = first.or(state::waiting);
        }
        case FAILED -> events.warning(resource, Reasons.PENDING_CHANGE_FAILED, pending.getChange() + ": "
            + state.failure().orElse("failed") + " It is planned again.");
        case DONE -> LOG.info("{} {}/{}: took effect: {}", kindName, ns(resource), name(resource),
            pending.getChange());
      }
    }
    status.setPending(still);
    if (still.isEmpty()) {
      // What was waited for is done: read the result in full before claiming Ready.
      status.setLastFullSyncTime(null);
      return Optional.empty();
    }
    Waiting waiting = first.orElseGet(() -> new Waiting(Reasons.WAITING_FOR_CHANGES, "Waiting for "
        + still.size() + " change(s) to take effect.", timings.confirm()));
    setConditions(resource, false, waiting.reason(), waiting.message(), true, waiting.reason(), now);
    return Optional.of(waiting.recheckAfter());
  }

  /** Keeps the handles of applied changes that take time in status.pending; returns how many were added. */
  private static int recordPending(KaizenStatus status, List<? extends Applied<?>> applied, Instant now) {
    int added = 0;
    for (Applied<?> change : applied) {
      if (change.pending().isPresent()) {
        status.getPending().add(new PendingChange(change.describe(), change.pending().get(), now.toString()));
        added++;
      }
    }
    return added;
  }

  /**
   * Writes the plan's commit with optimistic locking before any change is made. On a conflict nothing is applied
   * and the reconcile's status is left as it was read.
   */
  private void commit(R resource, StatusCommit commit, Pass pass) {
    R copy = Serialization.clone(resource);
    commit.edit().accept(copy.getStatus());
    R written;
    try {
      written = statusWriter.writeLocked(copy);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new CommitConflict(commit, e);
      }
      throw e;
    }
    commit.edit().accept(statusOf(resource));
    resource.getMetadata().setResourceVersion(written.getMetadata().getResourceVersion());
    pass.committed = true;
    LOG.info("{} {}/{}: committed {}", kindName, ns(resource), name(resource), commit.describe());
  }

  private static Outcome convergeOutcome(KaizenStatus status) {
    if (Conditions.isTrue(status.getConditions(), Conditions.STALLED)) {
      return Outcome.STALLED;
    }
    if (Conditions.isTrue(status.getConditions(), Conditions.READY)) {
      return Outcome.IN_SYNC;
    }
    return Reasons.PLAN_PENDING.equals(Conditions.reason(status.getConditions(), Conditions.READY).orElse(""))
        ? Outcome.PLAN_PENDING : Outcome.APPLIED;
  }

  /** Deletion with the finalizer, timed and counted like a reconcile; the resource leaves the gauges once done. */
  public DeleteControl cleanup(R resource) {
    long start = System.nanoTime();
    Outcome outcome = Outcome.FAILED;
    try (var mdc = mdc(resource)) {
      Done<DeleteControl> done = delete(resource);
      outcome = done.outcome();
      if (done.control().isRemoveFinalizer()) {
        tracker.forget(uid(resource));
        rateLimitStreaks.end(uid(resource));
        accountDefaults.forget(uid(resource));
        convergedGenerations.remove(uid(resource));
      }
      return done.control();
    } finally {
      metrics.reconciled(kindName, outcome, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Done<DeleteControl> delete(R resource) {
    KaizenSpec spec = resource.getSpec();
    if (spec.effectiveMode() == Mode.Plan) {
      events.normal(resource, Reasons.RETAINED, "Mode is Plan: nothing was deleted.");
      return new Done<>(DeleteControl.defaultDelete(), Outcome.RETAINED);
    }
    if (spec.effectiveDeletionPolicy() != dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy.Delete) {
      events.normal(resource, Reasons.RETAINED, "deletionPolicy is Retain: the objects it owns were kept.");
      return new Done<>(DeleteControl.defaultDelete(), Outcome.RETAINED);
    }
    try {
      G gateway = kind.gateway(resource, accounts.resolve(resource));
      Optional<Waiting> pending = stillPending(resource, gateway);
      if (pending.isPresent()) {
        // A change under way may yet create an object: deleting now would leave it behind, owned by nobody.
        LOG.info("{} {}/{}: deletion waits for a change under way: {}", kindName, ns(resource), name(resource),
            pending.get().message());
        return new Done<>(DeleteControl.noFinalizerRemoval().rescheduleAfter(pending.get().recheckAfter()),
            Outcome.WAITING);
      }
      O observed = kind.observe(resource, gateway, true);
      List<OwnedObject> objects = kind.owned(resource, observed);
      List<OwnedObject> existing = objects.stream().filter(OwnedObject::exists).toList();
      if (existing.isEmpty()) {
        events.normal(resource, Reasons.DELETED, "The " + describe(objects) + " " + (objects.size() == 1 ? "was"
            : "were") + " already gone.");
        return new Done<>(DeleteControl.defaultDelete(), Outcome.DELETED);
      }
      // Deletion reads markers afresh and never adopts: only what carries this resource's marker is deleted.
      Verdicts verdicts = assessor.verdicts(resource, existing.stream().map(ReconcileLoop::unmarkedUnlessRead)
          .toList(), false);
      List<OwnedObject> notOurs = existing.stream().filter(o -> !verdicts.deletable(o.key())).toList();
      if (!notOurs.isEmpty()) {
        events.warning(resource, Reasons.RETAINED, "The " + describe(notOurs) + " " + (notOurs.size() == 1
            ? "is" : "are") + " not owned by this resource, so " + (notOurs.size() == 1 ? "it was" : "they were")
            + " not deleted.");
      }
      List<Applied<G>> applied = apply(resource, kind.deletionPlan(resource, observed, verdicts), gateway);
      kind.changed(resource);
      backoff.reset(uid(resource));
      String deleted = tookEffect(applied);
      if (!deleted.isEmpty()) {
        events.normal(resource, Reasons.DELETED, "Deleted: " + deleted + ".");
      } else if (notOurs.isEmpty()) {
        events.normal(resource, Reasons.DELETED, "The " + describe(existing) + " " + (existing.size() == 1
            ? "was" : "were") + " already gone.");
      }
      return new Done<>(DeleteControl.defaultDelete(), deleted.isEmpty() && !notOurs.isEmpty()
          ? Outcome.RETAINED : Outcome.DELETED);
    } catch (RuntimeException e) {
      kind.changed(resource);
      Failure failure = FailureClassifier.classify(e, kind::classify);
      log(resource, ", deletion failed", failure, e);
      if (Reasons.INVALID_SPEC.equals(failure.reason())) {
        // Nothing this spec names can be found (no region, say): there is nothing to delete.
        events.warning(resource, Reasons.RETAINED, "Nothing was deleted: " + failure.message());
        return new Done<>(DeleteControl.defaultDelete(), Outcome.RETAINED);
      }
      Duration retry = failure.retryAfter().orElseGet(() -> failure.stalls()
          ? timings.stalledRecheck() : backoff.next(uid(resource)));
      if (failure.stalls()) {
        events.warning(resource, Reasons.STALLED, "Deletion is blocked: " + failure.message());
      }
      return new Done<>(DeleteControl.noFinalizerRemoval().rescheduleAfter(retry), Outcome.DELETE_FAILED);
    }
  }

  /**
   * An object whose marker a full observe did not read counts as carrying none (never as ours, which is what a
   * missing marker means to a light observe).
   */
  private static OwnedObject unmarkedUnlessRead(OwnedObject object) {
    return object.marker().isPresent() ? object : new OwnedObject(object.key(), object.description(), true,
        Optional.of(new dev.kaizen.operator.core.ownership.OwnerTags(null, null, null)), object.identity());
  }

  /** The first pending change (from status.pending) the kind says is still under way, if any. */
  private Optional<Waiting> stillPending(R resource, G gateway) {
    for (PendingChange pending : statusOf(resource).getPending()) {
      PendingState state = kind.poll(resource, gateway, pending);
      if (state.state() == PendingState.State.WAITING) {
        return Optional.of(state.waiting().orElseGet(() -> new Waiting(Reasons.WAITING_FOR_CHANGES,
            pending.getChange() + " is still under way.", timings.confirm())));
      }
    }
    return Optional.empty();
  }

  private static String describe(List<OwnedObject> objects) {
    return objects.stream().map(OwnedObject::description).collect(java.util.stream.Collectors.joining(", "));
  }

  private boolean fullObserveDue(R resource, Instant now, boolean specChanged) {
    KaizenStatus status = statusOf(resource);
    // A phase machine under way reads everything every time: each phase's decision rests on a complete look.
    if (specChanged || status.getLastFullSyncTime() == null || confirming(status) || kind.inProgress(resource)) {
      return true;
    }
    Instant last = parseInstant(status.getLastFullSyncTime()).orElse(Instant.EPOCH);
    // An RFC 3339 timestamp later than the last full sync asks for one now.
    Optional<Instant> requested = Optional.ofNullable(annotation(resource, RECONCILE_REQUESTED_AT))
        .flatMap(ReconcileLoop::parseInstant);
    if (requested.isPresent() && requested.get().isAfter(last)) {
      return true;
    }
    // Spread per resource: each waits fullObserve plus up to half of it more, fixed by its uid.
    long spreadMillis = Math.floorMod(uid(resource).hashCode(), Math.max(1, timings.fullObserve().toMillis() / 2));
    return !now.isBefore(last.plus(timings.fullObserve()).plusMillis(spreadMillis));
  }

  /** Right after applying, the result is read in full (tags, subscription), so Ready rests on a complete look. */
  private static boolean confirming(KaizenStatus status) {
    return Conditions.isTrue(status.getConditions(), Conditions.RECONCILING)
        && Reasons.APPLYING.equals(Conditions.reason(status.getConditions(), Conditions.RECONCILING).orElse(""));
  }

  private void log(R resource, String what, Failure failure, RuntimeException e) {
    failure.log(LOG, kindName + " " + ns(resource) + "/" + name(resource) + what, e);
  }

  private Duration stalled(R resource, String reason, String message, Instant now) {
    KaizenStatus status = statusOf(resource);
    boolean already = Conditions.isTrue(status.getConditions(), Conditions.STALLED)
        && reason.equals(Conditions.reason(status.getConditions(), Conditions.STALLED).orElse(""));
    status.setPlan(List.of());
    Conditions.set(status.getConditions(), Conditions.READY, false, reason, message, generation(resource), now);
    Conditions.set(status.getConditions(), Conditions.RECONCILING, false, reason, message, generation(resource), now);
    Conditions.set(status.getConditions(), Conditions.STALLED, true, reason, message, generation(resource), now);
    if (!already) {
      events.warning(resource, reason, message);
    }
    return timings.stalledRecheck();
  }

  private Duration retrying(R resource, Failure failure, Instant now) {
    return retrying(resource, failure, failure.retryAfter().orElseGet(() -> backoff.next(uid(resource))), now);
  }

  private Duration retrying(R resource, Failure failure, Duration delay, Instant now) {
    String message = failure.message() + " Retrying in " + Math.max(1, delay.toSeconds()) + "s.";
    stillReconciling(resource, failure.reason(), message, now);
    return delay;
  }

  /**
   * Reconciling with this reason. Ready is kept when it was judged for this generation (not being able to look is no
   * evidence AWS changed), else set False: a Ready of an earlier spec, beside the status's new observedGeneration,
   * would tell a GitOps tool that a spec nothing has applied yet is in place.
   */
  private void stillReconciling(R resource, String reason, String message, Instant now) {
    KaizenStatus status = statusOf(resource);
    boolean readyForThisSpec = Conditions.find(status.getConditions(), Conditions.READY)
        .filter(ready -> Objects.equals(ready.getObservedGeneration(), generation(resource))).isPresent();
    if (!readyForThisSpec) {
      Conditions.set(status.getConditions(), Conditions.READY, false, reason, message, generation(resource), now);
    }
    Conditions.set(status.getConditions(), Conditions.RECONCILING, true, reason, message, generation(resource), now);
    Conditions.set(status.getConditions(), Conditions.STALLED, false, reason, "Retrying automatically.",
        generation(resource), now);
  }

  /** A long streak of reconciles held back by our own limiter: Reconciling says what it waits for, since when. */
  private Duration heldBack(R resource, Failure failure, Instant since, Instant now) {
    String message = "Held back since " + since + ": " + failure.message() + " It goes on as soon as it can.";
    stillReconciling(resource, failure.reason(), message, now);
    return failure.retryAfter().orElseGet(timings::confirm);
  }

  private void setConditions(R resource, boolean ready, String reason, String message, boolean reconciling,
      String reconcilingReason, Instant now) {
    KaizenStatus status = statusOf(resource);
    Long generation = generation(resource);
    Conditions.set(status.getConditions(), Conditions.READY, ready, reason, message, generation, now);
    Conditions.set(status.getConditions(), Conditions.RECONCILING, reconciling,
        reconciling ? reconcilingReason : reason, reconciling ? message : "Nothing in flight.", generation, now);
    Conditions.set(status.getConditions(), Conditions.STALLED, false, reason, "Nothing blocks progress.", generation,
        now);
  }

  /**
   * Applies the plan and logs each applied change once at INFO with what it did, including those applied before a
   * change that failed.
   */
  private List<Applied<G>> apply(R resource, Plan<G> plan, G gateway) {
    try {
      List<Applied<G>> applied = plan.applyTo(gateway);
      applied.forEach(change -> logApplied(resource, change));
      return applied;
    } catch (ChangeFailedException e) {
      e.appliedBefore().forEach(change -> logApplied(resource, change));
      throw e;
    }
  }

  private void logApplied(R resource, Applied<?> applied) {
    LOG.info("{} {}/{}: applied {} ({})", kindName, ns(resource), name(resource), applied.describe(),
        applied.happened());
  }

  /** The lines of the changes that did something, for an event; empty when none did. */
  private static String tookEffect(List<? extends Applied<?>> applied) {
    return applied.stream().filter(Applied::tookEffect).map(Applied::describe)
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /**
   * One event for what the applied changes did; none when none of them did anything (each found its goal already
   * reached).
   */
  private void announce(R resource, List<Applied<G>> applied, Ownership ownership, boolean specChanged,
      boolean wasReady, OwnershipStatus recorded, boolean rootExisted) {
    String changes = tookEffect(applied);
    if (changes.isEmpty()) {
      return;
    }
    if (ownership == Ownership.ADOPT) {
      events.normal(resource, Reasons.ADOPTED, "Adopted an existing object with no owner: " + changes + ".");
    } else if (ownership == Ownership.REATTACH) {
      events.normal(resource, Reasons.REATTACHED,
          "Re-attached to the objects of an earlier resource with the same name: " + changes + ".");
    } else if (ownership == Ownership.TAKE_OVER) {
      events.normal(resource, Reasons.REATTACHED, "Took over objects tagged by a previous identity of this cluster ("
          + String.join(", ", assessor.cluster().previous()) + "): " + changes + ".");
    } else if (!specChanged && (wasReady || Objects.equals(generation(resource),
        convergedGenerations.get(uid(resource))))) {
      events.normal(resource, Reasons.DRIFT_CORRECTED, "AWS had drifted from the spec; corrected: " + changes + ".");
      metrics.driftCorrected(kindName);
    } else {
      // Created when this apply made the root, or when no root was seen at an earlier full observe: the first
      // convergence, even when a crash mid-create left the root already made by us (the plan then holds only the
      // rest). Anything else created (a new metric filter, say) makes an existing resource Updated.
      boolean rootCreated = !rootExisted && applied.stream().anyMatch(a -> a.happened() == Happened.CREATED);
      boolean firstConvergence = recorded == null || OwnershipStatus.ABSENT.equals(recorded.getVerdict());
      events.normal(resource, rootCreated || firstConvergence ? Reasons.CREATED : Reasons.UPDATED, changes + ".");
    }
  }

  private interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  private Scope mdc(R resource) {
    MDC.put(MDC_KIND, kindName);
    MDC.put(MDC_NAMESPACE, ns(resource) == null ? "" : ns(resource));
    MDC.put(MDC_NAME, name(resource));
    return () -> {
      MDC.remove(MDC_KIND);
      MDC.remove(MDC_NAMESPACE);
      MDC.remove(MDC_NAME);
    };
  }

  private KaizenStatus statusOf(R resource) {
    return kind.initStatus(resource);
  }

  private static Optional<Instant> parseInstant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String annotation(CustomResource<?, ?> resource, String key) {
    var annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static Long generation(CustomResource<?, ?> resource) {
    return resource.getMetadata().getGeneration();
  }

  private static String uid(CustomResource<?, ?> resource) {
    return resource.getMetadata().getUid();
  }

  private static String ns(CustomResource<?, ?> resource) {
    return resource.getMetadata().getNamespace();
  }

  private static String name(CustomResource<?, ?> resource) {
    return resource.getMetadata().getName();
  }
}
