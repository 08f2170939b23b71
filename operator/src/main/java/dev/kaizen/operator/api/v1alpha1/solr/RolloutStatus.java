package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blue/green rollout under way (or the last one). Each phase is written here, locked, before the operator acts on
 * it, so a restart resumes from here and never repeats a step that took effect.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RolloutStatus {
  public enum Phase {
    /** The standby colour's nodes are coming up with the new revision; then its configset and collections. */
    StandbyProvisioning,
    /** The reindex Job runs against the standby. */
    Reindexing,
    /** Document counts and smoke queries are checked on the standby. */
    Verifying,
    /** The switch waits for kaizen.dev/promote to name the revision. */
    AwaitingPromotion,
    /** The live listener moves to the new colour, step by step. */
    Switching,
    /** Traffic is on the new colour; the previous one is kept for a rollback until holdUntil. */
    Holding,
    /** The previous colour was scaled to zero; the rollout is over. */
    Complete,
    /** A step failed: live traffic untouched, the standby kept for inspection. */
    Failed,
    /** A rollback's catch-up Job runs against the previous colour. */
    CatchingUp,
    /** Traffic was moved back to the previous colour. */
    RolledBack,
    /** The standby of an abandoned rollout is being scaled to zero before a new one starts. */
    Abandoning,
    /** The abandoned rollout's standby is at zero; a new rollout starts if the spec asks for another revision. */
    Abandoned
  }

  @JsonPropertyDescription("The phase the rollout is in.")
  private Phase phase;

  @JsonPropertyDescription("The revision being rolled out, in short (what kaizen.dev/promote must name).")
  @Size(max = 32)
  private String revision;

  @JsonPropertyDescription("The revision being rolled out: Solr version, instance type, AMI, configset hash.")
  @Size(max = 256)
  private String revisionSummary;

  @JsonPropertyDescription("The colour live traffic came from.")
  @Size(max = 8)
  private String fromColour;

  @JsonPropertyDescription("The colour being rolled out to.")
  @Size(max = 8)
  private String toColour;

  @JsonPropertyDescription("The steps done, in order: StandbyReady, ReindexComplete, StandbyVerified, Promoted,"
      + " Switched, RolloutComplete, RolledBack.")
  @Size(max = 16)
  private List<@Size(max = 32) String> stepsDone = new ArrayList<>();

  @JsonPropertyDescription("When the current phase (or weighted step) was entered.")
  @Size(max = 40)
  private String phaseStartedAt;

  @JsonPropertyDescription("The weighted step in effect (0-based index into spec.rollout.trafficSwitch.steps).")
  private Integer switchStep;

  @JsonPropertyDescription("The live listener's weights per colour during a weighted switch.")
  @Size(max = 2)
  private Map<@Size(max = 8) String, Integer> weights = new LinkedHashMap<>();

  @JsonPropertyDescription("When live traffic first reached the new colour: writes after it are not in the previous"
      + " colour.")
  @Size(max = 40)
  private String switchTime;

  @JsonPropertyDescription("Until when the previous colour is kept for a rollback.")
  @Size(max = 40)
  private String holdUntil;

  @JsonPropertyDescription("The Job of the current step (reindex or catch-up).")
  @Size(max = 63)
  private String job;

  @JsonPropertyDescription("Attempts of the current step (a retry starts a new one).")
  private Integer attempt;

  @JsonPropertyDescription("The step that failed: Reindex, Verify or CatchUp.")
  @Size(max = 32)
  private String failedStep;

  @JsonPropertyDescription("What happened, in one sentence.")
  @Size(max = 2048)
  private String message;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public String getRevisionSummary() {
    return revisionSummary;
  }

  public void setRevisionSummary(String revisionSummary) {
    this.revisionSummary = revisionSummary;
  }

  public String getFromColour() {
    return fromColour;
  }

  public void setFromColour(String fromColour) {
    this.fromColour = fromColour;
  }

  public String getToColour() {
    return toColour;
  }

  public void setToColour(String toColour) {
    this.toColour = toColour;
  }

  public List<String> getStepsDone() {
    return stepsDone;
  }

  public void setStepsDone(List<String> stepsDone) {
    this.stepsDone = stepsDone == null ? new ArrayList<>() : stepsDone;
  }

  public String getPhaseStartedAt() {
    return phaseStartedAt;
  }

  public void setPhaseStartedAt(String phaseStartedAt) {
    this.phaseStartedAt = phaseStartedAt;
  }

  public Integer getSwitchStep() {
    return switchStep;
  }

  public void setSwitchStep(Integer switchStep) {
    this.switchStep = switchStep;
  }

  public Map<String, Integer> getWeights() {
    return weights;
  }

  public void setWeights(Map<String, Integer> weights) {
    this.weights = weights == null ? new LinkedHashMap<>() : weights;
  }

  public String getSwitchTime() {
    return switchTime;
  }

  public void setSwitchTime(String switchTime) {
    this.switchTime = switchTime;
  }

  public String getHoldUntil() {
    return holdUntil;
  }

  public void setHoldUntil(String holdUntil) {
    this.holdUntil = holdUntil;
  }

  public String getJob() {
    return job;
  }

  public void setJob(String job) {
    this.job = job;
  }

  public Integer getAttempt() {
    return attempt;
  }

  public void setAttempt(Integer attempt) {
    this.attempt = attempt;
  }

  public String getFailedStep() {
    return failedStep;
  }

  public void setFailedStep(String failedStep) {
    this.failedStep = failedStep;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  // ---- strategy Alias ----
  @JsonPropertyDescription("The strategy of this rollout: BlueGreen (two colours) or Alias (new collections in the"
      + " live colour behind the collection aliases).")
  private RolloutSpec.Strategy strategy;

  @JsonPropertyDescription("Alias rollout: the revision being rolled out (the live colour keeps its nodes).")
  private RevisionStatus targetRevision;

  @JsonPropertyDescription("Alias rollout: the live colour's revision before it, restored by a rollback.")
  private RevisionStatus previousRevision;

  @JsonPropertyDescription("Alias rollout: alias -> the new collection it is switched to.")
  @Size(max = 32)
  private Map<@Size(max = 100) String, @Size(max = 128) String> collections = new LinkedHashMap<>();

  @JsonPropertyDescription("Alias rollout: alias -> the collection it served before, kept for the hold time.")
  @Size(max = 32)
  private Map<@Size(max = 100) String, @Size(max = 128) String> previousCollections = new LinkedHashMap<>();

  public RolloutSpec.Strategy getStrategy() {
    return strategy;
  }

  public void setStrategy(RolloutSpec.Strategy strategy) {
    this.strategy = strategy;
  }

  /** Whether this rollout switches aliases inside the live colour (a status without a strategy is BlueGreen). */
  public boolean aliasRollout() {
    return strategy == RolloutSpec.Strategy.Alias;
  }

  public RevisionStatus getTargetRevision() {
    return targetRevision;
  }

  public void setTargetRevision(RevisionStatus targetRevision) {
    this.targetRevision = targetRevision;
  }

  public RevisionStatus getPreviousRevision() {
    return previousRevision;
  }

  public void setPreviousRevision(RevisionStatus previousRevision) {
    this.previousRevision = previousRevision;
  }

  public Map<String, String> getCollections() {
    return collections;
  }

  public void setCollections(Map<String, String> collections) {
    this.collections = collections == null ? new LinkedHashMap<>() : collections;
  }

  public Map<String, String> getPreviousCollections() {
    return previousCollections;
  }

  public void setPreviousCollections(Map<String, String> previousCollections) {
    this.previousCollections = previousCollections == null ? new LinkedHashMap<>() : previousCollections;
  }
}
