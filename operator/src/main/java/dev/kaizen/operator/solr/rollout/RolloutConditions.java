package dev.kaizen.operator.solr.rollout;

import static dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase.*;

import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus.Phase;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import dev.kaizen.operator.core.reconcile.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the rollout says in conditions: its detail conditions, what it waits for, and when it stalls. */
public final class RolloutConditions {
  public static final String STANDBY_READY = "StandbyReady";
  public static final String REINDEX_COMPLETE = "ReindexComplete";
  public static final String STANDBY_VERIFIED = "StandbyVerified";
  public static final String ROLLOUT_COMPLETE = "RolloutComplete";

  /** Phases during which every observe is full and Ready waits (Holding is Ready: traffic is on the new revision). */
  private static final Set<Phase> IN_PROGRESS = Set.of(StandbyProvisioning, Reindexing, Verifying, AwaitingPromotion,
      Switching, Holding, CatchingUp, Abandoning);

  /**
   * While a step waits on its Job, rechecks are this many times further apart than a colour's: the Job watch wakes
   * the cluster when the Job ends (10 s -> 10 min by default, capped by the periodic requeue).
   */
  static final int JOB_RECHECK_FACTOR = 60;

  private RolloutConditions() {}

  /** How long until the hold ends, while Holding (then the previous colour or collections go). */
  public static Optional<Duration> holdEnds(Optional<RolloutStatus> rollout, Instant now) {
    return rollout.filter(r -> r.getPhase() == Holding && r.getHoldUntil() != null)
        .map(r -> Duration.between(now, Instant.parse(r.getHoldUntil())))
        .map(until -> until.isNegative() ? Duration.ofMillis(100) : until.plusMillis(100));
  }

  public static boolean inProgress(Optional<RolloutStatus> rollout) {
    return rollout.map(RolloutStatus::getPhase).filter(IN_PROGRESS::contains).isPresent();
  }

  /** The four detail conditions, once a rollout has happened (none before: nothing to say). */
  public static List<DetailCondition> details(Optional<RolloutStatus> rollout) {
    if (rollout.isEmpty() || rollout.get().getPhase() == null) {
      return List.of();
    }
    RolloutStatus r = rollout.get();
    Phase phase = r.getPhase();
    String pending = "Pending";
    return List.of(
        step(r, "StandbyReady", STANDBY_READY, phase == StandbyProvisioning ? "StandbyProvisioning" : pending,
            "The " + r.getToColour() + " colour is up with " + r.getRevisionSummary() + ".", "The "
                + r.getToColour() + " colour is not up yet with " + r.getRevisionSummary() + "."),
        "Reindex".equals(r.getFailedStep()) ? DetailCondition.of(REINDEX_COMPLETE, false, "ReindexFailed",
            r.getMessage())
            : step(r, "ReindexComplete", REINDEX_COMPLETE, phase == Reindexing ? "Reindexing" : pending,
                "The reindex Job " + r.getJob() + " succeeded.", "The standby is not reindexed yet."),
        "Verify".equals(r.getFailedStep()) ? DetailCondition.of(STANDBY_VERIFIED, false, "VerificationFailed",
            r.getMessage())
            : step(r, "StandbyVerified", STANDBY_VERIFIED, phase == Verifying ? "Verifying" : pending,
                "The standby passed verification.", "The standby is not verified yet."),
        phase == Complete ? DetailCondition.of(ROLLOUT_COMPLETE, true, "RolloutComplete", r.getMessage())
            : DetailCondition.of(ROLLOUT_COMPLETE, false, phase.name(), r.getMessage() == null ? phase.name()
                : r.getMessage()));
  }

  private static DetailCondition step(RolloutStatus r, String done, String type, String reason, String doneMessage,
      String pendingMessage) {
    return r.getStepsDone().contains(done) ? DetailCondition.of(type, true, done, doneMessage)
        : DetailCondition.of(type, false, reason, pendingMessage);
  }

  /**
   * What the resource waits for while the rollout runs (Ready False, Reconciling True), when to look again; a failed
   * step or a rollback stalls instead (thrown, so the loop reports Stalled with the rollout's reason).
   */
  public static Optional<Waiting> waiting(Optional<RolloutStatus> rollout, Duration recheck, long pauseSeconds,
      Instant now) {
    if (rollout.isEmpty() || rollout.get().getPhase() == null) {
      return Optional.empty();
    }
    RolloutStatus r = rollout.get();
    String message = r.getMessage() == null ? r.getPhase().name() : r.getMessage();
    return switch (r.getPhase()) {
      case Failed -> throw new RolloutStalledException("RolloutFailed", message + " Set kaizen.dev/"
          + RolloutPlanner.RETRY + " to a new value to try the step again, or change the spec.");
      case RolledBack -> throw new RolloutStalledException("RolledBack", message);
      case Switching -> {
        Instant next = Instant.parse(r.getPhaseStartedAt()).plusSeconds(pauseSeconds);
        Duration until = Duration.between(now, next);
        yield Optional.of(new Waiting("Switching", message, until.isNegative() || until.compareTo(recheck) > 0
            ? recheck : until.plusMillis(100)));
      }
      // A Job's end wakes the cluster through the Job watch: its rechecks are only a safety net.
      case Reindexing, CatchingUp -> Optional.of(new Waiting(r.getPhase().name(), message,
          recheck.multipliedBy(JOB_RECHECK_FACTOR)));
      case StandbyProvisioning, Verifying, AwaitingPromotion, Abandoning ->
          Optional.of(new Waiting(r.getPhase().name(), message, recheck));
      default -> Optional.empty();
    };
  }
}
